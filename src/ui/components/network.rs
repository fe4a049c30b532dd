//! The Network list of the dev tools: one row per request (method, path, status, virtual time);
//! a selected row opens every exchange with its raw request and response headers, `Cookie` and
//! `Set-Cookie` highlighted, and the jar's reason for each cookie sent, skipped or stored, and a
//! button that steps through that request line by line in the server view. Beneath a page's row,
//! one row per stylesheet it loaded (type `stylesheet`, initiator the page, as Chromium's dev
//! tools list them), or the reason it was not loaded or not applied.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::NavigationOutcome;
use crate::browser::clock::format_instant;
use crate::browser::navigation::Hop;
use crate::browser::subresource::{Load, Subresource};

use crate::ui::state::{Action, TimelineEntry};

/// Props of [`Network`].
#[derive(Properties, PartialEq)]
pub struct NetworkProps {
    /// The request entries of the timeline, oldest first, each with its index in the timeline.
    pub requests: Vec<(usize, Rc<TimelineEntry>)>,
    /// Dispatches workspace actions (the step-through).
    pub on_action: Callback<Action>,
}

#[derive(Properties, PartialEq)]
struct NetworkRowProps {
    index: usize,
    entry: Rc<TimelineEntry>,
    /// `Some(None)`: the page's row is selected; `Some(Some(k))`: its stylesheet `k`.
    selected: Option<Option<usize>>,
    on_select: UseStateSetter<Option<Selected>>,
}

/// A selected row: a request's index, and which of its stylesheets (`None`: the page itself).
type Selected = (usize, Option<usize>);

/// What the Network list shows for a stylesheet that was not requested or not applied (and what
/// a sheet itself would load, which the page frame blocks).
const STYLESHEET_NOTE: &str = "@import, url() images and fonts inside a stylesheet are not \
    loaded: the page frame's Content-Security-Policy blocks them.";

/// One request's row: a component of its own so a new request renders one row, not all.
#[function_component(NetworkRow)]
fn network_row(props: &NetworkRowProps) -> Html {
    let (index, entry, selected) = (props.index, &props.entry, props.selected);
    let Some(outcome) = entry.exchange.as_ref() else {
        return html! {};
    };
    let Some(first) = outcome.hops.first() else {
        return html! {};
    };
    let last = outcome.final_hop();
    let select = |sheet: Option<usize>| {
        let setter = props.on_select.clone();
        Callback::from(move |_: MouseEvent| setter.set(Some((index, sheet))))
    };
    let redirects = outcome.hops.len() - 1;
    let page_selected = selected == Some(None);
    html! {
        <>
        <tr class={classes!("network-row", page_selected.then_some("selected"))}
            onclick={select(None)} tabindex="0" aria-selected={page_selected.to_string()}>
            <td>{ entry.profile.clone().unwrap_or_default() }</td>
            <td>{ &first.request.method }</td>
            <td>
                // Issue 20: another site's host, and the page of another site that started it.
                if first.url.host != "localhost" { <span class="muted">{ first.url.origin() }</span> }
                { first.url.path_and_query() }
                if redirects > 0 { <span class="muted">{ format!(" (+{redirects} redirect{})", if redirects == 1 { "" } else { "s" }) }</span> }
                if let Some(site) = entry.request.as_ref().map(|r| &r.site).filter(|s| s.is_cross_site()) {
                    <span class="muted" data-testid="request-from">{ format!(" ({site})") }</span>
                }
            </td>
            <td>{ last.response.status }</td>
            <td>{ "document" }</td>
            <td class="muted">{ "Other" }</td>
            <td>{ format_instant(entry.at) }</td>
        </tr>
        { for entry.subresources.iter().enumerate().map(|(k, sheet)| {
            let chosen = selected == Some(Some(k));
            let (method, status) = match &sheet.load {
                Load::Fetched(outcome) => ("GET".to_string(), outcome.final_hop().response.status.to_string()),
                Load::Blocked(_) => (String::new(), "(blocked)".to_string()),
            };
            html! {
                <tr class={classes!("network-row", "network-subresource", chosen.then_some("selected"))}
                    data-testid="network-stylesheet" onclick={select(Some(k))} tabindex="0" aria-selected={chosen.to_string()}>
                    <td>{ entry.profile.clone().unwrap_or_default() }</td>
                    <td>{ method }</td>
                    <td>{ sheet_path(sheet) }</td>
                    <td>{ status }</td>
                    <td>{ "stylesheet" }</td>
                    <td class="muted">{ first.url.path_and_query() }</td>
                    <td>{ format_instant(entry.at) }</td>
                </tr>
            }
        }) }
        </>
    }
}

