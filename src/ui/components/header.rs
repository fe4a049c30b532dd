//! The page header: the product name, the lesson list and the notice line.

use yew::prelude::*;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// A message for the learner, if any.
    pub notice: Option<String>,
    /// Called when the learner dismisses the notice.
    pub on_dismiss: Callback<()>,
}

/// The top bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <header class="topbar">
            <h1 class="brand">
                <svg class="brand-mark" viewBox="0 0 64 64" aria-hidden="true">
                    <circle cx="32" cy="32" r="28" fill="#d9a066" stroke="#8a5a2b" stroke-width="3" />
                    <circle cx="22" cy="22" r="4" fill="#5b3716" />
                    <circle cx="40" cy="20" r="3" fill="#5b3716" />
                    <circle cx="44" cy="38" r="4" fill="#5b3716" />
                    <circle cx="26" cy="42" r="3.5" fill="#5b3716" />
                </svg>
                { "Flask Session Playground" }
            </h1>
            <nav class="lessons" aria-label="Lessons">
                <ul data-testid="lesson-list" class="lesson-list"></ul>
            </nav>
            <div class="notice-slot">
                if let Some(notice) = &props.notice {
                    <div data-testid="notice" role="alert" class="notice">
                        <span>{ notice }</span>
                        <button class="small" onclick={on_dismiss} aria-label="Dismiss">{ "×" }</button>
                    </div>
                } else {
                    <div data-testid="notice" role="alert" class="notice"></div>
                }
            </div>
        </header>
    }
}
