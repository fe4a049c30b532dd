//! The page header: the product name, the lesson list, saved workspaces, "Share" with its link,
//! and the notice line.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::dom::close_menu;
use crate::ui::guide::{NoticeKind, by_level, notice_kind};
use crate::ui::state::Action;

/// One entry of the lesson list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonItem {
    /// The lesson id.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// Every goal met once.
    pub solved: bool,
}

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// A message for the learner, if any.
    pub notice: Option<String>,
    /// The built-in lessons.
    pub lessons: Vec<LessonItem>,
    /// The open lesson's id, if any.
    pub open_lesson: Option<String>,
    /// The names of the saved workspaces.
    pub saved: Vec<String>,
    /// The link made by the last "Share" (absolute URL), if any.
    pub share_url: Option<String>,
    /// Makes all saved work (exported as a JSON file on request).
    pub export: Callback<(), std::rc::Rc<crate::scenario::saved::SavedWork>>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The top bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_dismiss = props
        .on_action
        .reform(|_: MouseEvent| Action::DismissNotice);
    let on_share = props.on_action.reform(|_: MouseEvent| Action::Share);
    // The file is made when asked for (not at every render): the link's address is set just
    // before the browser follows it.
    let on_export = {
        let work = props.export.clone();
        Callback::from(move |event: MouseEvent| {
            // Yew delegates events: the listener's element is the root, so find the link itself.
            let link = event
                .target()
                .map(|target| target.unchecked_into::<web_sys::Element>())
                .and_then(|element| element.closest("a").ok().flatten());
            if let Some(link) = link {
                let _ = link.set_attribute("href", &json_data_url(&work.emit(()).export()));
            }
        })
    };
    let on_afresh = props.on_action.reform(|event: MouseEvent| {
        close_menu(&event);
        Action::StartAfresh
    });
    let on_import = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| read_file(&event, on_action.clone()))
    };
    let select_all = Callback::from(|event: FocusEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.select();
    });
    let copied = use_state(|| None::<String>);
    let on_copy = {
        let copied = copied.clone();
        let url = props.share_url.clone().unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            crate::ui::dom::copy_text(&url);
            copied.set(Some(url.clone()));
        })
    };
    let on_help = Callback::from(|_: MouseEvent| super::help_dialog::open_help());
    let ids: Vec<&str> = props.lessons.iter().map(|item| item.id).collect();
    let groups = by_level(&ids);
    let lessons_label = match &props.open_lesson {
        Some(id) => props
            .lessons
            .iter()
            .find(|item| item.id == *id)
            .map_or("Lessons".to_string(), |item| {
                format!("Lesson: {}", item.title)
            }),
        None => "Lessons".to_string(),
    };
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
                <details class="menu lessons-menu">
                    <summary>{ lessons_label }</summary>
                    <ul data-testid="lesson-list" class="lesson-list menu-list">
                        { for groups.iter().scan(0usize, |number, (level, members)| {
                            let first = *number;
                            *number += members.len();
                            Some((first, level, members))
                        }).map(|(first, level, members)| html! {
                            <>
                                <li class="menu-heading" aria-hidden="true">{ level.label() }</li>
                                { for members.iter().enumerate().filter_map(|(offset, id)| {
                                    props.lessons.iter().find(|item| item.id == *id).map(|item| (first + offset, item))
                                }).map(|(index, item)| {
                                    let id = item.id;
                                    let open = props.on_action.reform(move |event: MouseEvent| {
                                        close_menu(&event);
                                        Action::OpenLesson(id.to_owned())
                                    });
                                    html! {
                                        <li data-testid="lesson-item" data-lesson-id={item.id}
                                            class={classes!(item.solved.then_some("solved"), (props.open_lesson.as_deref() == Some(item.id)).then_some("current"))}>
                                            <button onclick={open} aria-label={format!("{} ({}){}", item.title, level.label(), if item.solved { ", done" } else { "" })}>
                                                <span class="lesson-number">{ format!("{}.", index + 1) }</span>
                                                { &item.title }
                                                if item.solved {
                                                    <span class="solved-mark" aria-hidden="true">{ " \u{2713}" }</span>
                                                }
                                            </button>
                                        </li>
                                    }
                                }) }
                            </>
                        }) }
                    </ul>
                </details>
                <details class="menu saved-menu">
                    <summary>{ format!("Saved ({})", props.saved.len()) }</summary>
                    <ul class="menu-list">
                        { for props.saved.iter().map(|name| {
                            let chosen = name.clone();
                            let open = props.on_action.reform(move |event: MouseEvent| {
                                close_menu(&event);
                                Action::OpenSaved(chosen.clone())
                            });
                            html! { <li><button onclick={open} title="Open it (the work on screen is kept too)">{ name }</button></li> }
                        }) }
                        <li class="menu-separator">
                            <a class="menu-link" download="flask-session-playground.json" href="#" onclick={on_export}>
                                { "Export all saved work (.json)" }
                            </a>
                        </li>
                        <li>
                            <button data-testid="start-afresh" onclick={on_afresh}
                                title="An empty workspace; the work on screen is kept in this menu">{ "Start afresh" }</button>
                        </li>
                        <li>
                            <label class="menu-link import-label">
                                { "Import saved work…" }
                                <input type="file" accept="application/json,.json" class="visually-hidden"
                                    aria-label="Import saved work from a .json file" onchange={on_import} />
                            </label>
                        </li>
                    </ul>
                </details>
                <super::teach_menu::TeachMenu />
            </nav>
            <div class="share">
                <button data-testid="share" onclick={on_share} title="A link that rebuilds exactly this state in any browser">{ "Share" }</button>
                if let Some(url) = &props.share_url {
                    <input data-testid="share-url" class="share-url" readonly=true value={url.clone()}
                        aria-label="Share link" onfocus={select_all.clone()} />
                    <button class="small" data-testid="share-copy" onclick={on_copy}>
                        { if copied.as_deref() == Some(url.as_str()) { "Copied \u{2713}" } else { "Copy link" } }
                    </button>
                    <input data-testid="embed-snippet" class="share-url" readonly=true onfocus={select_all}
                        aria-label="Embed this in a web page (select and copy)"
                        value={format!("<iframe src=\"{}\" width=\"100%\" height=\"640\" style=\"border:0\" title=\"Flask Session Playground\"></iframe>", url.replacen('#', "#embed&", 1))} />
                }
            </div>
            <button class="small help-button" onclick={on_help} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
                { "Keys ?" }
            </button>
            <div class="notice-slot">
                if let Some(notice) = &props.notice {
                    <div data-testid="notice" role={if notice_kind(notice) == NoticeKind::Info { "status" } else { "alert" }}
                        class={classes!("notice", if notice_kind(notice) == NoticeKind::Info { "notice-info" } else { "notice-error" })}>
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

/// A `data:` URL holding `json` as a file to download.
pub(crate) fn json_data_url(json: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        percent_encode(json)
    )
}

/// Percent-encodes `text` for a `data:` URL.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reads the chosen file's text and dispatches it as an import.
fn read_file(event: &Event, on_action: Callback<Action>) {
    #[cfg(target_arch = "wasm32")]
    {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let promise = file.text();
        yew::platform::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|value| value.as_string());
            on_action.emit(Action::ImportSaved(text.unwrap_or_default()));
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (event, on_action);
}
