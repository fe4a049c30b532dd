//! The root component: owns the one `use_reducer` over [`Workspace`] and lays out the panes.

use yew::prelude::*;

use super::components::{
    browser_pane::BrowserPane, devtools::DevTools, editor::Editor, header::Header,
    server_pane::ServerPane,
};
use super::state::{Action, Workspace};

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let workspace = use_reducer(Workspace::default);
    let dispatch = {
        let workspace = workspace.clone();
        Callback::from(move |action: Action| workspace.dispatch(action))
    };
    let on_code_change = dispatch.reform(Action::EditCode);

    html! {
        <div class="shell">
            <Header />
            <main class="panes">
                <section class="pane pane-editor" aria-label="Editor">
                    <h2 class="pane-title">{ "app.py" }</h2>
                    <Editor code={workspace.code.clone()} on_change={on_code_change} />
                </section>
                <section class="pane pane-browser" aria-label="Virtual browser">
                    <BrowserPane
                        profiles={workspace.profiles.clone()}
                        active_profile={workspace.active_profile}
                        on_action={dispatch.clone()}
                    />
                </section>
                <section class="pane pane-server" aria-label="Server">
                    <ServerPane />
                </section>
                <section class="pane pane-devtools" aria-label="Dev tools">
                    <DevTools clock_now={workspace.clock_now} />
                </section>
            </main>
        </div>
    }
}
