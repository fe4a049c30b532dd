//! The server view: the simulated Flask's log (print output, tracebacks, warnings).

use yew::prelude::*;

/// The server pane.
#[function_component(ServerPane)]
pub fn server_pane() -> Html {
    html! {
        <div class="server">
            <h2 class="pane-title">{ "Server" }</h2>
            <pre data-testid="server-log" class="server-log" aria-label="Server log"></pre>
        </div>
    }
}
