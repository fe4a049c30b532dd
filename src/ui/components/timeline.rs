//! The timeline: every action in order, with what it did. Clicking an entry shows the whole
//! state right after it (rebuilt by replay); the selected entry is marked.

use yew::prelude::*;

use std::rc::Rc;

use crate::browser::clock::format_instant;
use crate::ui::shared_log::SharedLog;
use crate::ui::state::{Action, TimelineEntry, TimelineKind};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The entries, oldest first.
    pub entries: SharedLog<Rc<TimelineEntry>>,
    /// The entry whose state is on screen, while rewinding.
    pub selected: Option<usize>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The tag word of an entry's kind (words, not symbols: symbol glyphs are missing from many fonts).
pub fn kind_tag(kind: TimelineKind) -> &'static str {
    match kind {
        TimelineKind::Request => "request",
        TimelineKind::Close => "close",
        TimelineKind::Open => "open",
        TimelineKind::ClockJump => "clock",
        TimelineKind::CookieEdit => "cookie",
    }
}

/// The timeline list. Up/Down move to the previous/next entry (showing its state), Escape goes
/// back to the present — stepping through the history like a debugger's call stack.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let on_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            let sibling = |element: &web_sys::Element| match event.key().as_str() {
                "ArrowDown" => element.next_element_sibling(),
                "ArrowUp" => element.previous_element_sibling(),
                _ => None,
            };
            if event.key() == "Escape" {
                on_action.emit(Action::BackToNow);
                return;
            }
            let Some(item) = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.closest("li").ok().flatten())
            else {
                return;
            };
            if let Some(button) = sibling(&item)
                .and_then(|next| next.query_selector("button").ok().flatten())
                .and_then(|button| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button).ok()
                })
            {
                event.prevent_default();
                let _ = button.focus();
                button.click();
            }
        })
    };
    html! {
        <ol data-testid="timeline" class="timeline" onkeydown={on_key}>
            { for props.entries.iter().enumerate().map(|(index, entry)| html! {
                <TimelineItem key={index} {index} {entry} selected={props.selected == Some(index)}
                    on_action={props.on_action.clone()} />
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineItemProps {
    index: usize,
    entry: Rc<TimelineEntry>,
    selected: bool,
    on_action: Callback<Action>,
}

/// One entry. A component of its own so that a new request re-renders one row, not all of
/// them (its props are compared, and an entry never changes once made, and is shared: comparing it is comparing pointers).
#[function_component(TimelineItem)]
fn timeline_item(props: &TimelineItemProps) -> Html {
    let (index, entry, selected) = (props.index, &props.entry, props.selected);
    let tag = kind_tag(entry.kind);
    let onclick = props
        .on_action
        .reform(move |_: MouseEvent| Action::ViewEntry(index));
    html! {
        <li data-testid="timeline-entry" class={classes!("timeline-entry", selected.then_some("selected"))}>
            <button class="timeline-select" aria-pressed={selected.to_string()} {onclick}
                title="Show the state right after this (Up/Down: step through, Escape: back to now)">
                <span class={classes!("timeline-tag", tag)}>{ tag }</span>
                <time class="timeline-at">{ format_instant(entry.at) }</time>
                if let Some(profile) = &entry.profile {
                    <span class="timeline-profile">{ profile }</span>
                }
                <span class="timeline-summary">{ &entry.summary }</span>
            </button>
        </li>
    }
}
