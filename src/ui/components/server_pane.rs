//! The server view: whether the simulated Flask runs the editor's code, the session as the last
//! request's handler saw it (before/after, flags, the store), and the log (start-ups, print
//! output, tracebacks as Python prints them, and the development server's access lines in the
//! colours a terminal shows).

use std::rc::Rc;

use yew::prelude::*;

use super::server_session::{ServerSession, ServerSessionProps};
use super::step_through::StepThroughView;
use crate::scenario::SessionMode;
use crate::ui::ansi::to_html;
use crate::ui::state::{Action, ServerStatus};
use crate::ui::step_through::StepThrough;

/// Props of [`ServerPane`].
#[derive(Properties, PartialEq)]
pub struct ServerPaneProps {
    /// Running, reloading or failed to start.
    pub status: ServerStatus,
    /// The log text (shared with the workspace: passing it copies a pointer).
    pub log: Rc<String>,
    /// The session of the request shown.
    pub session: ServerSessionProps,
    /// How the app keeps its session.
    pub mode: SessionMode,
    /// The request being stepped through: the recording, its timeline entry, and whether the
    /// editor still holds the code it ran.
    #[prop_or_default]
    pub step: Option<(StepThrough, usize, bool)>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The server pane.
#[function_component(ServerPane)]
pub fn server_pane(props: &ServerPaneProps) -> Html {
    let log_ref = use_node_ref();
    {
        // Keep the newest lines in view, as a terminal does. Every request adds a line, so this
        // runs on each one: reading the height in the next animation frame uses the layout the
        // frame does anyway, where reading it here would force one in the middle of the update.
        // Keyed on the text, not its length: a full log keeps its length as lines come and go.
        let log_ref = log_ref.clone();
        use_effect_with(Rc::clone(&props.log), move |_| {
            let scroll = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(element) = log_ref.cast::<web_sys::Element>() {
                    element.set_scroll_top(element.scroll_height());
                }
            });
            if let Some(window) = web_sys::window() {
                let _ =
                    window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&scroll));
            }
        });
    }
    // The log as one piece of escaped markup (see `ansi::to_html`), made again only when the
    // log changed.
    let log_html = use_memo(Rc::clone(&props.log), |log| AttrValue::from(to_html(log)));
    let status = props.status.as_str();
    let on_mode = props.on_action.reform(|event: Event| {
        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
        Action::SetSessionMode(match select.value().as_str() {
            "unsigned" => SessionMode::Unsigned,
            "server" => SessionMode::Server,
            _ => SessionMode::Signed,
        })
    });
    let modes = [
        (SessionMode::Signed, "signed cookie (Flask's default)"),
        (SessionMode::Unsigned, "unsigned cookie (no signature)"),
        (SessionMode::Server, "server-side store (Flask-Session)"),
    ];
    html! {
        <div class="server">
            <div class="server-header">
                <h2 class="pane-title">{ "Server" }</h2>
                <label class="session-mode" title="How the app keeps its session: the server restarts with it; cookies stay">
                    { "session: " }
                    <select onchange={on_mode}>
                        { for modes.iter().map(|(mode, label)| html! {
                            <option value={mode.as_str()} selected={*mode == props.mode}>{ *label }</option>
                        }) }
                    </select>
                </label>
                <span class="server-status-label" title="The simulated development server (what `flask run` starts): it restarts on the editor's code when you pause typing">
                    { "dev server (flask run): " }
                    <span data-testid="server-status" class={classes!("server-status", status)}>{ status }</span>
                </span>
            </div>
            if let Some((step_through, entry, editor_matches)) = &props.step {
                <StepThroughView step_through={step_through.clone()} entry={*entry} editor_matches={*editor_matches} on_action={props.on_action.clone()} />
            } else {
                <ServerSession exchanges={props.session.exchanges.clone()} title={props.session.title.clone()}
                    store={props.session.store.clone()} on_step={props.session.on_step.clone()} />
            }
            <pre data-testid="server-log" class="server-log" aria-label="Server log" tabindex="0" ref={log_ref}>
                { Html::from_html_unchecked((*log_html).clone()) }
            </pre>
        </div>
    }
}
