//! The bar of the embedded page (`#embed`): the dev tools on demand, and "Open in the
//! playground" (the same work in a full page, in a new tab, where it can be saved).

use yew::prelude::*;

/// Props of [`EmbedBar`].
#[derive(Properties, PartialEq)]
pub struct EmbedBarProps {
    /// The full page's address with this work's share link.
    pub open_url: AttrValue,
    /// Whether the server pane and dev tools are shown.
    pub devtools: bool,
    /// Shows or hides them.
    pub on_toggle: Callback<MouseEvent>,
}

/// The embed bar.
#[function_component(EmbedBar)]
pub fn embed_bar(props: &EmbedBarProps) -> Html {
    html! {
        <div class="embed-bar" data-testid="embed-bar">
            <button class="small" data-testid="embed-devtools" aria-pressed={props.devtools.to_string()} onclick={props.on_toggle.clone()}>
                { if props.devtools { "Hide dev tools" } else { "Show dev tools" } }
            </button>
            <span class="muted">{ "Embedded: nothing you do here is saved." }</span>
            <a data-testid="embed-open" href={props.open_url.clone()} target="_blank" rel="noopener">{ "Open in the playground \u{2197}" }</a>
        </div>
    }
}
