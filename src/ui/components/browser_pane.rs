//! The virtual browser: profile switcher, close/open, "continue where you left off", address
//! bar, status and the page.

use yew::prelude::*;

use super::page_view::PageFrame;
use crate::ui::state::{Action, PageView};

/// Props of [`BrowserPane`].
#[derive(Properties, PartialEq)]
pub struct BrowserPaneProps {
    /// Every profile's name, in switcher order.
    pub profiles: Vec<String>,
    /// The shown profile's name.
    pub active: String,
    /// Whether the shown profile's browser is open.
    pub open: bool,
    /// The shown profile's "continue where you left off" setting.
    pub continue_where_left_off: bool,
    /// The shown profile's page, if any.
    pub page: Option<PageView>,
    /// How many requests the workspace has sent: the address bar shows the page's URL again
    /// after each one (even to the same URL).
    pub requests: usize,
    /// Whether Back has an earlier page to go to.
    pub can_go_back: bool,
    /// Whether Forward has a later page to go to.
    pub can_go_forward: bool,
    /// What the address bar shows before the first request (the lesson's start path).
    pub start_address: String,
    /// What a script on the page would see (the marker above a page that holds script).
    #[prop_or_default]
    pub script: Option<crate::browser::script_view::ScriptView>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The browser pane.
#[function_component(BrowserPane)]
pub fn browser_pane(props: &BrowserPaneProps) -> Html {
    let closed = !props.open;
    let on_select = props.on_action.reform(|event: Event| {
        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
        Action::SelectProfile(select.value())
    });
    let on_close = props.on_action.reform(|_| Action::CloseBrowser);
    let server_error = props.page.as_ref().is_some_and(|page| page.status >= 500);
    let show_log = Callback::from(|_: MouseEvent| {
        crate::ui::dom::click(".pane-tab[aria-controls=pane-server]");
        crate::ui::dom::focus_soon("[data-testid=server-log]");
    });
    let on_private = props.on_action.reform(|_| Action::OpenPrivateWindow);
    let on_open = props.on_action.reform(|_| Action::OpenBrowser);
    let on_back = props.on_action.reform(|_| Action::Back);
    let on_forward = props.on_action.reform(|_| Action::Forward);
    let on_reload = props.on_action.reform(|_| Action::Reload);
    let on_continue = props.on_action.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Action::SetContinueWhereLeftOff(input.checked())
    });
    let on_address_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                on_action.emit(Action::Navigate(input.value()));
            }
        })
    };
    let address = props
        .page
        .as_ref()
        .map_or(props.start_address.clone(), |page| page.url.clone());
    // The address bar is written only after a request or when the page's URL changes (another
    // profile, a rewind): a re-render for any other reason (the reloader, the clock) must not throw away
    // what the learner is typing there.
    let address_bar = use_node_ref();
    {
        let address_bar = address_bar.clone();
        use_effect_with((address, props.requests), move |(address, _)| {
            if let Some(input) = address_bar.cast::<web_sys::HtmlInputElement>() {
                input.set_value(address);
            }
        });
    }
    let status = props
        .page
        .as_ref()
        .map(|page| page.status.to_string())
        .unwrap_or_default();
    let status_class = match props.page.as_ref().map(|page| page.status / 100) {
        Some(2) => "status-ok",
        Some(3) => "status-redirect",
        Some(_) => "status-error",
        None => "",
    };

    html! {
        <div class={classes!("browser", closed.then_some("browser-closed"))}>
            <div class="browser-toolbar">
                <label class="profile-label">
                    <span class="visually-hidden">{ "Browser profile" }</span>
                    <select data-testid="profile-select" onchange={on_select}>
                        { for props.profiles.iter().map(|name| html! {
                            <option value={name.clone()} selected={*name == props.active}>{ name }</option>
                        }) }
                    </select>
                </label>
                <button data-testid="close-browser" onclick={on_close} disabled={closed}>
                    { "Close browser" }
                </button>
                <button data-testid="open-browser" onclick={on_open} disabled={!closed}>
                    { "Open browser" }
                </button>
                <button onclick={on_private} title="A fresh cookie jar, discarded when you close it">
                    { "New private window" }
                </button>
                <label class="continue-toggle" title="Chrome's setting: with it on, closing the browser keeps session cookies, as a restored tab does">
                    <input type="checkbox" checked={props.continue_where_left_off} onchange={on_continue} aria-describedby="continue-note" />
                    { "Continue where you left off" }
                    <span class="visually-hidden" id="continue-note">{ "When on, session cookies survive closing the browser, as in Chrome's setting of that name." }</span>
                </label>
            </div>
            <div class="browser-toolbar">
                <div class="history-buttons">
                    <button class="icon" onclick={on_back} disabled={closed || !props.can_go_back}
                        aria-label="Back (requests the previous page again)" title="Back">{ "←" }</button>
                    <button class="icon" onclick={on_forward} disabled={closed || !props.can_go_forward}
                        aria-label="Forward" title="Forward">{ "→" }</button>
                    <button class="icon" onclick={on_reload} disabled={closed || props.page.is_none()}
                        aria-label="Reload" title="Reload">{ "↻" }</button>
                </div>
                <input
                    data-testid="address-bar"
                    class="address-bar"
                    type="text"
                    aria-label="Address (Enter to go)"
                    ref={address_bar}
                    disabled={closed}
                    onkeydown={on_address_key}
                />
                <span data-testid="status-code" class={classes!("status-code", status_class)} aria-label="HTTP status">
                    { status }
                </span>
            </div>
            if server_error {
                <p class="server-error-note" role="note">
                    { "The app raised an exception: the traceback is in the " }
                    <button class="link-button" onclick={show_log}>{ "server log" }</button>
                    { " (Server pane)." }
                </p>
            }
            if closed {
                <p class="page-closed">
                    { format!("{}'s browser is closed. Session cookies are gone; persistent ones wait for it to open again.", props.active) }
                </p>
            }
            <super::script_panel::ScriptMarker view={props.script.clone()} />
            <PageFrame page={props.page.clone()} on_action={props.on_action.clone()} />
        </div>
    }
}
