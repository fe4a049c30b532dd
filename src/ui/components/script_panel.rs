//! "What a script would see": the dev tools' *Script* tab and the marker above a page whose
//! response holds script. Both render a [`ScriptView`] (`browser::script_view` decides what a
//! script would read and send); nothing here runs or inspects the response itself.

use yew::prelude::*;

use crate::browser::script_view::ScriptView;

/// Props of [`ScriptPanel`] and [`ScriptMarker`].
#[derive(Properties, PartialEq)]
pub struct ScriptProps {
    /// What a script on the shown page would see; `None` when there is no page.
    pub view: Option<ScriptView>,
}

/// The *Script* tab (`data-testid="script-view"`).
#[function_component(ScriptPanel)]
pub fn script_panel(props: &ScriptProps) -> Html {
    let Some(view) = &props.view else {
        return html! {
            <div data-testid="script-view" class="script-view">
                <p class="muted">{ "No page yet: open one to see what a script on it would read." }</p>
            </div>
        };
    };
    html! {
        <div data-testid="script-view" class="script-view">
            <p>{ "What a script on " }<code>{ &view.url }</code>{ " would see. The playground never runs a response's script." }</p>
            <dl class="script-facts">
                <dt>{ "document.cookie" }</dt>
                <dd><code data-testid="document-cookie">{ format!("\"{}\"", view.document_cookie) }</code></dd>
                <dt>{ "Hidden from it (HttpOnly)" }</dt>
                <dd data-testid="script-hidden">{ names_or(&view.hidden, "nothing") }</dd>
                <dt>{ "Sent with its requests to this address" }</dt>
                <dd data-testid="script-sent">{ names_or(&view.sent, "no cookie") }</dd>
            </dl>
            if view.scripts.is_empty() {
                <p data-testid="script-found">{ "This response holds no script." }</p>
            } else {
                <p data-testid="script-found">{ "This response holds script (it did not run):" }</p>
                <ul class="script-list">
                    { for view.scripts.iter().map(|found| html! {
                        <li>{ found.to_string() }{ ": " }<code>{ &found.excerpt }</code></li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// The marker above the page (`data-testid="script-marker"`), shown only when the response
/// holds script: where it is, that it did not run, and what it could have read and done.
#[function_component(ScriptMarker)]
pub fn script_marker(props: &ScriptProps) -> Html {
    let Some(view) = props.view.as_ref().filter(|view| !view.scripts.is_empty()) else {
        return html! {};
    };
    let first = &view.scripts[0];
    let more = match view.scripts.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    html! {
        <p data-testid="script-marker" class="script-marker" role="note">
            <strong>{ "This response contains script" }</strong>
            { format!(" ({first}{more}). It did not run here. In a real browser {}; {}.", view.reads(), view.does()) }
        </p>
    }
}

fn names_or(names: &[String], none: &str) -> String {
    if names.is_empty() {
        none.to_string()
    } else {
        names.join(", ")
    }
}
