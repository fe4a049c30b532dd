//! The session decoder: the active profile's session cookie taken apart — the payload anyone
//! can read, when it was signed, the signature — and whether the app accepts it, and why not.

use yew::prelude::*;

use crate::browser::clock::format_instant;
use crate::flask::session_inspect::{SessionInspection, Verdict};

/// Props of [`SessionView`].
#[derive(Properties, PartialEq)]
pub struct SessionViewProps {
    /// The raw cookie value and what it holds; `None` when the browser has no session cookie.
    pub inspection: Option<(String, SessionInspection)>,
}

/// The `session-view` panel.
#[function_component(SessionView)]
pub fn session_view(props: &SessionViewProps) -> Html {
    let Some((value, seen)) = &props.inspection else {
        return html! { <div data-testid="session-view" class="session-view"></div> };
    };
    let payload = seen.payload_json.as_ref().map(|json| {
        serde_json::from_str::<serde_json::Value>(json)
            .ok()
            .and_then(|parsed| serde_json::to_string_pretty(&parsed).ok())
            .unwrap_or_else(|| json.clone())
    });
    let verdict_class = if seen.verdict == Verdict::Valid {
        "verdict-ok"
    } else {
        "verdict-bad"
    };
    // Colour the three parts of the value the way the decoder reads them.
    let mut parts = value.rsplitn(3, '.').collect::<Vec<_>>();
    parts.reverse();
    html! {
        <div data-testid="session-view" class="session-view">
            <p class={classes!("session-verdict", verdict_class)}><span class="session-verdict-label">{ "Does the app accept it? " }</span>{ seen.verdict.to_string() }</p>
            <p class="session-parts">
                { for parts.iter().enumerate().map(|(index, part)| html! {
                    <>
                        if index > 0 { <span class="dot">{ "." }</span> }
                        <span class={classes!("part", ["part-payload", "part-time", "part-signature"].get(index + 3 - parts.len()).copied())}>{ *part }</span>
                    </>
                }) }
            </p>
            <dl class="session-fields">
                <dt>{ "Payload (readable by anyone: it is only base64" }{ if seen.compressed { " + zlib)" } else { ")" } }</dt>
                <dd><pre class="session-json">{ payload.unwrap_or_else(|| "(does not decode)".to_string()) }</pre></dd>
                <dt>{ "Signed at" }</dt>
                <dd>{ seen.signed_at.map(|at| format_instant(at as i64)).unwrap_or_else(|| "(no readable timestamp)".to_string()) }</dd>
                <dt>{ "Signature (HMAC-SHA1 with a key derived from the secret key)" }</dt>
                <dd class="session-signature">{ &seen.signature }</dd>
            </dl>
        </div>
    }
}
