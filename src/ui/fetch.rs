//! Fetching a lesson file the page's address points to (`#lesson=URL`). The page's
//! Content-Security-Policy allows only its own site, so a lesson is published beside the page.
//! The answer is bounded ([`MAX_LESSON_FILE_BYTES`]) and every failure is a sentence.

use crate::scenario::link_lesson::MAX_LESSON_FILE_BYTES;

/// The text at `url`, or why it could not be fetched.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("there is no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the request failed (offline, or not allowed from this page: a lesson must be on the page's own site)".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| "the answer is not text".to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| "the answer could not be read".to_string())?;
    let text = text.as_string().ok_or("the answer is not text")?;
    if text.len() > MAX_LESSON_FILE_BYTES {
        return Err(format!(
            "the file is too large ({} bytes; the limit is {MAX_LESSON_FILE_BYTES})",
            text.len()
        ));
    }
    Ok(text)
}

/// Natively there is no network: always an error.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let _ = (url, MAX_LESSON_FILE_BYTES);
    Err("there is no network here".into())
}
