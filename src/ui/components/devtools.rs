//! The dev tools: the virtual clock, the cookie jar, the session decoder (with the forging
//! tools), the timeline, and what a script on the page would see.

use yew::prelude::*;

use super::clock::Clock;
use super::cookie_table::CookieTable;
use super::forge_tools::ForgeTools;
use super::network::Network;
use super::script_panel::ScriptPanel;
use super::sequence_diagram::SequenceDiagram;
use super::session_view::SessionView;
use super::timeline::Timeline;
use crate::browser::Cookie;
use crate::browser::script_view::ScriptView;
use crate::flask::session_inspect::SessionInspection;
use std::rc::Rc;

use crate::ui::shared_log::SharedLog;
use crate::ui::state::{Action, TimelineEntry};

/// Props of [`DevTools`].
#[derive(Properties, PartialEq)]
pub struct DevToolsProps {
    /// The virtual time, `YYYY-MM-DDTHH:MM:SSZ`.
    pub now: String,
    /// The active profile's unexpired cookies.
    pub cookies: Vec<Cookie>,
    /// The other profiles (targets of "copy to").
    pub other_profiles: Vec<String>,
    /// Every profile, in order (the sequence diagram's lanes).
    pub profiles: Vec<String>,
    /// The timeline entries.
    pub timeline: SharedLog<Rc<TimelineEntry>>,
    /// The timeline entry whose state is on screen, while rewinding.
    pub selected: Option<usize>,
    /// The request entries of the timeline, each with its index in the timeline.
    pub requests: Vec<(usize, Rc<TimelineEntry>)>,
    /// The active profile's session cookie, taken apart.
    pub session: Option<(String, SessionInspection)>,
    /// What a script on the active profile's page would see.
    #[prop_or_default]
    pub script: Option<ScriptView>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The tabs of the dev tools, in order.
const TABS: [&str; 6] = [
    "Cookies", "Network", "Session", "Timeline", "Diagram", "Script",
];

/// The dev-tools pane: the clock above tabs, as in a browser's dev tools. Every panel stays in
/// the document (hidden when not selected), so tests and screen readers find each one.
#[function_component(DevTools)]
pub fn dev_tools(props: &DevToolsProps) -> Html {
    let selected = use_state(|| 0usize);
    let tab = |index: usize| {
        let select = {
            let selected = selected.clone();
            Callback::from(move |_: MouseEvent| selected.set(index))
        };
        let label = match index {
            0 => format!("Cookies ({})", props.cookies.len()),
            1 => format!("Network ({})", props.requests.len()),
            3 => format!("Timeline ({})", props.timeline.len()),
            _ => TABS[index].to_string(),
        };
        html! {
            <button role="tab" id={format!("devtools-tab-{index}")} class="devtools-tab"
                aria-selected={(*selected == index).to_string()}
                aria-controls={format!("devtools-panel-{index}")} onclick={select}>
                { label }
            </button>
        }
    };
    let panel = |index: usize, content: Html| {
        html! {
            <div role="tabpanel" id={format!("devtools-panel-{index}")} class="devtools-panel"
                aria-labelledby={format!("devtools-tab-{index}")} hidden={*selected != index}>
                { content }
            </div>
        }
    };
    // The jar's entry for the decoded session cookie (the one an edited payload replaces).
    let session_cookie = props.session.as_ref().and_then(|(value, _)| {
        props
            .cookies
            .iter()
            .find(|cookie| cookie.value == *value)
            .map(|cookie| cookie.key())
    });
    html! {
        <div class="devtools">
            <Clock now={props.now.clone()} on_action={props.on_action.clone()} />
            <div role="tablist" class="devtools-tabs" aria-label="Dev tools">
                { for (0..TABS.len()).map(tab) }
            </div>
            { panel(0, html! {
                <div class="table-scroll">
                    <CookieTable cookies={props.cookies.clone()} other_profiles={props.other_profiles.clone()} on_action={props.on_action.clone()} />
                </div>
            }) }
            // Drawn only while its tab is open, as the diagram below: it has a row per request,
            // and a rewind to an early entry of a long history would otherwise take all but one
            // of them out of the page and put them back on the way to now (issue 21).
            { panel(1, if *selected == 1 { html! {
                <Network requests={props.requests.clone()} on_action={props.on_action.clone()} />
            } } else { html! {} }) }
            { panel(2, html! {
                <>
                    <SessionView inspection={props.session.clone()} cookie={session_cookie} on_action={props.on_action.clone()} />
                    <ForgeTools cookie={props.session.as_ref().map(|(value, _)| value.clone())} on_action={props.on_action.clone()} />
                </>
            }) }
            { panel(3, html! { <Timeline entries={props.timeline.clone()} selected={props.selected} on_action={props.on_action.clone()} /> }) }
            // The diagram is drawn only while its tab is open: it is the one panel whose size
            // grows with every entry, and no test id lives inside it.
            { panel(4, if *selected == 4 { html! {
                <SequenceDiagram entries={props.timeline.clone()} profiles={props.profiles.clone()}
                    selected={props.selected} on_select={props.on_action.reform(Action::ViewEntry)} />
            } } else { html! {} }) }
            { panel(5, html! { <ScriptPanel view={props.script.clone()} /> }) }
        </div>
    }
}
