//! The first view without a lesson: where to start ("Start here → Counting visits"), what each
//! pane is, and every lesson by difficulty.

use yew::prelude::*;

use super::header::LessonItem;
use crate::ui::guide::by_level;
use crate::ui::state::Action;

/// Props of [`Welcome`].
#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// The built-in lessons (with their progress marks).
    pub lessons: Vec<LessonItem>,
    /// The lesson a newcomer starts with, if it is there.
    pub first: Option<LessonItem>,
    /// "Just the playground": put the welcome away.
    pub on_hide: Callback<MouseEvent>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The welcome pane.
#[function_component(Welcome)]
pub fn welcome(props: &WelcomeProps) -> Html {
    let ids: Vec<&str> = props.lessons.iter().map(|item| item.id).collect();
    let groups = by_level(&ids);
    let open = |id: &str| {
        let id = id.to_string();
        props
            .on_action
            .reform(move |_: MouseEvent| Action::OpenLesson(id.clone()))
    };
    html! {
        <div class="welcome" data-testid="welcome">
            <h2 class="welcome-title">{ "See what Flask keeps in its session cookie" }</h2>
            <p>{ "A Flask app runs here in the page, and a virtual browser with its own cookie jar talks to it. Nothing leaves your computer." }</p>
            if let Some(first) = &props.first {
                <button class="primary start-here" data-testid="start-here" onclick={open(first.id)}>
                    { format!("Start here \u{2192} {}", first.title) }
                </button>
            }
            <h3>{ "What is on screen" }</h3>
            <dl class="welcome-panes">
                <dt>{ "app.py" }</dt><dd>{ "The Flask app. Edit it: the server restarts when you pause typing." }</dd>
                <dt>{ "Browser" }</dt><dd>{ "Type a path in the address bar and press Enter; the app's answer appears below it." }</dd>
                <dt>{ "Dev tools" }</dt><dd>{ "What the browser keeps: its cookies, the requests it sent, the session cookie decoded, the timeline." }</dd>
                <dt>{ "Server" }</dt><dd>{ "What the server saw: the session before and after each request, and what flask run prints." }</dd>
            </dl>
            <h3>{ "Lessons, easiest first" }</h3>
            { for groups.iter().map(|(level, members)| html! {
                <div class="welcome-group">
                    <h4>{ level.label() }</h4>
                    <ul class="welcome-lessons">
                        { for members.iter().filter_map(|id| props.lessons.iter().find(|item| item.id == *id)).map(|item| html! {
                            <li>
                                <button class="link-button" data-lesson={item.id} onclick={open(item.id)}>{ &item.title }</button>
                                if item.solved { <span class="solved-mark">{ " \u{2713} done" }</span> }
                            </li>
                        }) }
                    </ul>
                </div>
            }) }
            <p><button class="small" data-testid="hide-welcome" onclick={props.on_hide.clone()}>{ "Just the playground (hide this)" }</button></p>
        </div>
    }
}
