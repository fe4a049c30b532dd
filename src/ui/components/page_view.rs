//! The rendered response in the virtual browser. HTML goes into a sandboxed `<iframe srcdoc>`:
//! no `allow-scripts`, so nothing in a response (or a share link) can run script. The frame keeps
//! `allow-same-origin` so that the page can see clicks on links and form submissions inside it
//! and route them to the simulated server instead of the real network; without scripts that
//! grants the frame nothing. Nothing in the frame reaches the network: the document carries
//! `ui::frame_policy`'s Content-Security-Policy (no fetch, frame or form target), links are
//! found along the event's composed path (shadow DOM, `<area>`, SVG links), a submit button's
//! `formaction`/`formmethod` are honoured, and any navigation of the frame the page did not make
//! itself is cancelled (the Navigation API's `navigate` event). The stylesheets the page loaded
//! from the simulated site (`browser::subresource`, requested by the world) are inlined in place
//! of their `<link>`s, so the page is styled with no fetch. JSON is pretty-printed; anything
//! else is shown as text.

use yew::prelude::*;

use crate::ui::state::{Action, PageView};

/// Props of [`PageFrame`].
#[derive(Properties, PartialEq)]
pub struct PageFrameProps {
    /// What to show; `None` before the first request and while the browser is closed.
    pub page: Option<PageView>,
    /// Dispatches the links and forms followed inside the page.
    pub on_action: Callback<Action>,
}

/// The page area (`data-testid="page"`).
#[function_component(PageFrame)]
pub fn page_frame(props: &PageFrameProps) -> Html {
    let frame = use_node_ref();
    {
        // `load` does not bubble, so it is listened for on the frame itself rather than through
        // Yew's delegated handlers; the listener is replaced with each new page.
        let frame = frame.clone();
        let on_load = frame_listeners(
            props.on_action.clone(),
            props
                .page
                .as_ref()
                .map(|page| page.url.clone())
                .unwrap_or_default(),
        );
        let key = props
            .page
            .as_ref()
            .map(|page| (page.url.clone(), page.body.clone()));
        use_effect_with(key, move |_| {
            // In the page, dropping the guard (on the next page) removes the listener.
            let listener = attach_load_listener(&frame, on_load);
            move || {
                let _removed_now = listener;
            }
        });
    }
    let content = match &props.page {
        None => html! {},
        Some(page) if page.content_type.starts_with("text/html") => {
            html! {
                <iframe
                    ref={frame}
                    class="page-frame"
                    title={format!("Response from {}", page.url)}
                    sandbox="allow-same-origin allow-forms"
                    srcdoc={crate::ui::frame_policy::framed(&crate::browser::subresource::inline_stylesheets(&page.body, &page.stylesheets))}
                />
            }
        }
        Some(page) if page.content_type.starts_with("application/json") => {
            let pretty = serde_json::from_str::<serde_json::Value>(&page.body)
                .ok()
                .and_then(|value| serde_json::to_string_pretty(&value).ok())
                .unwrap_or_else(|| page.body.clone());
            html! { <pre class="page-text page-json">{ pretty }</pre> }
        }
        Some(page) => html! { <pre class="page-text">{ &page.body }</pre> },
    };
    html! { <div data-testid="page" class="page" role="region" aria-label="Page">{ content }</div> }
}

#[cfg(not(target_arch = "wasm32"))]
/// Natively there is no frame to listen to; the guard is empty.
fn attach_load_listener(_frame: &NodeRef, _on_load: Callback<Event>) -> Option<()> {
    None
}

/// Calls `on_load` at each `load` of the frame; the listener lives as long as the returned guard.
#[cfg(target_arch = "wasm32")]
fn attach_load_listener(
    frame: &NodeRef,
    on_load: Callback<Event>,
) -> Option<gloo_events::EventListener> {
    let element = frame.cast::<web_sys::Element>()?;
    Some(gloo_events::EventListener::new(
        &element,
        "load",
        move |event| on_load.emit(event.clone()),
    ))
}

