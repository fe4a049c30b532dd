//! The virtual browser: profile switcher, close/open, address bar, status and the page.

use yew::prelude::*;

use crate::ui::state::{Action, ProfileView};

/// Props of [`BrowserPane`].
#[derive(Properties, PartialEq)]
pub struct BrowserPaneProps {
    /// Every profile, in switcher order.
    pub profiles: Vec<ProfileView>,
    /// The index of the shown profile.
    pub active_profile: usize,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The browser pane.
#[function_component(BrowserPane)]
pub fn browser_pane(props: &BrowserPaneProps) -> Html {
    let active = &props.profiles[props.active_profile];
    let closed = !active.open;
    let on_select = props.on_action.reform(|event: Event| {
        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
        Action::SelectProfile(select.selected_index().max(0) as usize)
    });
    let on_close = props.on_action.reform(|_| Action::CloseBrowser);
    let on_open = props.on_action.reform(|_| Action::OpenBrowser);

    html! {
        <div class={classes!("browser", closed.then_some("browser-closed"))}>
            <div class="browser-toolbar">
                <label class="profile-label">
                    <span class="visually-hidden">{ "Browser profile" }</span>
                    <select data-testid="profile-select" onchange={on_select}>
                        { for props.profiles.iter().enumerate().map(|(index, profile)| html! {
                            <option value={index.to_string()} selected={index == props.active_profile}>
                                { &profile.name }
                            </option>
                        }) }
                    </select>
                </label>
                <input
                    data-testid="address-bar"
                    class="address-bar"
                    type="text"
                    aria-label="Address"
                    value="http://localhost/count"
                    disabled={closed}
                />
                <span data-testid="status-code" class="status-code" aria-label="HTTP status"></span>
                <button data-testid="close-browser" onclick={on_close} disabled={closed}>
                    { "Close browser" }
                </button>
                <button data-testid="open-browser" onclick={on_open} disabled={!closed}>
                    { "Open browser" }
                </button>
            </div>
            <div data-testid="page" class="page" aria-label="Page">
                if closed {
                    <p class="page-closed">{ format!("{}'s browser is closed.", active.name) }</p>
                }
            </div>
        </div>
    }
}
