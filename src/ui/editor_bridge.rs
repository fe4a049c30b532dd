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

/// Whether the editor bundle has run (it sets `window.playgroundEditor`). The page defers it
/// after the wasm loader (`scripts/load-order.mjs`), so the wasm may be ready first; the bundle
/// fires `playground-editor` on `window` when it has run.
pub fn bundle_loaded() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::get(&window, &JsValue::from_str("playgroundEditor"))
            .is_ok_and(|editor| !editor.is_undefined())
    })
}