#[cfg(not(target_arch = "wasm32"))]
fn frame_listeners(_on_action: Callback<Action>, _page_url: String) -> Callback<Event> {
    Callback::noop()
}

/// On each load of the frame, listens for clicks on links and for form submissions inside it.
#[cfg(target_arch = "wasm32")]
fn frame_listeners(on_action: Callback<Action>, page_url: String) -> Callback<Event> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    use crate::browser::NavigationRequest;
    use crate::ui::state::form_submission;

    Callback::from(move |event: Event| {
        let Some(frame) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlIFrameElement>().ok())
        else {
            return;
        };
        let Some(document) = frame.content_document() else {
            return;
        };
        let clicks = {
            let on_action = on_action.clone();
            Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
                if let Some(href) = followed_link(&event) {
                    event.prevent_default();
                    // An in-page anchor (`#top`) is not a request.
                    if !href.starts_with('#') {
                        on_action.emit(Action::Send(NavigationRequest::get(&href)));
                    }
                }
            })
        };
        let submits = {
            let on_action = on_action.clone();
            let page_url = page_url.clone();
            Closure::<dyn FnMut(web_sys::SubmitEvent)>::new(move |event: web_sys::SubmitEvent| {
                // As above: the form belongs to the frame's realm.
                let Some(form) = event
                    .target()
                    .map(|t| t.unchecked_into::<web_sys::HtmlFormElement>())
                else {
                    return;
                };
                event.prevent_default();
                let mut fields = Vec::new();
                if let Ok(data) = web_sys::FormData::new_with_form(&form) {
                    if let Some(submitter) = event.submitter() {
                        let name = submitter.get_attribute("name").unwrap_or_default();
                        let value = submitter.get_attribute("value").unwrap_or_default();
                        if !name.is_empty() {
                            let _ = data.append_with_str(&name, &value);
                        }
                    }
                    if let Ok(Some(entries)) = js_sys::try_iter(&data) {
                        for entry in entries.flatten() {
                            let pair = js_sys::Array::from(&entry);
                            let name = pair.get(0).as_string().unwrap_or_default();
                            // Files cannot be sent to the simulated server; their field stays empty.
                            let value = pair.get(1).as_string().unwrap_or_default();
                            fields.push((name, value));
                        }
                    }
                }
                // A submit button's own formmethod/formaction win over the form's.
                let submitter = event
                    .submitter()
                    .map(|submitter| submitter.unchecked_into::<web_sys::Element>());
                let chosen = |own: &str, of_form: &str| {
                    submitter
                        .as_ref()
                        .and_then(|button| button.get_attribute(own))
                        .or_else(|| form.get_attribute(of_form))
                        .unwrap_or_default()
                };
                let method = chosen("formmethod", "method");
                let action = chosen("formaction", "action");
                on_action.emit(Action::Send(form_submission(
                    &method, &action, fields, &page_url,
                )));
            })
        };
        // A focused frame does not match `:focus` in its parent document, so the ring around the
        // page is switched by the frame window's own focus and blur.
        if let (Some(window), Some(wrapper)) = (frame.content_window(), frame.parent_element()) {
            let focused = {
                let wrapper = wrapper.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let _ = wrapper.set_attribute("data-frame-focus", "");
                })
            };
            let blurred = Closure::<dyn FnMut()>::new(move || {
                let _ = wrapper.remove_attribute("data-frame-focus");
            });
            let _ =
                window.add_event_listener_with_callback("focus", focused.as_ref().unchecked_ref());
            let _ =
                window.add_event_listener_with_callback("blur", blurred.as_ref().unchecked_ref());
            focused.forget();
            blurred.forget();
        }
        cancel_own_navigations(&frame);
        guard_nested_frames(&document);
        crate::ui::shortcuts::listen(&document, on_action.clone());
        let _ = document.add_event_listener_with_callback("click", clicks.as_ref().unchecked_ref());
        let _ =
            document.add_event_listener_with_callback("submit", submits.as_ref().unchecked_ref());
        // The listeners live as long as the frame's document; it is replaced on the next response.
        clicks.forget();
        submits.forget();
    })
}

