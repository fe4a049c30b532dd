//! The page's ties to the browser it runs in: saved work in `localStorage` and share links in
//! the address's fragment. Everything here is a thin call into web-sys; what to save and how to
//! read it back are the scenario layer's pure functions (`SavedWork::export` / `import`).
//! Natively (tests) there is no storage and no address: the functions do nothing.

use crate::scenario::saved::{ImportError, SavedWork};

/// The `localStorage` key of the saved work.
pub const STORAGE_KEY: &str = "flask-session-playground";

/// The saved work found in storage: `None` if there is none (or no storage at all).
pub fn load() -> Option<Result<SavedWork, ImportError>> {
    let text = local_storage()?.get_item(STORAGE_KEY).ok()??;
    Some(SavedWork::import(&text))
}

/// Writes `work` to storage; the error says why it could not be kept (quota, private mode).
pub fn save(work: &SavedWork) -> Result<(), String> {
    let Some(storage) = local_storage() else { return Ok(()) };
    storage
        .set_item(STORAGE_KEY, &work.export())
        .map_err(|_| "the browser refused to store it (storage full or disabled)".to_string())
}

/// The share payload in the address (`#v1.…`), removed from the address so a reload does not
/// open it again over newer work.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let payload = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    if payload.is_empty() {
        return None;
    }
    let path = window.location().pathname().ok()?;
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
    Some(payload)
}

/// The address a share link starts with: this page's origin and path.
pub fn page_address() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let location = window.location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

fn local_storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.local_storage().ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
