//! The Network list of the dev tools: one row per request (method, path, status, virtual time);
//! a selected row opens every exchange with its raw request and response headers, `Cookie` and
//! `Set-Cookie` highlighted, and the jar's reason for each cookie sent, skipped or stored, and a
//! button that steps through that request line by line in the server view. Beneath a page's row,
//! one row per stylesheet it loaded (type `stylesheet`, initiator the page, as Chromium's dev
//! tools list them); the page's exchanges are followed by each stylesheet's, or the reason it
//! was not loaded or not applied.

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
    selected: bool,
    on_select: UseStateSetter<Option<usize>>,
}

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
    let select = {
        let setter = props.on_select.clone();
        Callback::from(move |_: MouseEvent| setter.set(Some(index)))
    };
    let redirects = outcome.hops.len() - 1;
    html! {
        <>
        <tr class={classes!("network-row", selected.then_some("selected"))}
            onclick={select} tabindex="0" aria-selected={selected.to_string()}>
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
            <td>{ format_instant(entry.at) }</td>
        </tr>
        { for entry.subresources.iter().map(|sheet| html! {
            <tr class="network-row network-subresource" data-testid="network-stylesheet">
                <td colspan="4">{ sheet_row(first, sheet) }</td><td>{ format_instant(entry.at) }</td>
            </tr>
        }) }
        </>
    }
}

/// A stylesheet's row: its path on the page's site (or the `href` it was not loaded from),
/// status, type and initiator (the page's path), in one cell under the page's Method, Path and
/// Status.
fn sheet_row(page: &Hop, sheet: &Subresource) -> String {
    let (path, status) = match &sheet.load {
        Load::Fetched(outcome) => (
            outcome.hops[0].url.path_and_query(),
            outcome.final_hop().response.status.to_string(),
        ),
        Load::Blocked(_) => (sheet.href.clone(), "(blocked)".to_string()),
    };
    format!(
        "{path} · {status} · stylesheet · from {}",
        page.url.path_and_query()
    )
}

/// What the Network list says about a stylesheet under its exchanges: what it is, why it was
/// not loaded or not applied, and what a sheet itself would load (the page frame blocks it).
fn sheet_notes(sheet: &Subresource) -> String {
    let mut notes = format!("Stylesheet {} of {}.", sheet.href, sheet.initiator);
    if let Load::Blocked(why) = &sheet.load {
        notes.push_str(&format!(" {why}."));
    }
    if let Some(why) = sheet.not_applied() {
        notes.push_str(&format!(" {why}."));
    }
    notes.push_str(
        " @import, url() images and fonts inside a stylesheet are not loaded: the page frame's \
         Content-Security-Policy blocks them.",
    );
    notes
}

/// The Network list.
#[function_component(Network)]
pub fn network(props: &NetworkProps) -> Html {
    // `None` means "follow the newest request", so a new request opens by itself.
    let selected = use_state(|| None::<usize>);
    let shown = selected.or_else(|| props.requests.len().checked_sub(1));
    html! {
        <div class="network">
            <table class="network-list">
                <thead><tr><th>{ "Browser" }</th><th>{ "Method" }</th><th>{ "Path" }</th><th>{ "Status" }</th><th>{ "Time" }</th></tr></thead>
                <tbody>
                    { for props.requests.iter().map(|(_, entry)| entry).enumerate().map(|(index, entry)| html! {
                        <NetworkRow key={index} {index} entry={entry.clone()} selected={shown == Some(index)}
                            on_select={selected.setter()} />
                    }) }
                </tbody>
            </table>
            if let Some((entry, outcome, sheets)) = shown.and_then(|index| props.requests.get(index)).and_then(|(entry, request)| Some((*entry, request.exchange.clone()?, request.subresources.clone()))) {
                <div class="exchange-actions">
                    <button data-testid="network-step-through" title="Run this request again line by line in the server view"
                        onclick={props.on_action.reform(move |_: MouseEvent| Action::StepThrough(entry))}>{ "Step through this request" }</button>
                </div>
                <Exchange {outcome} />
                { for sheets.iter().map(|sheet| html! {
                    <div data-testid="stylesheet-detail">
                        if let Load::Fetched(outcome) = &sheet.load { <Exchange outcome={outcome.clone()} /> }
                        <p class="reason">{ sheet_notes(sheet) }</p>
                    </div>
                }) }
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