/// A stylesheet's row label: its path on the page's site, or the `href` it was not loaded from.
fn sheet_path(sheet: &Subresource) -> String {
    match &sheet.load {
        Load::Fetched(outcome) => outcome
            .hops
            .first()
            .map_or_else(String::new, |hop| hop.url.path_and_query()),
        Load::Blocked(_) => sheet.href.clone(),
    }
}

/// The Network list.
#[function_component(Network)]
pub fn network(props: &NetworkProps) -> Html {
    // `None` means "follow the newest request", so a new request opens by itself.
    let selected = use_state(|| None::<Selected>);
    let shown = selected.or_else(|| props.requests.len().checked_sub(1).map(|last| (last, None)));
    html! {
        <div class="network">
            <table class="network-list">
                <thead><tr><th>{ "Browser" }</th><th>{ "Method" }</th><th>{ "Path" }</th><th>{ "Status" }</th><th>{ "Type" }</th><th>{ "Initiator" }</th><th>{ "Time" }</th></tr></thead>
                <tbody>
                    { for props.requests.iter().map(|(_, entry)| entry).enumerate().map(|(index, entry)| html! {
                        <NetworkRow key={index} {index} entry={entry.clone()}
                            selected={shown.filter(|(row, _)| *row == index).map(|(_, sheet)| sheet)}
                            on_select={selected.setter()} />
                    }) }
                </tbody>
            </table>
            if let Some(sheet) = shown.and_then(|(index, sheet)| Some(props.requests.get(index)?.1.subresources.get(sheet?)?.clone())) {
                <div class="exchange" data-testid="stylesheet-detail">
                    <p class="reason">{ format!("Stylesheet {} of {}", sheet.href, sheet.initiator) }</p>
                    if let Load::Fetched(outcome) = &sheet.load {
                        { for outcome.hops.iter().map(hop_view) }
                    }
                    if let Load::Blocked(why) = &sheet.load {
                        <p class="reason reason-skip">{ why.to_string() }</p>
                    }
                    if let Some(why) = sheet.not_applied() {
                        <p class="reason reason-skip">{ why }</p>
                    }
                    <p class="reason muted">{ STYLESHEET_NOTE }</p>
                </div>
            } else if let Some((entry, outcome)) = shown.and_then(|(index, _)| props.requests.get(index)).and_then(|(entry, request)| Some((*entry, request.exchange.clone()?))) {
                <div class="exchange-actions">
                    <button data-testid="network-step-through" title="Run this request again line by line in the server view"
                        onclick={props.on_action.reform(move |_: MouseEvent| Action::StepThrough(entry))}>{ "Step through this request" }</button>
                </div>
                <Exchange {outcome} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ExchangeProps {
    outcome: Rc<NavigationOutcome>,
}

#[function_component(Exchange)]
fn exchange(props: &ExchangeProps) -> Html {
    html! {
        <div class="exchange">
            { for props.outcome.hops.iter().map(hop_view) }
            if let Some(stop) = &props.outcome.stop {
                <p class="reason reason-skip">{ stop.to_string() }</p>
            }
        </div>
    }
}

fn hop_view(hop: &Hop) -> Html {
    let request = &hop.request;
    let response = &hop.response;
    let target = if request.query.is_empty() {
        request.path.clone()
    } else {
        format!("{}?{}", request.path, request.query)
    };
    html! {
        <div class="hop">
            <pre class="raw-headers">
                <span class="raw-start">{ format!("{} {target} HTTP/1.1\n", request.method) }</span>
                { for request.headers.iter().map(|(name, value)| header_line(name, value, "cookie")) }
            </pre>
            <ul class="reasons">
                { for hop.sent.iter().map(|decision| html! { <li class="reason">{ decision.to_string() }</li> }) }
            </ul>
            <pre class="raw-headers">
                <span class="raw-start">{ format!("HTTP/1.1 {}\n", response.status) }</span>
                { for response.headers.iter().map(|(name, value)| header_line(name, value, "set-cookie")) }
            </pre>
            <ul class="reasons">
                { for hop.stored.iter().map(|decision| html! { <li class="reason">{ decision.to_string() }</li> }) }
            </ul>
        </div>
    }
}

fn header_line(name: &str, value: &str, highlighted: &str) -> Html {
    let class = name
        .eq_ignore_ascii_case(highlighted)
        .then_some("header-highlight");
    html! { <span class={classes!("header-line", class)}>{ format!("{name}: {value}\n") }</span> }
}
