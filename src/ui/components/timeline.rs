//! The timeline: every action in order, with what it did.

use yew::prelude::*;

use crate::browser::clock::format_instant;
use crate::ui::state::{TimelineEntry, TimelineKind};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The entries, oldest first.
    pub entries: Vec<TimelineEntry>,
}

/// The timeline list.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    html! {
        <ol data-testid="timeline" class="timeline">
            { for props.entries.iter().map(|entry| {
                // Words, not symbols: symbol glyphs are missing from many fonts.
                let tag = match entry.kind {
                    TimelineKind::Request => "request",
                    TimelineKind::Close => "close",
                    TimelineKind::Open => "open",
                    TimelineKind::ClockJump => "clock",
                    TimelineKind::CookieEdit => "cookie",
                };
                html! {
                    <li data-testid="timeline-entry" class="timeline-entry">
                        <span class={classes!("timeline-tag", tag)}>{ tag }</span>
                        <time class="timeline-at">{ format_instant(entry.at) }</time>
                        if let Some(profile) = &entry.profile {
                            <span class="timeline-profile">{ profile }</span>
                        }
                        <span class="timeline-summary">{ &entry.summary }</span>
                    </li>
                }
            }) }
        </ol>
    }
}
