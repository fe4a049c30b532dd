//! The attacker's tools in the dev tools' Session tab: "Guess the key" (the jar's session
//! cookie tested offline against a short list of common keys, `flask::forge::guess_key`) and
//! "Sign a session" (a JSON object signed with a key of one's choice and stored as the session
//! cookie: `Action::ForgeSession`, a step like any other). Rendering and dispatch only.

use yew::prelude::*;

use crate::flask::forge::{COMMON_KEYS, KeyGuess, guess_key};
use crate::ui::state::Action;

/// Props of [`ForgeTools`].
#[derive(Properties, PartialEq)]
pub struct ForgeToolsProps {
    /// The active profile's session cookie value, if its jar holds one.
    pub cookie: Option<String>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// "Guess the key" and "Sign a session".
#[function_component(ForgeTools)]
pub fn forge_tools(props: &ForgeToolsProps) -> Html {
    // The last guess, for the cookie it was made on (a new cookie needs a new guess).
    let guess = use_state(|| None::<(String, KeyGuess)>);
    let signed = use_state(|| false);
    let key = use_node_ref();
    let data = use_node_ref();
    let on_guess = {
        let guess = guess.clone();
        let cookie = props.cookie.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(cookie) = &cookie {
                guess.set(Some((cookie.clone(), guess_key(cookie, COMMON_KEYS))));
            }
        })
    };
    let on_sign = {
        let (key, data, signed) = (key.clone(), data.clone(), signed.clone());
        let on_action = props.on_action.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (Some(key), Some(data)) = (
                key.cast::<web_sys::HtmlInputElement>(),
                data.cast::<web_sys::HtmlInputElement>(),
            ) else {
                return;
            };
            on_action.emit(Action::ForgeSession {
                secret: key.value(),
                data: data.value(),
            });
            signed.set(true);
        })
    };
    let verdict = guess
        .as_ref()
        .filter(|(cookie, _)| Some(cookie) == props.cookie.as_ref())
        .map(|(_, found)| match &found.found {
            Some(key) => format!(
                "Found it after {} of {} keys: this cookie was signed with the key \u{201c}{key}\u{201d}.",
                found.tried,
                COMMON_KEYS.len()
            ),
            None => format!(
                "None of the {} keys signs this cookie: its key is not on the list.",
                found.tried
            ),
        });
    html! {
        <div class="forge-tools">
            <section class="forge-guess" aria-label="Guess the key">
                <h3>{ "Guess the key" }</h3>
                <p class="muted">{ format!("Tests the session cookie in this jar against {} keys people often leave in their code, here in the browser: the server is never asked.", COMMON_KEYS.len()) }</p>
                if props.cookie.is_some() {
                    <button class="small" data-testid="guess-key" onclick={on_guess}>{ "Guess the key" }</button>
                } else {
                    <p class="muted">{ "There is no session cookie in this browser yet: visit a page of the app that sets one." }</p>
                }
                if let Some(verdict) = verdict {
                    <p data-testid="guess-result" role="status">{ verdict }</p>
                }
                <details>
                    <summary>{ "The keys tried" }</summary>
                    <p class="forge-key-list">{ COMMON_KEYS.join(", ") }</p>
                </details>
            </section>
            <section class="forge-sign" aria-label="Sign a session">
                <h3>{ "Sign a session" }</h3>
                <form class="forge-form" onsubmit={on_sign}>
                    <label>{ "Session (JSON)" }
                        <input ref={data} data-testid="forge-data" spellcheck="false" placeholder={"{\"user\": \"mallory\"}"} />
                    </label>
                    <label>{ "Secret key" }
                        <input ref={key} data-testid="forge-key" spellcheck="false" autocomplete="off" />
                    </label>
                    <button class="small" type="submit" data-testid="forge-sign">{ "Sign and store as the session cookie" }</button>
                </form>
                if *signed {
                    if let Some(cookie) = &props.cookie {
                        <p class="muted">{ "The session cookie now holds:" }</p>
                        <code class="forge-value" data-testid="forge-value">{ cookie }</code>
                    }
                }
            </section>
        </div>
    }
}
