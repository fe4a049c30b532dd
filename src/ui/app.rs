//! The root component: owns the one `use_reducer` over [`Workspace`], derives what each pane
//! shows, and lays out the panes.

use yew::prelude::*;

use super::components::{
    browser_pane::BrowserPane,
    check_hand_ins::CheckHandIns,
    devtools::DevTools,
    editor::Editor,
    editor_error::EditorError,
    embed_bar::EmbedBar,
    engine_bar::EngineBar,
    hand_in::HandInBox,
    header::{Header, LessonItem},
    help_dialog::HelpDialog,
    lesson_builder::LessonBuilder,
    lesson_panel::{LessonPanel, NextLesson},
    project_files::ProjectFilesBar,
    server_pane::ServerPane,
    welcome::Welcome,
};
use super::fragment::Opening;
use super::guide::{Pane, focus_after, pane_switch};
use super::state::{Action, TimelineKind, Workspace};
use super::storage::Found;

/// The longest the saved work in storage lags the page.
const SAVE_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// How long the editor must be still before the server reloads (well under the contract's 2 s).
const RELOAD_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// How long after the first result a link's editor and the warm-up come: past the frame that
/// paints the result.
const WARM_UP_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let workspace = use_reducer(Workspace::default);
    // `#embed`: the compact layout, and storage is never read or written (set before anything
    // loads or saves).
    let embedded = *use_state(|| {
        let embedded = super::fragment::address_is_embed();
        if embedded {
            super::storage::set_read_only();
        }
        embedded
    });
    // Whether the welcome was put away (on this visit or an earlier one), and the pane shown in
    // the narrow layout (one at a time): the browser for a learner who has put the welcome away.
    // What the address asks to open, taken from it once (the effect below carries it out).
    let opening = use_mut_ref(|| {
        super::storage::take_fragment()
            .map(|fragment| super::fragment::read_fragment(&fragment).opening)
    });
    let welcome_hidden = use_state(super::storage::welcome_hidden);
    // A link opens on what it was shared to show (`guide::link_pane`), welcome or not.
    let pane = use_state(|| match &*opening.borrow() {
        Some(Opening::Link(payload)) => super::guide::link_pane(payload),
        Some(Opening::Fetch(_)) => Pane::Lesson,
        _ if *welcome_hidden => Pane::Browser,
        _ => Pane::Lesson,
    });
    // The pane the learner acted in when an action brought another into view (the narrow
    // layout's "← Back" returns to it), and the pane on show as the dispatcher sees it.
    let came_from = use_state(|| None::<Pane>);
    let pane_now = use_mut_ref(|| *pane);
    *pane_now.borrow_mut() = *pane;
    let show_devtools = use_state(|| false);
    let loaded = use_mut_ref(|| false);
    // What the page must tell the learner about storage (kept apart from the workspace's notice,
    // which the next action clears: this stays until the problem is gone or dismissed).
    let storage_note = use_state(|| None::<StorageNote>);
    // While a share link is being opened the page draws only its loading line: the link's
    // result is made in this render's own task, before any paint, so drawing the default page
    // first (~60 ms of a cold load) would only be thrown away.
    let opening_link = use_state(|| matches!(*opening.borrow(), Some(Opening::Link(_))));
    {
        // Start the app's server once the page has painted and the editor is usable (after a
        // link's result instead, see below). Then rebuild the saved work, if there is any, and open a share link from the address.
        // Until that is done nothing is saved, or the empty first state would overwrite it.
        // A link opened on a page with nothing saved is the page's one server start (its replay
        // starts the link's app); the warm-up waits until that result is on screen.
        let dispatch = workspace.dispatcher();
        let loaded = loaded.clone();
        let storage_note = storage_note.clone();
        let opening_link = opening_link.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let opening = opening.borrow_mut().take();
                let link_first = matches!(opening, Some(Opening::Link(_)));
                // A plain visit paints the page and needs the editor first. A link's result
                // needs neither: it is made before the first paint (this runs in the render's
                // own task), so the page is laid out once, and its editor comes after it.
                if !link_first {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    #[cfg(target_arch = "wasm32")]
                    super::editor_bridge::load_bundle().await;
                }
                // A load or action that never ended (the tab froze or crashed) left the busy mark:
                // this time the saved work is opened without being run.
                let interrupted = super::storage::was_busy();
                let busy = |action: Action| {
                    super::storage::mark_busy(true);
                    dispatch.dispatch(action);
                    super::storage::mark_busy(false);
                };
                let mut may_save = true;
                match super::storage::load() {
                    Found::Work(saved) if interrupted => {
                        busy(Action::RestoreWithoutRunning(Box::new(saved)))
                    }
                    Found::Work(saved) => busy(Action::Restore(Box::new(saved))),
                    Found::Unreadable { why, set_aside } => {
                        may_save = set_aside.is_ok();
                        storage_note.set(Some(StorageNote::Unreadable { why, set_aside }));
                        busy(Action::ReloadServer);
                    }
                    // The link starts its own app (or, if it cannot be opened, the editor's).
                    Found::Nothing if link_first => {}
                    Found::Nothing => busy(Action::ReloadServer),
                }
                match opening {
                    Some(Opening::Link(payload)) => busy(Action::OpenShared(payload)),
                    Some(Opening::Fetch(shared)) => {
                        let url = shared.lesson_url.clone().unwrap_or_default();
                        let text = super::fetch::fetch_text(&url).await;
                        busy(Action::OpenFetchedLesson(shared, text));
                    }
                    Some(Opening::BadAddress(why)) => busy(Action::Notice(why)),
                    Some(Opening::Nothing) | None => {}
                }
                if link_first {
                    opening_link.set(false);
                }
                // Unreadable work that could not be set aside is never written over.
                *loaded.borrow_mut() = may_save;
                let from_other_tab = dispatch.clone();
                super::storage::on_other_tab(move |work| {
                    from_other_tab.dispatch(Action::OtherTabSaved(Box::new(work)))
                });
                // The first result is in the document: the work it did not need comes after it
                // has been painted (the service worker's install fetches the build once more).
                super::dom::announce_loaded();
                yew::platform::time::sleep(WARM_UP_PAUSE).await;
                // A link's editor, once the frame with its result has been painted.
                #[cfg(target_arch = "wasm32")]
                if link_first {
                    super::editor_bridge::load_bundle().await;
                }
                super::storage::mark_busy(true);
                Workspace::warm_up();
                super::storage::mark_busy(false);
            });
        });
    }
    // The saved work with this workspace as current: made when the autosave writes it or the
    // header's menu exports it, not at every render (on a long history it costs a millisecond
    // or more, and a burst of actions is written once).
    // It reads the latest workspace when called, so it is made once: a callback made at every
    // render would make the header's props differ at every request, and the header (its lesson
    // menu of twenty entries) would be drawn again each time for nothing.
    let latest = use_mut_ref(|| workspace.clone());
    *latest.borrow_mut() = workspace.clone();
    let saved_now = {
        let latest = latest.clone();
        use_callback((), move |(), _| {
            std::rc::Rc::new(latest.borrow().saved_work())
        })
    };
    {
        // Autosave: the saved work (this workspace as current), written at most every
        // SAVE_PAUSE so a burst of clicks costs one write; a page being left writes at once.
        let saved_now = saved_now.clone();
        let pending = use_mut_ref(|| None::<SavedNow>);
        let written = use_mut_ref(|| None::<std::rc::Rc<crate::scenario::saved::SavedWork>>);
        let scheduled = use_mut_ref(|| false);
        let report = {
            let storage_note = storage_note.clone();
            Callback::from(move |outcome: Result<(), String>| match outcome {
                Err(why) => storage_note.set(Some(StorageNote::NotSaved(why))),
                Ok(()) if matches!(*storage_note, Some(StorageNote::NotSaved(_))) => {
                    storage_note.set(None)
                }
                Ok(()) => {}
            })
        };
        {
            let pending = pending.clone();
            let written = written.clone();
            let report = report.clone();
            use_effect_with((), move |_| flush_on_leave(pending, written, report));
        }
        let loaded = loaded.clone();
        // After every render: what it shows is what the next write saves (a write of what is
        // already stored is skipped, see `write_pending`).
        use_effect(move || {
            if *loaded.borrow() {
                *pending.borrow_mut() = Some(saved_now);
                if !*scheduled.borrow() {
                    *scheduled.borrow_mut() = true;
                    yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(SAVE_PAUSE).await;
                        *scheduled.borrow_mut() = false;
                        write_pending(&pending, &written, &report);
                    });
                }
            }
        });
    }
    // One callback for the page's life: components whose other props did not change are then
    // not re-rendered (a new callback each render would make every prop list differ).
    // Each action is carried out between two busy marks (see `storage::was_busy`).
    // After each action: in the narrow layout the pane that shows its result comes into view,
    // and a focus lost with the control that had it goes to the natural next control.
    // Issue 13: actions that run the app's code go to the engine worker first (behind the
    // `?engine=worker` switch; see `engine_worker`), which needs the latest state to send.
    let engine = (*use_state(super::engine_worker::EngineGuard::default)).clone();
    let running = use_state(|| None::<String>);
    let dispatch = {
        let dispatcher = workspace.dispatcher();
        let engine = engine.clone();
        let show_running = running.setter();
        let latest = latest.clone();
        let show_pane = pane.setter();
        let came_from = came_from.setter();
        let pane_now = pane_now.clone();
        use_callback((), move |action: Action, _| {
            let switch = pane_switch(*pane_now.borrow(), &action);
            let mut refocus: Vec<&'static str> = focus_after(&action).to_vec();
            let busy_dispatch = {
                let dispatcher = dispatcher.clone();
                Callback::from(move |action: Action| {
                    super::storage::mark_busy(true);
                    dispatcher.dispatch(action);
                    super::storage::mark_busy(false);
                })
            };
            let bar = {
                let show_running = show_running.clone();
                Callback::from(move |what: Option<String>| show_running.set(what))
            };
            let routed = engine.route(action, &latest.borrow(), &busy_dispatch, &bar);
            if let Some(action) = routed {
                busy_dispatch.emit(action);
            }
            if let Some((next, from)) = switch {
                show_pane.set(next);
                came_from.set(Some(from));
                refocus.push("[data-testid=pane-back]");
                refocus.push(".pane-tab[aria-current=true]");
            }
            super::dom::refocus_soon(refocus);
        })
    };
    {
        // A share link pasted into the address of an open playground tab: open it now.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| on_hash_change(dispatch));
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| super::shortcuts::install(dispatch));
    }
    {
        // The reloader: the server restarts once the learner has paused typing (in app.py or
        // any other file of the project).
        let dispatch = dispatch.clone();
        use_effect_with(
            (
                workspace.code().to_string(),
                workspace.editor().files().clone(),
            ),
            move |(code, files)| {
                let (code, files) = (code.clone(), files.clone());
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(RELOAD_PAUSE).await;
                    dispatch.emit(Action::ReloadIfProjectUnchanged(code, files));
                });
            },
        );
    }
    if *opening_link {
        return html! { <p class="loading">{ "Loading the playground\u{2026}" }</p> };
    }
    let on_code_change = dispatch.reform(Action::EditOpenFile);
    let file_paths: Vec<String> = workspace
        .editor()
        .files()
        .iter()
        .map(|(path, _)| path.to_string())
        .collect();
    let error_file = workspace.error_place().map(|(_, _, file, _)| file);

    // While a past state is on screen, the panes show it; the editor and timeline stay present.
    let shown = workspace.shown();
    let active = shown.active();
    let profile_names: Vec<String> = shown
        .browser
        .profiles()
        .iter()
        .map(|profile| profile.name.clone())
        .collect();
    let now = shown.browser.clock.now();
    let cookies: Vec<_> = active.jar.list(now).into_iter().cloned().collect();
    // What a script on the shown page would see: the jar as it is now, at the page's URL.
    let script = shown.active_page().and_then(|page| {
        let url = crate::browser::Url::parse(&page.url).ok()?;
        Some(crate::browser::script_view::ScriptView::new(
            &active.jar,
            &url,
            &page.body,
            now,
        ))
    });
    let lessons: Vec<LessonItem> = crate::scenario::builtin::catalogue()
        .map(|entry| LessonItem {
            id: entry.id,
            title: entry.title,
            solved: workspace
                .saved()
                .progress
                .get(entry.id)
                .is_some_and(|progress| progress.solved(entry.goals.iter().copied())),
        })
        .collect();
    let lesson_ids: Vec<&str> = lessons.iter().map(|item| item.id).collect();
    let next_lesson = workspace
        .lesson()
        .and_then(|run| super::guide::next_lesson(&lesson_ids, &run.lesson().id))
        .and_then(|id| {
            lessons
                .iter()
                .find(|item| item.id == id)
                .map(|item| NextLesson {
                    id: item.id.to_owned(),
                    title: item.title.to_owned(),
                })
        });
    let first_lesson = lessons
        .iter()
        .find(|item| item.id == super::guide::FIRST_LESSON)
        .cloned();
    let start_address = super::guide::start_address(workspace.lesson().map(|run| &**run.lesson()));
    let share_url = workspace
        .share_link()
        .map(|payload| format!("{}#{payload}", super::storage::page_address()));
    let lesson = workspace.lesson().cloned().map(|run| {
        let progress = workspace.lesson_progress().cloned().unwrap_or_default();
        (run, progress)
    });
    // The request being stepped through, and whether the editor still holds the code it ran.
    let step = workspace.rewind().and_then(|rewind| {
        let step_through = rewind.step_through().cloned()?;
        let matches = *step_through.source == *workspace.code();
        Some((step_through, rewind.entry(), matches))
    });
    let rewind = workspace.rewind().map(|rewind| {
        let entry = workspace.timeline().get(
            rewind
                .entry()
                .min(workspace.timeline().len().saturating_sub(1)),
        );
        (
            rewind.entry(),
            workspace.timeline().len(),
            entry.map(|entry| entry.summary.clone()).unwrap_or_default(),
        )
    });

    // What the lesson builder checks its goals on: the state on screen, made when asked.
    let lesson_state_now = {
        let workspace = workspace.clone();
        Callback::from(move |()| std::rc::Rc::new(workspace.lesson_state()))
    };
    let show_welcome = lesson.is_none() && !*welcome_hidden;
    let lesson_label = if lesson.is_some() {
        "Lesson"
    } else {
        "Welcome"
    };
    let lesson_column = lesson.is_some() || show_welcome;
    let pane_tab = |which: Pane| {
        let current = *pane == which;
        let pane = pane.clone();
        let came_from = came_from.clone();
        let select = Callback::from(move |_: MouseEvent| {
            pane.set(which);
            came_from.set(None);
            super::dom::focus_soon(which.selector());
        });
        html! {
            <button class="pane-tab" aria-current={current.then_some("true")} aria-controls={which.id()} onclick={select}>
                { which.label() }
            </button>
        }
    };
    // Made once (setters do not go stale), so the welcome is not drawn again at every request.
    let on_hide_welcome = {
        let welcome_hidden = welcome_hidden.setter();
        let pane = pane.setter();
        use_callback((), move |_: MouseEvent, _| {
            welcome_hidden.set(true);
            super::storage::set_welcome_hidden(true);
            pane.set(Pane::Browser);
            super::dom::focus_soon("[data-testid=address-bar]");
        })
    };
    // The help dialog's way back to the welcome: it shows where no lesson is open, so an open
    // lesson is left (its progress is kept, as with "Leave lesson").
    let on_show_welcome = {
        let welcome_hidden = welcome_hidden.clone();
        let pane = pane.clone();
        let dispatch = dispatch.clone();
        let in_lesson = workspace.lesson().is_some();
        Callback::from(move |_: ()| {
            welcome_hidden.set(false);
            super::storage::set_welcome_hidden(false);
            if in_lesson {
                dispatch.emit(Action::CloseLesson);
            }
            pane.set(Pane::Lesson);
            super::dom::focus_soon("[data-testid=start-here]");
        })
    };
    // "← Back to Lesson": shown (in the narrow layout only) after an action brought its result
    // into view from another pane.
    let here = *pane;
    let back = (*came_from).filter(|from| *from != here).map(|from| {
        let pane = pane.clone();
        let came_from = came_from.clone();
        let go_back = Callback::from(move |_: MouseEvent| {
            pane.set(from);
            came_from.set(None);
            super::dom::focus_soon(from.selector());
        });
        html! {
            <div class="pane-back">
                <button class="small" data-testid="pane-back" onclick={go_back}>
                    { format!("\u{2190} Back to {}", from.label()) }
                </button>
                <span class="muted">{ format!("{} shows what happened", here.label()) }</span>
            </div>
        }
    });
    let section_class = |which: Pane, class: &'static str| {
        classes!("pane", class, (*pane == which).then_some("pane-current"))
    };

    html! {
        <div class={classes!("shell", embedded.then_some("embedded"), (*show_devtools).then_some("with-devtools"))}>
            <nav class="pane-tabs" aria-label="Panes">
                { for Pane::ALL.into_iter().map(pane_tab) }
            </nav>
            <Header
                notice={workspace.notice().map(str::to_string)}
                lessons={lessons.clone()}
                open_lesson={workspace.lesson().map(|run| run.lesson().id.clone())}
                saved={workspace.saved().saved.iter().map(|entry| entry.name.clone()).collect::<Vec<_>>()}
                {share_url}
                export={saved_now}
                on_action={dispatch.clone()}
            />
            <HelpDialog {on_show_welcome} />
            <CheckHandIns />
            <LessonBuilder code={workspace.code().to_string()} log={workspace.log().clone()} state_now={lesson_state_now}
                page_address={super::storage::page_address()} on_action={dispatch.clone()} />
            if embedded {
                <EmbedBar open_url={format!("{}#{}", super::storage::page_address(), workspace.share_payload())} devtools={*show_devtools}
                    on_toggle={
                        let show_devtools = show_devtools.clone();
                        Callback::from(move |_: MouseEvent| show_devtools.set(!*show_devtools))
                    } />
            }
            if let Some(note) = (*storage_note).clone() {
                <StorageBanner {note} on_dismiss={
                    let storage_note = storage_note.clone();
                    Callback::from(move |_: MouseEvent| storage_note.set(None))
                } />
            }
            if let Some(what) = (*running).clone() {
                <EngineBar {what} on_stop={
                    let engine = engine.clone();
                    Callback::from(move |_: MouseEvent| engine.stop())
                } />
            }
            if let Some((entry, total, summary)) = rewind {
                <RewindBar {entry} {total} {summary} on_action={dispatch.clone()} />
            }
            { back.unwrap_or_default() }
            <main class={classes!("panes", workspace.rewind().is_some().then_some("rewinding"), lesson_column.then_some("with-lesson"))}>
                <section id={Pane::Lesson.id()} tabindex="-1" class={section_class(Pane::Lesson, "pane-lesson")}
                    aria-label={lesson_label}>
                    if let Some((run, progress)) = lesson {
                        <LessonPanel run={run.clone()} {progress} {next_lesson} on_action={dispatch.clone()} />
                        <HandInBox hand_in={run.hand_in().cloned()} page_address={super::storage::page_address()} on_action={dispatch.clone()} />
                    } else {
                        <Welcome lessons={lessons.clone()} first={first_lesson} on_hide={on_hide_welcome} on_action={dispatch.clone()} />
                    }
                </section>
                <section id={Pane::Code.id()} tabindex="-1" class={section_class(Pane::Code, "pane-editor")} aria-label="Editor">
                    <div class="pane-head">
                        <h2 class="pane-title" data-testid="open-file-name">{ workspace.editor().open_file_name().to_string() }</h2>
                        <p class="pane-hint" id="editor-keys">{ "Tab indents · " }<kbd>{ "Esc" }</kbd>{ " then " }<kbd>{ "Tab" }</kbd>{ " leaves the editor · " }<kbd>{ "?" }</kbd>{ " shortcuts" }</p>
                    </div>
                    <ProjectFilesBar paths={file_paths} open={workspace.editor().open_file_name().to_string()} {error_file} on_action={dispatch.clone()} />
                    <Editor code={workspace.editor().open_text().to_string()} file={workspace.editor().open_file_name().to_string()} on_change={on_code_change} marks={workspace.editor_marks()}
                        current_line={step.as_ref().filter(|(_, _, matches)| *matches && workspace.editor().open_file().is_none()).and_then(|(step_through, _, _)| step_through.current().map(|line| line.line))} />
                    if let Some((error, severity, file, line)) = workspace.error_place() {
                        <EditorError open={file == workspace.editor().open_file_name()} {file} {line} severity={severity.to_string()}
                            message={format!("{}: {}", error.type_name, error.message)} on_action={dispatch.clone()} />
                    }
                </section>
                <section id={Pane::Browser.id()} tabindex="-1" class={section_class(Pane::Browser, "pane-browser")} aria-label="Virtual browser">
                    <BrowserPane
                        {start_address}
                        profiles={profile_names.clone()}
                        active={active.name.clone()}
                        open={active.open}
                        continue_where_left_off={active.continue_where_left_off}
                        page={shown.active_page().cloned()}
                        requests={shown.requests().count()}
                        can_go_back={active.history.can_go_back()}
                        can_go_forward={active.history.can_go_forward()}
                        script={script.clone()}
                        on_action={dispatch.clone()}
                    />
                </section>
                <section id={Pane::Server.id()} tabindex="-1" class={section_class(Pane::Server, "pane-server")} aria-label="Server">
                    <ServerPane status={workspace.server_status()} log={shown.server_log_shared()} session={server_session(&workspace, &dispatch)}
                        mode={workspace.session_mode} {step} on_action={dispatch.clone()} />
                </section>
                <section id={Pane::DevTools.id()} tabindex="-1" class={section_class(Pane::DevTools, "pane-devtools")} aria-label="Dev tools">
                    <h2 class="pane-title">{ "Dev tools" }</h2>
                    <DevTools
                        now={shown.clock_text()}
                        {cookies}
                        other_profiles={profile_names.iter().filter(|name| **name != active.name).cloned().collect::<Vec<_>>()}
                        profiles={workspace.browser.profiles().iter().map(|profile| profile.name.clone()).collect::<Vec<_>>()}
                        timeline={workspace.timeline().clone()}
                        selected={workspace.rewind().map(|rewind| rewind.entry())}
                        requests={shown.timeline().iter().enumerate().filter(|(_, entry)| entry.kind == TimelineKind::Request).collect::<Vec<_>>()}
                        session={shown.session_inspection()}
                        {script}
                        on_action={dispatch}
                    />
                </section>
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RewindBarProps {
    entry: usize,
    total: usize,
    summary: String,
    on_action: Callback<Action>,
}

/// The bar shown while a past state is on screen: where in the timeline it is, and the two ways
/// out (back to the present, or continue from this point and drop what came after).
#[function_component(RewindBar)]
fn rewind_bar(props: &RewindBarProps) -> Html {
    let back = props.on_action.reform(|_: MouseEvent| Action::BackToNow);
    let continue_here = props
        .on_action
        .reform(|_: MouseEvent| Action::ContinueFromHere);
    let later = props.total - props.entry - 1;
    html! {
        <div class="rewind-bar" role="status">
            <span>
                { format!("Showing the state right after entry {} of {}: ", props.entry + 1, props.total) }
                <code>{ &props.summary }</code>
                { " — acting in the browser acts on the present." }
            </span>
            <button class="small" onclick={back}>{ "Back to now" }</button>
            <button class="small" onclick={continue_here} disabled={later == 0}
                title="Make this the present: the later entries are dropped; your code stays">
                { match later { 0 => "Continue from here".to_string(), 1 => "Continue from here (drops 1 entry)".to_string(), n => format!("Continue from here (drops {n} entries)") } }
            </button>
        </div>
    }
}

/// The request the server view shows: the rewound entry's, else the last request.
fn server_session(
    workspace: &Workspace,
    dispatch: &Callback<Action>,
) -> super::components::server_session::ServerSessionProps {
    let shown = workspace.shown();
    let index = match &workspace.rewind() {
        Some(rewind) => Some(rewind.entry()).filter(|index| {
            workspace
                .timeline()
                .get(*index)
                .is_some_and(|entry| entry.exchange.is_some())
        }),
        None => None,
    }
    .or_else(|| {
        shown
            .timeline()
            .iter()
            .rposition(|entry| entry.exchange.is_some())
    });
    let entry = index.and_then(|index| shown.timeline().get(index));
    let exchanges = entry
        .as_ref()
        .and_then(|entry| {
            let outcome = entry.exchange.as_ref()?;
            Some(
                outcome
                    .hops
                    .iter()
                    .enumerate()
                    .map(|(index, hop)| {
                        let what = format!(
                            "{} {} → {}",
                            hop.request.method,
                            hop.url.path_and_query(),
                            hop.response.status
                        );
                        (what, entry.traces.get(index).cloned().flatten())
                    })
                    .collect(),
            )
        })
        .unwrap_or_default();
    super::components::server_session::ServerSessionProps {
        exchanges,
        title: entry.map(|entry| {
            format!(
                "{}: {}",
                entry.profile.clone().unwrap_or_default(),
                entry.summary
            )
        }),
        store: shown.server_store.clone(),
        on_step: index
            .map(|index| dispatch.reform(move |_: MouseEvent| Action::StepThrough(index))),
    }
}

/// Opens a share link pasted into the address bar of this open tab (the `hashchange` event).
fn on_hash_change(dispatch: Callback<Action>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        gloo_events::EventListener::new(&window, "hashchange", move |_| {
            if let Some(payload) = super::storage::take_fragment() {
                dispatch.emit(Action::OpenShared(payload));
            }
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = dispatch;
}

/// Makes the saved work of the state on screen when it is written or exported.
type SavedNow = Callback<(), std::rc::Rc<crate::scenario::saved::SavedWork>>;

/// Writes the saved work waiting in `pending`, if any and if it differs from what was last
/// `written`, and reports how it went.
fn write_pending(
    pending: &std::rc::Rc<std::cell::RefCell<Option<SavedNow>>>,
    written: &std::rc::Rc<
        std::cell::RefCell<Option<std::rc::Rc<crate::scenario::saved::SavedWork>>>,
    >,
    report: &Callback<Result<(), String>>,
) {
    let Some(make) = pending.borrow_mut().take() else {
        return;
    };
    let work = make.emit(());
    if written.borrow().as_ref() == Some(&work) {
        return;
    }
    let outcome = super::storage::save(&work);
    if let Err(why) = &outcome {
        gloo_console_warn(&format!("work not saved: {why}"));
    } else {
        *written.borrow_mut() = Some(work);
    }
    report.emit(outcome);
}

/// Writes what is pending when the page is left (closed, reloaded, navigated away).
fn flush_on_leave(
    pending: std::rc::Rc<std::cell::RefCell<Option<SavedNow>>>,
    written: std::rc::Rc<
        std::cell::RefCell<Option<std::rc::Rc<crate::scenario::saved::SavedWork>>>,
    >,
    report: Callback<Result<(), String>>,
) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        gloo_events::EventListener::new(&window, "pagehide", move |_| {
            write_pending(&pending, &written, &report)
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (pending, written, report);
}

/// What the page says about storage: the saved work is not being kept, or what was found could
/// not be read and where it went.
#[derive(Clone, Debug, PartialEq)]
enum StorageNote {
    /// The last write failed: why, in the learner's words.
    NotSaved(String),
    /// The saved work found at load could not be read.
    Unreadable {
        why: String,
        set_aside: Result<String, String>,
    },
}

#[derive(Properties, PartialEq)]
struct StorageBannerProps {
    note: StorageNote,
    on_dismiss: Callback<MouseEvent>,
}

/// The storage banner: stays until dismissed (or, for a failed write, until a write succeeds).
#[function_component(StorageBanner)]
fn storage_banner(props: &StorageBannerProps) -> Html {
    let (text, download) = match &props.note {
        StorageNote::NotSaved(why) => (
            format!(
                "Your work is not being saved: {why}. It stays on screen while this tab is open; use Saved \u{2192} Export to keep a copy."
            ),
            None,
        ),
        StorageNote::Unreadable {
            why,
            set_aside: Ok(key),
        } => (
            format!(
                "The saved work found here could not be read ({why}). It was set aside, not deleted (browser storage key \u{201c}{key}\u{201d}); you start with a fresh workspace."
            ),
            super::storage::set_aside_text(key),
        ),
        StorageNote::Unreadable {
            why,
            set_aside: Err(problem),
        } => (
            format!(
                "The saved work found here could not be read ({why}), and it could not be set aside ({problem}). Nothing will be saved over it in this tab."
            ),
            None,
        ),
    };
    html! {
        <div data-testid="storage-warning" class="storage-warning" role="alert">
            <span>{ text }</span>
            if let Some(text) = download {
                <a class="small" data-testid="storage-download" download="flask-session-playground-unreadable.json"
                    href={super::components::header::json_data_url(&text)}>{ "Download it" }</a>
            }
            <button class="small" onclick={props.on_dismiss.clone()} aria-label="Dismiss">{ "×" }</button>
        </div>
    }
}

/// A warning in the browser's console (storage problems are not the learner's to fix).
fn gloo_console_warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}
