//! The header's "Teach" menu: the teacher's tools, each a dialog of its own ("Check hand-ins",
//! "Make a lesson").

use yew::prelude::*;

use super::check_hand_ins::open_dialog;

/// The menu.
#[function_component(TeachMenu)]
pub fn teach_menu() -> Html {
    let open = |id: &'static str| {
        Callback::from(move |event: MouseEvent| {
            crate::ui::dom::close_menu(&event);
            open_dialog(id);
        })
    };
    html! {
        <details class="menu teach-menu">
            <summary data-testid="teach-menu">{ "Teach" }</summary>
            <ul class="menu-list">
                <li><button data-testid="open-lesson-builder" onclick={open("lesson-builder")}
                    title="Write a lesson of your own and share it as a link">{ "Make a lesson\u{2026}" }</button></li>
                <li><button data-testid="open-check-hand-ins" onclick={open("check-hand-ins")}
                    title="Paste your class's hand-in links: one table of who finished">{ "Check hand-ins\u{2026}" }</button></li>
            </ul>
        </details>
    }
}
