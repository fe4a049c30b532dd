//! The server's view of the session in one request: what the handler found when the session
//! was opened and what Flask saved, as a diff (added, changed, removed keys), the flags Flask's
//! save rule reads (`modified`, `permanent`, `accessed`), whether a `Set-Cookie` was written and
//! why — per exchange, so a login's redirect shows where the session was written — and the
//! server-side store when the app keeps one. All words come from `flask::trace`.

use yew::prelude::*;

use crate::browser::clock::format_instant;
use crate::flask::server::StoreItem;
use crate::flask::trace::{SessionEntry, SessionTrace};

/// Props of [`ServerSession`].
#[derive(Properties, PartialEq)]
pub struct ServerSessionProps {
    /// Each exchange of the request shown: its method + path and the session trace, if the app
    /// ran (a 404 before any view still opens the session).
    pub exchanges: Vec<(String, Option<SessionTrace>)>,
    /// Which request it is, e.g. "Alice: GET /count".
    pub title: Option<String>,
    /// The server-side store, when the app keeps one.
    pub store: Option<Vec<StoreItem>>,
    /// Starts the step-through of the request shown (absent when there is none).
    #[prop_or_default]
    pub on_step: Option<Callback<MouseEvent>>,
}

fn entries(list: &[SessionEntry]) -> String {
    if list.is_empty() {
        return "{}".into();
    }
    let parts: Vec<String> = list
        .iter()
        .map(|entry| format!("{}: {}", entry.key, entry.value))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn flag(name: &str, on: bool) -> Html {
    html! { <span class={classes!("flag", on.then_some("on"))}>{ format!("{name}={}", if on { "True" } else { "False" }) }</span> }
}

/// The session panel of the server pane.
#[function_component(ServerSession)]
pub fn server_session(props: &ServerSessionProps) -> Html {
    html! {
        <div class="server-session" data-testid="server-session">
            if let Some(title) = &props.title {
                <p class="server-session-title">
                    { format!("The session in the handler — {title}") }
                    if let Some(on_step) = &props.on_step {
                        <button class="small step-start" data-testid="step-through-start" onclick={on_step.clone()}
                            title="Re-run this request line by line: variables, session reads and writes">
                            { "Step through" }
                        </button>
                    }
                </p>
            } else {
                <p class="muted">{ "Send a request to see the session as the server saw it." }</p>
            }
            { for props.exchanges.iter().map(|(what, trace)| html! {
                <div class="exchange-session">
                    <div class="exchange-what">{ what }</div>
                    if let Some(trace) = trace {
                        { trace_view(trace) }
                    } else {
                        <div class="muted">{ "No session was opened." }</div>
                    }
                </div>
            }) }
            if let Some(store) = &props.store {
                <div class="server-store">
                    <div class="exchange-what">{ "Server-side store (the cookie holds only the id)" }</div>
                    if store.is_empty() {
                        <div class="muted">{ "empty" }</div>
                    }
                    <ul>
                        { for store.iter().map(|item| html! {
                            <li class={classes!(item.expired.then_some("expired"))}>
                                <code>{ &item.key }</code>{ " → " }<code>{ entries(&item.entries) }</code>
                                <span class="muted">{ match item.expires {
                                    Some(at) => format!(" expires {}{}", format_instant(at), if item.expired { " (expired)" } else { "" }),
                                    None => " never expires".to_string(),
                                } }</span>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}

fn trace_view(trace: &SessionTrace) -> Html {
    let diff = trace.diff();
    html! {
        <div class="trace">
            <div><span class="trace-label">{ "opened: " }</span><code>{ entries(&trace.opened) }</code>
                <span class="muted">{ format!(" — {}", trace.source) }</span></div>
            <div><span class="trace-label">{ "saved: " }</span><code>{ entries(&trace.saved) }</code>
                <span class="muted">{ format!(" ({})", trace.class_name) }</span></div>
            if !diff.is_empty() {
                <ul class="session-diff">
                    { for diff.added.iter().map(|entry| html! { <li class="added">{ format!("+ {}: {}", entry.key, entry.value) }</li> }) }
                    { for diff.changed.iter().map(|entry| html! { <li class="changed">{ format!("~ {}: {} → {}", entry.key, entry.before, entry.after) }</li> }) }
                    { for diff.removed.iter().map(|entry| html! { <li class="removed">{ format!("- {}: {}", entry.key, entry.value) }</li> }) }
                </ul>
            }
            <div class="flags">
                { flag("modified", trace.modified) }{ flag("permanent", trace.permanent) }{ flag("accessed", trace.accessed) }
                if let Some(sid) = &trace.sid {
                    <span class="flag">{ format!("sid={sid}") }</span>
                }
            </div>
            <div class="cookie-outcome">{ trace.cookie.to_string() }</div>
        </div>
    }
}