/// The address of the link a click follows, if any: the first `<a>` or `<area>` with an `href`
/// (or an SVG link's `xlink:href`) on the click's composed path, so links inside open shadow
/// roots count too.
#[cfg(target_arch = "wasm32")]
fn followed_link(event: &web_sys::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    const XLINK: &str = "http://www.w3.org/1999/xlink";
    event.composed_path().iter().find_map(|target| {
        // The targets live in the frame's realm, where `instanceof Element` of this realm is
        // false: read them without the check, skipping what is not an element.
        let element = target.unchecked_into::<web_sys::Element>();
        js_sys::Reflect::get(&element, &"localName".into())
            .ok()?
            .as_string()?;
        match element.local_name().as_str() {
            "a" | "area" => element
                .get_attribute("href")
                .or_else(|| element.get_attribute_ns(Some(XLINK), "href")),
            _ => None,
        }
    })
}

/// Cancels every navigation of the frame that the page did not start by setting its document:
/// a link or form the click and submit handlers did not see (a closed shadow root, a `<base>`
/// target, a nested frame) never reaches the network. Where the Navigation API is missing, the
/// frame's Content-Security-Policy still stops forms and fetches.
#[cfg(target_arch = "wasm32")]
fn cancel_own_navigations(frame: &web_sys::HtmlIFrameElement) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let Some(window) = frame.content_window() else {
        return;
    };
    let Ok(navigation) = js_sys::Reflect::get(&window, &"navigation".into()) else {
        return;
    };
    if navigation.is_undefined() || navigation.is_null() {
        return;
    }
    let navigation = navigation.unchecked_into::<web_sys::EventTarget>();
    let cancel = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let url = js_sys::Reflect::get(&event, &"destination".into())
            .and_then(|destination| js_sys::Reflect::get(&destination, &"url".into()))
            .ok()
            .and_then(|url| url.as_string())
            .unwrap_or_default();
        // The page's own updates load `about:srcdoc`; anything else is the document's doing.
        if !url.starts_with("about:") {
            event.prevent_default();
        }
    });
    let _ =
        navigation.add_event_listener_with_callback("navigate", cancel.as_ref().unchecked_ref());
    cancel.forget();
}

/// Frames inside the response (a `srcdoc` frame gets through `frame-src`, and inherits the
/// policy, but its links could still navigate it): each one's navigations are cancelled as the
/// page frame's are, at every depth, including frames that load later.
#[cfg(target_arch = "wasm32")]
fn guard_nested_frames(document: &web_sys::Document) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    fn guard(frame: &web_sys::HtmlIFrameElement) {
        cancel_own_navigations(frame);
        if let Some(inner) = frame.content_document() {
            guard_nested_frames(&inner);
        }
    }
    if let Ok(frames) = document.query_selector_all("iframe") {
        for index in 0..frames.length() {
            if let Some(node) = frames.get(index) {
                guard(&node.unchecked_into());
            }
        }
    }
    // `load` does not bubble, but a capturing listener on the document sees it for every frame.
    let on_load = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(target) = event.target() else { return };
        let element = target.unchecked_into::<web_sys::Element>();
        if js_sys::Reflect::get(&element, &"localName".into())
            .ok()
            .and_then(|name| name.as_string())
            .as_deref()
            == Some("iframe")
        {
            guard(&element.unchecked_into());
        }
    });
    let _ = document.add_event_listener_with_callback_and_bool(
        "load",
        on_load.as_ref().unchecked_ref(),
        true,
    );
    on_load.forget();
}
