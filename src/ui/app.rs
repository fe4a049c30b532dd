//! The root component: owns the one `use_reducer` over [`Workspace`], derives what each pane
//! shows, and lays out the panes.

use yew::prelude::*;

use super::components::{
    browser_pane::BrowserPane, devtools::DevTools, editor::Editor, header::Header,
    server_pane::ServerPane,
};
use super::state::{Action, Workspace};

/// How long the editor must be still before the server reloads (well under the contract's 2 s).
const RELOAD_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let workspace = use_reducer(Workspace::default);
    {
        // Start the app's server once the page has painted, so the editor is usable first.
        let dispatch = workspace.dispatcher();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                dispatch.dispatch(Action::ReloadServer);
            });
        });
    }
    let dispatch = {
        let workspace = workspace.clone();
        Callback::from(move |action: Action| workspace.dispatch(action))
    };
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| super::shortcuts::install(dispatch));
    }
    {
        // The reloader: the server restarts once the learner has paused typing.
        let dispatch = dispatch.clone();
        use_effect_with(workspace.code.clone(), move |code| {
            let code = code.clone();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(RELOAD_PAUSE).await;
                dispatch.emit(Action::ReloadIfUnchanged(code));
            });
        });
    }
    let on_code_change = dispatch.reform(Action::EditCode);
    let on_dismiss = dispatch.reform(|_| Action::DismissNotice);

    let active = workspace.active();
    let profile_names: Vec<String> =
        workspace.browser.profiles().iter().map(|profile| profile.name.clone()).collect();
    let now = workspace.browser.clock.now();
    let cookies: Vec<_> = active.jar.list(now).into_iter().cloned().collect();

    html! {
        <div class="shell">
            <Header notice={workspace.notice.clone()} {on_dismiss} />
            <main class="panes">
                <section class="pane pane-editor" aria-label="Editor">
                    <h2 class="pane-title">{ "app.py" }</h2>
                    <Editor code={workspace.code.clone()} on_change={on_code_change} marks={workspace.editor_marks()} />
                </section>
                <section class="pane pane-browser" aria-label="Virtual browser">
                    <BrowserPane
                        profiles={profile_names.clone()}
                        active={active.name.clone()}
                        open={active.open}
                        continue_where_left_off={active.continue_where_left_off}
                        page={workspace.active_page().cloned()}
                        on_action={dispatch.clone()}
                    />
                </section>
                <section class="pane pane-server" aria-label="Server">
                    <ServerPane status={workspace.server_status} log={workspace.server_log.clone()} />
                </section>
                <section class="pane pane-devtools" aria-label="Dev tools">
                    <DevTools
                        now={workspace.clock_text()}
                        {cookies}
                        other_profiles={profile_names.iter().filter(|name| **name != active.name).cloned().collect::<Vec<_>>()}
                        timeline={workspace.timeline.clone()}
                        requests={workspace.requests().cloned().collect::<Vec<_>>()}
                        session={workspace.session_inspection()}
                        on_action={dispatch}
                    />
                </section>
            </main>
        </div>
    }
}
