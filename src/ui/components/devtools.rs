//! The dev tools: the virtual clock, the cookie jar, the session decoder and the timeline.

use yew::prelude::*;

use super::clock::Clock;
use super::cookie_table::CookieTable;
use super::network::Network;
use super::timeline::Timeline;
use crate::browser::Cookie;
use crate::ui::state::{Action, TimelineEntry};

/// Props of [`DevTools`].
#[derive(Properties, PartialEq)]
pub struct DevToolsProps {
    /// The virtual time, `YYYY-MM-DDTHH:MM:SSZ`.
    pub now: String,
    /// The active profile's unexpired cookies.
    pub cookies: Vec<Cookie>,
    /// The timeline entries.
    pub timeline: Vec<TimelineEntry>,
    /// The request entries of the timeline.
    pub requests: Vec<TimelineEntry>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The dev-tools pane.
#[function_component(DevTools)]
pub fn dev_tools(props: &DevToolsProps) -> Html {
    html! {
        <div class="devtools">
            <Clock now={props.now.clone()} on_action={props.on_action.clone()} />
            <h2 class="pane-title">{ "Cookies" }</h2>
            <div class="table-scroll">
                <CookieTable cookies={props.cookies.clone()} on_action={props.on_action.clone()} />
            </div>
            <h2 class="pane-title">{ "Network" }</h2>
            <Network requests={props.requests.clone()} />
            <h2 class="pane-title">{ "Session" }</h2>
            <div data-testid="session-view" class="session-view"></div>
            <h2 class="pane-title">{ "Timeline" }</h2>
            <Timeline entries={props.timeline.clone()} />
        </div>
    }
}
