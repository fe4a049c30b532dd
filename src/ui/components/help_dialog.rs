//! The keyboard help: a `<dialog>` listing the page's shortcuts, opened with `?` (outside text
//! fields) or the header's "Keys" button, closed with Escape or its button. It also holds the
//! way back to the welcome once the learner has put it away, and the page's own words explained
//! ("continue where you left off", "flask run").

use yew::prelude::*;

/// The shortcuts, as (keys, what they do).
const SHORTCUTS: [(&str, &str); 7] = [
    ("?", "Open this list of shortcuts"),
    ("Ctrl+L (\u{2318}L)", "Go to the address bar"),
    ("Enter (in the address bar)", "Send the request"),
    (
        "Ctrl+Enter (\u{2318}Enter)",
        "Send the last request again, from anywhere, even the editor",
    ),
    ("Tab (in the editor)", "Indent"),
    ("Esc, then Tab", "Leave the editor (Shift+Tab goes back)"),
    ("Esc", "Close this dialog or a menu"),
];

/// The page's words a newcomer may not know, as (word, what it means): the labels on screen
/// carry the same text as a tooltip, which the keyboard and touch never show.
const WORDS: [(&str, &str); 3] = [
    (
        "Continue where you left off",
        "Chrome's start-up setting. With it on, closing the browser keeps even session cookies (no expiry date), as a restored tab does; with it off they are gone.",
    ),
    (
        "dev server (flask run)",
        "The simulated development server that `flask run` starts: it restarts on the editor's code when you pause typing, and prints a line per request in the server log.",
    ),
    (
        "Session mode",
        "Where the app keeps its session: in a signed cookie (Flask's default), in an unsigned one, or on the server with only an id in the cookie (Flask-Session).",
    ),
];

/// Opens the help dialog (the header's button calls this too).
pub fn open_help() {
    #[cfg(target_arch = "wasm32")]
    if let Some(dialog) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("help-dialog"))
        && !dialog.has_attribute("open")
    {
        crate::ui::dom::call_method(&dialog, "showModal");
    }
}

/// Props of [`HelpDialog`].
#[derive(Properties, PartialEq)]
pub struct HelpDialogProps {
    /// Brings the welcome (the first view) back.
    pub on_show_welcome: Callback<()>,
}

/// Closes the `<dialog>` the clicked control is in.
fn close_dialog(event: &MouseEvent) {
    #[cfg(target_arch = "wasm32")]
    if let Some(dialog) = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|element| element.closest("dialog").ok().flatten())
    {
        crate::ui::dom::call_method(&dialog, "close");
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = event;
}

/// The dialog, and the `?` key that opens it.
#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpDialogProps) -> Html {
    use_effect_with((), |_| install_key());
    let close = Callback::from(|event: MouseEvent| close_dialog(&event));
    let show_welcome = props.on_show_welcome.reform(|event: MouseEvent| {
        close_dialog(&event);
    });
    html! {
        <dialog id="help-dialog" class="help-dialog" aria-labelledby="help-title">
            <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
            <table class="help-keys">
                <tbody>
                    { for SHORTCUTS.iter().map(|(keys, what)| html! { <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *what }</td></tr> }) }
                </tbody>
            </table>
            <p class="muted">{ "Every pane can be reached with Tab; the links at the very top of the page (the first Tab) jump straight to one." }</p>
            <h3>{ "Words on this page" }</h3>
            <dl class="help-words" data-testid="help-words">
                { for WORDS.iter().map(|(word, meaning)| html! { <><dt>{ *word }</dt><dd>{ *meaning }</dd></> }) }
            </dl>
            // No `autofocus`: the dialog's opening focuses its first control (Close) anyway, and an
            // autofocus attribute in the page is refused, with a console error, when the
            // playground is embedded in another site's frame.
            <div class="help-actions">
                <button class="primary" onclick={close}>{ "Close" }</button>
                <button data-testid="show-welcome" onclick={show_welcome}>{ "Show the welcome again" }</button>
            </div>
        </dialog>
    }
}

/// `?` anywhere but in a text field opens the dialog.
fn install_key() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        gloo_events::EventListener::new_with_options(
            &window,
            "keydown",
            gloo_events::EventListenerOptions::enable_prevent_default(),
            |event| {
                use wasm_bindgen::JsCast;
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.key() != "?" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let typing = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|element| {
                        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                            || element
                                .closest("[contenteditable=true], .cm-editor")
                                .ok()
                                .flatten()
                                .is_some()
                    });
                if !typing {
                    event.prevent_default();
                    open_help();
                }
            },
        )
        .forget();
    }
}
