//! The page header: the product name, the lesson list and the share control.

use yew::prelude::*;

/// The top bar.
#[function_component(Header)]
pub fn header() -> Html {
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
            <div data-testid="notice" role="alert" class="notice"></div>
        </header>
    }
}
