//! The binding to the CodeMirror editor bundled from `js/editor.js` (loaded by index.html as a
//! classic script that defines `window.playgroundEditor`). A global is used rather than a
//! wasm-bindgen module snippet so the native build never needs the bundle.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The handle `mount` returns.
    pub type EditorHandle;

    /// Creates the editor inside `parent` with `text`; `on_change` gets the whole text after
    /// every edit.
    #[wasm_bindgen(js_namespace = playgroundEditor, js_name = mount)]
    pub fn mount_editor(
        parent: &web_sys::Element,
        text: &str,
        on_change: &Closure<dyn FnMut(String)>,
    ) -> EditorHandle;

    /// Replaces the whole text (no-op when equal, so the cursor stays put).
    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &EditorHandle, text: &str);

    /// Shows file `name` with `text` (its language by extension; each file keeps its own
    /// undo history; no-op when it is already shown).
    #[wasm_bindgen(method, js_name = setFile)]
    pub fn set_file(this: &EditorHandle, name: &str, text: &str);

    /// Marks errors on lines: a JSON array of `{line, severity, message}`.
    #[wasm_bindgen(method, js_name = setMarks)]
    pub fn set_marks(this: &EditorHandle, marks_json: &str);

    /// Highlights line `line` (1-based; 0 clears) and scrolls it into view.
    #[wasm_bindgen(method, js_name = setCurrentLine)]
    pub fn set_current_line(this: &EditorHandle, line: usize);
}

/// Whether the editor bundle has run (it sets `window.playgroundEditor`). The page only
/// preloads it (`scripts/load-order.mjs`) and runs it with [`load_bundle`]; the bundle fires
/// `playground-editor` on `window` when it has run.
pub fn bundle_loaded() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::get(&window, &JsValue::from_str("playgroundEditor"))
            .is_ok_and(|editor| !editor.is_undefined())
    })
}

/// How long [`load_bundle`] waits for the bundle at most: a page whose editor never comes (a
/// failed fetch) must still start its server and show its results.
#[cfg(target_arch = "wasm32")]
const BUNDLE_WAIT_MS: i32 = 5_000;

/// Runs the editor bundle the page preloaded, once, and waits until it has run (or failed to
/// load, or [`BUNDLE_WAIT_MS`] passed). The script gets the preload's address and integrity, so
/// the preloaded response is the one that runs. When to call it is the load path's choice
/// (`ui::app`): a share link's result needs no editor, so it comes first.
#[cfg(target_arch = "wasm32")]
pub async fn load_bundle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if bundle_loaded() {
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    let inserted = document
        .query_selector("script[data-editor-bundle]")
        .ok()
        .flatten();
    let script = match inserted {
        Some(script) => script,
        None => {
            let Some(preload) = document
                .query_selector("link[rel=preload][as=script][href*='editor.bundle']")
                .ok()
                .flatten()
            else {
                return;
            };
            let Ok(script) = document.create_element("script") else {
                return;
            };
            for (from, to) in [("href", "src"), ("integrity", "integrity")] {
                if let Some(value) = preload.get_attribute(from) {
                    let _ = script.set_attribute(to, &value);
                }
            }
            let _ = script.set_attribute("data-editor-bundle", "");
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
            script
        }
    };
    let ran = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_run = resolve.clone();
        gloo_events::EventListener::once(&window, "playground-editor", move |_| {
            let _ = on_run.call0(&JsValue::NULL);
        })
        .forget();
        let on_error = resolve.clone();
        gloo_events::EventListener::once(&script, "error", move |_| {
            let _ = on_error.call0(&JsValue::NULL);
        })
        .forget();
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, BUNDLE_WAIT_MS);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(ran).await;
}
