//! The session decoder: the active profile's session cookie taken apart — the payload anyone
//! can read, when it was signed, the signature — and whether the app accepts it, and why not.
//! Below it, the payload can be edited as JSON and saved back: re-encoded with the old signature
//! kept (a tampered cookie), or signed with a key the learner types (a forgery if the key is
//! right) — tampering without a base64 tool. The encoding rules are `flask::session_inspect`'s.

use yew::prelude::*;

use crate::browser::clock::format_instant;
use crate::browser::jar::CookieKey;
use crate::flask::session_inspect::{SessionInspection, Verdict, check_payload, with_payload};
use crate::ui::state::Action;

/// Props of [`SessionView`].
#[derive(Properties, PartialEq)]
pub struct SessionViewProps {
    /// The raw cookie value and what it holds; `None` when the browser has no session cookie.
    pub inspection: Option<(String, SessionInspection)>,
    /// The session cookie's key in the jar (what an edited payload replaces).
    pub cookie: Option<CookieKey>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
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
            if let Some(key) = &props.cookie {
                <PayloadEditor value={value.clone()} json={seen.payload_json.clone().unwrap_or_default()}
                    cookie={key.clone()} on_action={props.on_action.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PayloadEditorProps {
    value: String,
    json: String,
    cookie: CookieKey,
    on_action: Callback<Action>,
}

/// "Edit the payload": the JSON, an optional secret key, and Save.
#[function_component(PayloadEditor)]
fn payload_editor(props: &PayloadEditorProps) -> Html {
    let text = use_node_ref();
    let secret = use_node_ref();
    let problem = use_state(|| None::<String>);
    {
        // Filled when the cookie changes, not on every render, so typing is never reset.
        let text = text.clone();
        let problem = problem.clone();
        use_effect_with(props.json.clone(), move |json| {
            if let Some(area) = text.cast::<web_sys::HtmlTextAreaElement>() {
                area.set_value(json);
            }
            problem.set(None);
        });
    }
    let save = {
        let (text, secret, problem) = (text.clone(), secret.clone(), problem.clone());
        let (value, key, on_action) = (
            props.value.clone(),
            props.cookie.clone(),
            props.on_action.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (Some(area), Some(secret)) = (
                text.cast::<web_sys::HtmlTextAreaElement>(),
                secret.cast::<web_sys::HtmlInputElement>(),
            ) else {
                return;
            };
            let json = area.value().trim().to_string();
            if let Err(why) = check_payload(&json) {
                problem.set(Some(format!("Not saved: the payload is {why}.")));
                return;
            }
            problem.set(None);
            let secret = secret.value();
            on_action.emit(if secret.is_empty() {
                Action::EditCookie {
                    key: key.clone(),
                    value: with_payload(&value, &json),
                }
            } else {
                Action::ForgeSession { secret, data: json }
            });
        })
    };
    html! {
        <details class="session-edit" data-testid="session-edit">
            <summary>{ "Edit the payload (tamper with the cookie)" }</summary>
            <label class="session-edit-field">
                <span>{ "Payload, as JSON" }</span>
                <textarea ref={text} data-testid="session-payload" rows="3" spellcheck="false" />
            </label>
            <label class="session-edit-field">
                <span>{ "Secret key to sign it with (leave empty to keep the old signature, which will no longer match)" }</span>
                <input ref={secret} data-testid="session-secret" autocomplete="off" spellcheck="false" />
            </label>
            <button class="small" data-testid="session-save" onclick={save}>{ "Save as the session cookie" }</button>
            if let Some(problem) = &*problem {
                <p class="session-edit-problem" role="alert">{ problem }</p>
            }
        </details>
    }
}
