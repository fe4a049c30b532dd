//! Page-wide keyboard shortcuts: Ctrl/Cmd+Enter sends the last request again (even from inside
//! the editor, where CodeMirror would otherwise insert a line), Ctrl+L focuses the address bar
//! (as in a real browser).

use yew::Callback;

use super::state::Action;

/// What a key press means for the page, from its key and modifiers.
///
/// ```
/// use session_playground::ui::shortcuts::{shortcut_for, Shortcut};
/// assert_eq!(shortcut_for("Enter", true, false), Some(Shortcut::Resend));
/// assert_eq!(shortcut_for("Enter", false, true), Some(Shortcut::Resend));
/// assert_eq!(shortcut_for("l", true, false), Some(Shortcut::FocusAddressBar));
/// assert_eq!(shortcut_for("Enter", false, false), None);
/// ```
pub fn shortcut_for(key: &str, ctrl: bool, meta: bool) -> Option<Shortcut> {
    match key {
        "Enter" if ctrl || meta => Some(Shortcut::Resend),
        "l" | "L" if ctrl || meta => Some(Shortcut::FocusAddressBar),
        _ => None,
    }
}

/// A page-wide shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Send the last request again.
    Resend,
    /// Focus the address bar.
    FocusAddressBar,
}

/// Listens on the window (capture phase, so it runs before the editor's own keymap).
pub fn install(dispatch: Callback<Action>) {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = dispatch;
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        listen(&window, dispatch);
    }
}

/// Listens on `target` too: a response's frame is a document of its own, whose key presses never
/// reach the window, so the page view adds the same shortcuts to each frame document it shows.
#[cfg(target_arch = "wasm32")]
pub fn listen(target: &web_sys::EventTarget, dispatch: Callback<Action>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    let listener =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            let Some(shortcut) = shortcut_for(&event.key(), event.ctrl_key(), event.meta_key())
            else {
                return;
            };
            event.prevent_default();
            event.stop_propagation();
            match shortcut {
                Shortcut::Resend => dispatch.emit(Action::Resend),
                Shortcut::FocusAddressBar => {
                    // The page's own document, also when the key was pressed in a frame.
                    let bar = web_sys::window()
                        .and_then(|window| window.document())
                        .and_then(|document| {
                            document
                                .query_selector("[data-testid=address-bar]")
                                .ok()
                                .flatten()
                        })
                        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok());
                    if let Some(bar) = bar {
                        let _ = bar.focus();
                        bar.select();
                    }
                }
            }
        });
    let _ = target.add_event_listener_with_callback_and_bool(
        "keydown",
        listener.as_ref().unchecked_ref(),
        true,
    );
    // Lives as long as its target: the page's window, or a frame document replaced by the next
    // response (which takes the listener with it).
    listener.forget();
}
