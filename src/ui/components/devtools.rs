//! The dev tools: cookie jar, session decoder, timeline and the virtual clock.

use yew::prelude::*;

use crate::ui::state::format_instant;

/// Props of [`DevTools`].
#[derive(Properties, PartialEq)]
pub struct DevToolsProps {
    /// The virtual clock, Unix seconds.
    pub clock_now: i64,
}

/// The dev-tools pane.
#[function_component(DevTools)]
pub fn dev_tools(props: &DevToolsProps) -> Html {
    html! {
        <div class="devtools">
            <div class="clock">
                <span class="clock-label">{ "Virtual time" }</span>
                <time data-testid="clock-now" class="clock-now">{ format_instant(props.clock_now) }</time>
            </div>
            <h2 class="pane-title">{ "Cookies" }</h2>
            <table data-testid="cookie-jar" class="cookie-jar">
                <thead>
                    <tr>
                        <th>{ "Name" }</th><th>{ "Value" }</th><th>{ "Domain" }</th><th>{ "Path" }</th>
                        <th>{ "Expires / Max-Age" }</th><th>{ "Size" }</th><th>{ "HttpOnly" }</th>
                        <th>{ "Secure" }</th><th>{ "SameSite" }</th>
                    </tr>
                </thead>
                <tbody></tbody>
            </table>
            <h2 class="pane-title">{ "Session" }</h2>
            <div data-testid="session-view" class="session-view"></div>
            <h2 class="pane-title">{ "Timeline" }</h2>
            <ol data-testid="timeline" class="timeline"></ol>
        </div>
    }
}
