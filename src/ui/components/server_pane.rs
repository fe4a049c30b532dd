//! The server view: whether the simulated Flask runs the editor's code, the session as the last
//! request's handler saw it (before/after, flags, the store), and the log (start-ups, print
//! output, tracebacks as Python prints them).

use yew::prelude::*;

use super::server_session::{ServerSession, ServerSessionProps};
use crate::ui::state::ServerStatus;

/// Props of [`ServerPane`].
#[derive(Properties, PartialEq)]
pub struct ServerPaneProps {
    /// Running, reloading or failed to start.
    pub status: ServerStatus,
    /// The log text.
    pub log: String,
    /// The session of the request shown.
    pub session: ServerSessionProps,
}

/// The server pane.
#[function_component(ServerPane)]
pub fn server_pane(props: &ServerPaneProps) -> Html {
    let log_ref = use_node_ref();
    {
        // Keep the newest lines in view, as a terminal does.
        let log_ref = log_ref.clone();
        use_effect_with(props.log.len(), move |_| {
            if let Some(element) = log_ref.cast::<web_sys::Element>() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }
    let status = props.status.as_str();
    html! {
        <div class="server">
            <div class="server-header">
                <h2 class="pane-title">{ "Server" }</h2>
                <span class="server-status-label">
                    { "flask run: " }
                    <span data-testid="server-status" class={classes!("server-status", status)}>{ status }</span>
                </span>
            </div>
            <ServerSession exchanges={props.session.exchanges.clone()} title={props.session.title.clone()} store={props.session.store.clone()} />
            <pre data-testid="server-log" class="server-log" aria-label="Server log" ref={log_ref}>{ &props.log }</pre>
        </div>
    }
}
