//! The page's reducer: [`Workspace::apply`] turns a learner's [`Action`] into the next state,
//! the only place state changes. It sits above the parts it dispatches to — the workspace's own
//! transitions (`state`), lessons, links and saved work (`lesson_run`) — so neither of them
//! depends on it or on each other's callers.

use std::rc::Rc;

use yew::Reducible;

use super::history::Step;
use super::state::{Action, Workspace, check_cookie_name};
use crate::browser::NavigationRequest;
use crate::browser::clock::parse_duration;
use crate::scenario;

impl Workspace {
    /// The state after `action`; `self` is left as it was (rewind and replay rely on that).
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        // A notice stays until the learner's next deliberate action: typing and the reloader
        // working in the background do not wipe a message before it is read.
        if !matches!(
            action,
            Action::EditCode(_)
                | Action::EditOpenFile(_)
                | Action::OpenFile(_)
                | Action::ReloadIfUnchanged(_)
                | Action::ReloadIfProjectUnchanged(..)
                | Action::ReloadServer
                | Action::OtherTabSaved(_)
        ) {
            next.clear_notice();
        }
        let active = next.active_profile().to_string();
        // Acting on the browsers while a past state is on screen acts on the present.
        let keeps_rewind = matches!(
            action,
            Action::EditCode(_)
                | Action::EditOpenFile(_)
                | Action::OpenFile(_)
                | Action::AddFile(_)
                | Action::RenameFile { .. }
                | Action::DeleteFile(_)
                | Action::ReloadIfUnchanged(_)
                | Action::ReloadIfProjectUnchanged(..)
                | Action::DismissNotice
                | Action::OtherTabSaved(_)
                | Action::ViewEntry(_)
                | Action::ContinueFromHere
                | Action::StepThrough(_)
                | Action::StepTo(_)
        );
        if !keeps_rewind {
            next.back_to_now();
        }
        // Actions that replay a link or saved work, which may stop on the replay budget.
        let replays = matches!(
            action,
            Action::OpenShared(_)
                | Action::OpenFetchedLesson(..)
                | Action::OpenSaved(_)
                | Action::Restore(_)
        );
        let here = |action: scenario::Action| Step {
            action,
            browser: Some(active.clone()),
            explain: None,
        };
        match action {
            Action::EditCode(code) => next.edit_code(code),
            Action::EditOpenFile(text) => next.edit_open_file(text),
            Action::OpenFile(name) => next.open_tab(&name),
            Action::AddFile(path) => next.add_file(path.trim()),
            Action::RenameFile { from, to } => next.rename_file(&from, to.trim()),
            Action::DeleteFile(path) => {
                if next.editor().files().get(&path).is_some() {
                    next.write_files(&[(path.clone(), None)]);
                    next.say(format!("{path} was deleted (the app restarts without it)."));
                }
            }
            Action::ReloadIfProjectUnchanged(code, files) => {
                if code == next.code() && &files == next.editor().files() && next.edited() {
                    next.reload_server();
                }
            }
            Action::ReloadServer => next.reload_server(),
            Action::StoppedByYou(what, millis) => next.stopped_by_you(&what, millis),
            Action::ReloadIfUnchanged(code) => {
                if code == next.code() && next.served_code != next.code() {
                    next.reload_server();
                }
            }
            Action::SelectProfile(name) => next.select_profile(&name),
            Action::CloseBrowser => next.step(here(scenario::Action::CloseBrowser)),
            Action::OpenBrowser => next.step(here(scenario::Action::OpenBrowser)),
            Action::SetContinueWhereLeftOff(keep) => {
                next.step(here(scenario::Action::ContinueWhereLeftOff(keep)))
            }
            Action::AdvanceClock(text) => match parse_duration(&text) {
                // The clock is global; the step still names the profile on screen, so a replay
                // ends with the same browser in front.
                Ok(seconds) => next.step(here(scenario::Action::AdvanceClock(seconds))),
                Err(error) => next.say(format!("The clock did not move: {error}.")),
            },
            Action::AdvanceClockSeconds(seconds) => {
                next.step(here(scenario::Action::AdvanceClock(seconds)))
            }
            Action::EditCookie { key, value } => {
                if &*key.path == "/" {
                    next.step(here(scenario::Action::SetCookie {
                        name: key.name.to_string(),
                        value,
                    }));
                } else {
                    // Steps (and so links and rewind) name a cookie by name at Path=/, as the
                    // scenario format does.
                    next.say(format!(
                        "Only cookies with Path=/ can be edited here; {key} has Path={}.",
                        key.path
                    ));
                }
            }
            Action::AddCookie { name, value } => match check_cookie_name(&name) {
                Err(problem) => next.say(format!("The cookie was not added: {problem}.")),
                Ok(()) => next.step(here(scenario::Action::SetCookie { name, value })),
            },
            Action::DeleteCookie(key) => {
                next.step(here(scenario::Action::DeleteCookie(key.name.to_string())))
            }
            Action::CopyCookie { key, to } => next.step(here(scenario::Action::CopyCookie {
                name: key.name.to_string(),
                to,
            })),
            // The session is signed as Flask writes it (compact, sorted keys); a payload that is
            // not a JSON object is refused with the reason, and nothing changes.
            Action::ForgeSession { secret, data } => {
                match crate::flask::forge::session_json(&data) {
                    Ok(data) => next.step(here(scenario::Action::ForgeSession { secret, data })),
                    Err(why) => next.say(format!("The session was not signed: {why}.")),
                }
            }
            Action::SetSessionMode(mode) => next.step(here(scenario::Action::SetSessionMode(mode))),
            Action::DismissNotice => {}
            Action::Navigate(address) => {
                let address = address.trim();
                if !address.is_empty() {
                    next.request(NavigationRequest::get(address), false);
                }
            }
            Action::Send(request) => next.request(request, true),
            Action::Resend => {
                // The last request sent (one stopped by the learner sent nothing).
                let last = next
                    .requests()
                    .filter(|entry| entry.profile.as_deref() == Some(active.as_str()))
                    .filter_map(|entry| entry.request.clone())
                    .next_back();
                match last {
                    Some(request) => next.request(request, false),
                    None => next.say(format!("{active} has not sent a request yet.")),
                }
            }
            Action::OpenPrivateWindow => next.step(here(scenario::Action::OpenPrivateWindow)),
            Action::Back => next.step(here(scenario::Action::Back)),
            Action::Forward => next.step(here(scenario::Action::Forward)),
            Action::Reload => next.step(here(scenario::Action::Reload)),
            Action::ViewEntry(index) => next.view_entry(index),
            Action::BackToNow => {}
            Action::StepThrough(index) => next.step_through(index),
            Action::StepTo(at) => next.step_to(at),
            Action::OpenLesson(id) => next.open_lesson(&id),
            Action::CloseLesson => next.close_lesson(),
            Action::LessonNextStep => next.next_lesson_step(),
            Action::ShowSolution => next.show_solution(),
            Action::PlaySolution => next.play_solution(),
            Action::AnswerQuiz(option) => next.answer_quiz(option),
            Action::Predict { id, choice } => next.predict(&id, choice),
            Action::TryQuizOption(option) => next.try_quiz_option(option),
            Action::ResetLesson => next.reset_lesson(),
            Action::Share => next.share(),
            Action::HandIn(name, at) => next.hand_in(&name, at),
            Action::OpenFetchedLesson(shared, text) => next.open_fetched_lesson(*shared, text),
            Action::Notice(text) => next.say(text),
            Action::OpenShared(payload) => {
                next.open_shared(&payload);
                // At load a link is opened before any server started (its replay is the page's
                // first start): a link that could not be opened leaves the editor's code to start.
                if next.never_started() {
                    next.reload_server();
                }
            }
            Action::OpenSaved(name) => next.open_saved(&name),
            Action::Restore(saved) => next = Workspace::restored(*saved),
            Action::ImportSaved(text) => next.import_saved(&text),
            Action::RestoreWithoutRunning(saved) => {
                let (fresh, kept) = Workspace::restored_without_running(*saved);
                next = fresh;
                next.reload_server();
                next.say(match kept {
                    Some(name) => format!(
                        "The playground did not finish loading last time, so your work was not run now. It is in the Saved menu as \u{201c}{name}\u{201d}: open it when you want to run it."
                    ),
                    None => "The playground did not finish loading last time; it starts fresh."
                        .to_string(),
                });
            }
            Action::OtherTabSaved(saved) => next.merge_other_tab(*saved),
            Action::StartAfresh => next.start_afresh(),
            Action::ContinueFromHere => next.continue_from_here(),
        }
        next.check_goals();
        if let (true, Some(cut)) = (replays, next.replay_cut()) {
            // Said first: the learner must know the state on screen is not the whole link.
            let cut = cut.notice();
            next.say_first(cut);
        }
        next
    }

    /// The workspace as the page opens: the seed app, already running.
    pub fn started() -> Workspace {
        Workspace::default().apply(Action::ReloadServer)
    }

    /// Runs the paths a click takes — a request with its session, the timeline, a rewind — once
    /// on a throwaway workspace, and returns how many entries it made (2). The page calls it
    /// right after it has loaded: the browser compiles WebAssembly functions when they are first
    /// called, which made the learner's first requests take 15–40 ms instead of ~5 (measured
    /// in Chromium); done here, that happens before the learner clicks. Nothing on screen changes.
    pub fn warm_up() -> usize {
        let workspace = Workspace::started()
            .apply(Action::Navigate("/count".into()))
            .apply(Action::Navigate("/count".into()))
            .apply(Action::ViewEntry(0))
            .apply(Action::BackToNow);
        workspace.timeline().len()
    }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
