//! A panic in the wasm must never leave a blank or silently frozen page. The hook logs the panic
//! to the console (with `console_error_panic_hook`) and writes a readable banner into the page,
//! since after a panic the wasm instance is gone and nothing else will update the screen.

/// The text shown above the panic message in the page.
pub const BANNER_TITLE: &str = "The playground stopped because of an internal error.";

/// Installs the hook (wasm32 only; natively Rust's default hook is the right one).
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_in_page(&info.to_string());
    }));
}

#[cfg(target_arch = "wasm32")]
fn show_in_page(message: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("panic-report");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "notice");
    // Text content, not HTML: the message may quote learner input.
    banner.set_text_content(Some(&format!(
        "{BANNER_TITLE} Your code is safe in this tab's storage; reload the page to continue.\n\n{message}"
    )));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
