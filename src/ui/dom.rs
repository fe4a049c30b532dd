//! Small DOM helpers the components share: moving the focus once the page has rendered, copying
//! text to the clipboard, opening a `<dialog>`, closing the menu a click came from. Natively (tests) each does nothing.

/// After the render that follows this event, focuses the first element matching one of
/// `selectors` (tried in order) — but only if the focus was lost (it is on `<body>` or nowhere),
/// so a learner who moved on is never pulled back.
pub fn refocus_soon(selectors: Vec<&'static str>) {
    if selectors.is_empty() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let lost = match document.active_element() {
            None => true,
            Some(element) => {
                use wasm_bindgen::JsCast;
                element.tag_name() == "BODY"
                    || !element.is_connected()
                    || element.has_attribute("disabled")
                    || element
                        .dyn_ref::<web_sys::HtmlElement>()
                        .is_some_and(|element| !visible(element))
            }
        };
        if lost {
            focus_first(&selectors);
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selectors;
}

/// After the render that follows this event, focuses the element matching `selector`.
pub fn focus_soon(selector: &'static str) {
    #[cfg(target_arch = "wasm32")]
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        focus_first(&[selector]);
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

/// Focuses the first visible element matching one of `selectors`, tried in order; true if one was.
pub fn focus_first(selectors: &[&str]) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return false;
        };
        for selector in selectors {
            let Ok(found) = document.query_selector_all(selector) else {
                continue;
            };
            for index in 0..found.length() {
                let Some(element) = found
                    .item(index)
                    .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                if visible(&element) {
                    let _ = element.focus();
                    return true;
                }
            }
        }
        false
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = selectors;
        false
    }
}

/// Whether `element` takes up room on screen (not hidden, not in a hidden pane).
#[cfg(target_arch = "wasm32")]
fn visible(element: &web_sys::HtmlElement) -> bool {
    element.offset_width() > 0 || element.offset_height() > 0
}

/// Puts `text` on the clipboard (asynchronously; a refusal is silent — the text stays selectable).
pub fn copy_text(text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::Reflect;
        use wasm_bindgen::{JsCast, JsValue};
        let Some(window) = web_sys::window() else {
            return;
        };
        let clipboard = Reflect::get(&window, &JsValue::from_str("navigator"))
            .and_then(|navigator| Reflect::get(&navigator, &JsValue::from_str("clipboard")));
        if let Ok(clipboard) = clipboard
            && let Ok(write) = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
            && let Some(write) = write.dyn_ref::<js_sys::Function>()
            && let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text))
        {
            // A refused write rejects the promise: awaited here so nothing is logged.
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                yew::platform::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = text;
}

/// Calls a method without arguments on `element` by name (`showModal`, `close`), if it has it.
pub fn call_method(element: &web_sys::Element, name: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        if let Ok(method) = js_sys::Reflect::get(element, &JsValue::from_str(name))
            && let Some(method) = method.dyn_ref::<js_sys::Function>()
        {
            let _ = method.call0(element);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (element, name);
}

/// Clicks the first element matching `selector` (the narrow layout's tabs, from another pane).
pub fn click(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(selector).ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            element.click();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

/// The wall clock in whole seconds since 1970 (UTC), as the browser reads it; `None` natively
/// (nothing below the page reads a clock: the page passes this time in where one is recorded).
pub fn now_seconds() -> Option<i64> {
    #[cfg(target_arch = "wasm32")]
    {
        Some((js_sys::Date::now() / 1000.0).floor() as i64)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Tells the page's scripts that the load-time work is done (the saved work or the link's
/// result is in the document): a `playground-loaded` performance mark for the figures, and an
/// event of that name on `window`, on which `static/offline.js` registers the service worker.
pub fn announce_loaded() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Some(performance) = window.performance() {
            let _ = performance.mark("playground-loaded");
        }
        if let Ok(event) = web_sys::Event::new("playground-loaded") {
            let _ = window.dispatch_event(&event);
        }
    }
}

/// Closes the `<details>` menu a click came from (the header's menus and the Teach menu).
pub fn close_menu(event: &yew::MouseEvent) {
    use yew::TargetCast;
    let details = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|element| element.closest("details").ok().flatten());
    if let Some(details) = details {
        let _ = details.remove_attribute("open");
    }
}
