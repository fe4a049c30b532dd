//! The page header: the product name, the lesson list and the share control.

use yew::prelude::*;

/// The top bar.
#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="topbar">
            <h1 class="brand">
                <span class="brand-mark" aria-hidden="true">{ "🍪" }</span>
                { "Flask Session Playground" }
            </h1>
            <nav class="lessons" aria-label="Lessons">
                <ul data-testid="lesson-list" class="lesson-list"></ul>
            </nav>
            <div data-testid="notice" role="alert" class="notice"></div>
        </header>
    }
}
