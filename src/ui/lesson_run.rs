//! Lessons, share links and saved work in the workspace: the reducer's side of issue 7.
//!
//! - A lesson in progress is a [`LessonRun`]: the lesson, its next scripted step, and the goal
//!   results of the latest check. Goals are checked on the state after every action
//!   ([`Workspace::check_goals`]), so a learner may reach them their own way; progress (goals
//!   met, solution shown, quiz answer) lives in the saved work, which outlives the page.
//! - A share link is the workspace's start and steps ([`Workspace::shared_state`]), with the
//!   learner's quiz answer and the point where the solution was shown; opening one replays it
//!   ([`Workspace::open_shared`]) and checks the goals after every replayed action, as when the
//!   learner played, so a goal that needs an earlier one (`after`) is met again exactly as the
//!   sender met it. The progress a link shows is recomputed from its steps, never read from it.
//! - Predict, then see: a prediction the learner makes is kept in the progress with the number
//!   of actions played so far; the first later action that is its scripted step answers it
//!   (checked with the goals after every action), and a share link carries the prediction at
//!   the same point, so its replay sees the same outcome ([`Workspace::predict`]).
//! - "Hand in" is a share link naming the learner, with the completion code its replay earns
//!   ([`Workspace::hand_in`]; `scenario::handin`, checked by `ui::hand_in`).
//! - Saved work ([`SavedWork`]) is plain data in the workspace; the page writes it to
//!   localStorage after each change. Nothing here touches storage, so every rule (never
//!   overwrite work silently) is tested natively.

use std::rc::Rc;

use super::history::{Start, Step};
use super::replay_budget::{ReplayCut, WorkMeter};
use super::state::Workspace;
pub use super::state::{HandIn, LessonRun};
use crate::scenario;
use crate::scenario::builtin::builtin_lesson;
use crate::scenario::goal::{GoalResult, check};
use crate::scenario::handin::{CompletionCode, clean_name, completion_code};
use crate::scenario::lesson::Lesson;
use crate::scenario::link_lesson::{lesson_of, read_lesson_file};
use crate::scenario::predict::{self, PredictionRecord, answered_by_last};
use crate::scenario::saved::{LessonProgress, MAX_KEPT_WORK, SavedWork};
use crate::scenario::share::{SharedState, decode, encode};
use crate::scenario::state::{ErrorSummary, LessonState, PageState, ProfileState};

/// The name under which work is kept when something else is opened over it.
pub const KEPT_WORK_NAME: &str = "Work kept before opening";

/// The name the safe start keeps the work under that it did not run.
pub const NOT_RUN_NAME: &str = "Work not run (the page did not finish loading)";

/// The name "Start afresh" keeps the previous work under.
pub const AFRESH_NAME: &str = "Work before starting afresh";

/// The start of a lesson: its code and settings.
pub fn lesson_start(lesson: &Lesson) -> Start {
    Start {
        code: lesson.code.clone(),
        files: crate::flask::project::ProjectFiles::new(lesson.files.clone()),
        settings: lesson.settings.clone(),
        lesson: Some(lesson.id.clone()),
    }
}

/// The start a shared state is measured against: its lesson's (built in, or carried by the
/// link), or the playground's own.
fn own_start(shared: &SharedState) -> Result<Start, String> {
    Ok(lesson_of(shared)?.map_or_else(Start::default, |(lesson, _)| lesson_start(&lesson)))
}

impl Workspace {
    /// The built-in lessons: (id, title), in the order the page lists them.
    pub fn lesson_list() -> Vec<(String, String)> {
        crate::scenario::builtin::catalogue()
            .map(|entry| (entry.id.to_owned(), entry.title.to_owned()))
            .collect()
    }

    /// What goals are checked on: the code, the jars and pages, the session each profile's last
    /// request carried as the server read it, the log.
    pub fn lesson_state(&self) -> LessonState {
        let now = self.browser.clock.now();
        let profiles = self
            .browser
            .profiles()
            .iter()
            .map(|profile| {
                let has_page = self.pages().iter().any(|page| page.profile == profile.name);
                let last = self
                    .requests()
                    .rfind(|entry| entry.profile.as_deref() == Some(profile.name.as_str()))
                    .filter(|_| has_page);
                let last_page = last.as_ref().and_then(|entry| {
                    let outcome = entry.exchange.as_ref()?;
                    let error = entry.error.as_ref().map(ErrorSummary::of);
                    let mut page = PageState::from_outcome(outcome, error);
                    // Issue 20: a page of another site started it (a link, form or image).
                    if let Some(crate::browser::SiteContext::CrossSite { from, .. }) =
                        entry.request.as_ref().map(|request| &request.site)
                    {
                        page.started_by = Some(from.clone());
                    }
                    Some(page)
                });
                // The session as the app read it when the request was made.
                let session_seen = last.as_ref().and_then(|entry| entry.seen.clone());
                let mut received_cookies: Vec<String> = Vec::new();
                for entry in self
                    .requests()
                    .filter(|entry| entry.profile.as_deref() == Some(profile.name.as_str()))
                {
                    for hop in entry
                        .exchange
                        .iter()
                        .flat_map(|outcome| outcome.hops.iter())
                    {
                        for (name, value) in &hop.response.headers {
                            let cookie = crate::scenario::state::set_cookie_name(value).to_string();
                            if name.eq_ignore_ascii_case("Set-Cookie")
                                && !received_cookies.contains(&cookie)
                            {
                                received_cookies.push(cookie);
                            }
                        }
                    }
                }
                // Deletions that took effect are steps in the log, like every action.
                let mut deleted_cookies: Vec<String> = Vec::new();
                for step in self.log().iter() {
                    if let scenario::Action::DeleteCookie(name) = &step.action
                        && step.browser.as_deref() == Some(profile.name.as_str())
                        && !deleted_cookies.contains(name)
                    {
                        deleted_cookies.push(name.clone());
                    }
                }
                ProfileState {
                    last_page,
                    session_seen,
                    received_cookies,
                    deleted_cookies,
                    ..ProfileState::from_profile(profile, now)
                }
            })
            .collect();
        LessonState {
            code: self.code().to_string(),
            clock: now,
            session_mode: self.session_mode,
            startup_error: self.startup_error.as_ref().map(ErrorSummary::of),
            profiles,
            server_log: self.server_log().to_string(),
            lesson_code: self.start_point().code.clone(),
            start_clock: self.start_point().settings.clock,
        }
    }

    /// Checks the open lesson's goals on the present state and records the newly met ones.
    pub(crate) fn check_goals(&mut self) {
        let Some(run) = self.lesson() else { return };
        let lesson = run.lesson().clone();
        let state = self.lesson_state();
        let results: Vec<GoalResult> = lesson
            .goals
            .iter()
            .map(|goal| check(goal, &state))
            .collect();
        self.update_progress(|progress| {
            progress.record(&lesson.goals, &results);
        });
        if let Some(run) = self.lesson_mut() {
            run.set_results(results);
        }
        self.see_predictions(&lesson, &state);
    }

    /// Records what was seen for each waiting prediction the last action answered (the first
    /// action since it was made that is its scripted step; see `scenario::predict`).
    fn see_predictions(&mut self, lesson: &Lesson, state: &LessonState) {
        let Some(records) = self
            .lesson_progress()
            .map(|progress| progress.predictions.clone())
        else {
            return;
        };
        let first = lesson
            .settings
            .profiles
            .first()
            .cloned()
            .unwrap_or_default();
        for record in records.iter().filter(|record| record.seen.is_none()) {
            let Some(prediction) = lesson.predictions.iter().find(|p| p.id == record.id) else {
                continue;
            };
            let Some(scripted) = lesson.steps.get(prediction.step) else {
                continue;
            };
            if answered_by_last(scripted, &self.log().slice(), record.made_at, &first) {
                let seen = predict::seen(prediction, state);
                self.update_progress(|progress| {
                    if let Some(kept) = progress
                        .predictions
                        .iter_mut()
                        .find(|kept| kept.id == record.id && kept.seen.is_none())
                    {
                        kept.seen = Some(seen.clone());
                    }
                });
            }
        }
    }

    /// Records the learner's prediction: option `choice` of prediction `id`, made now (only a
    /// later action answers it). A prediction whose step has already been seen stays as it was
    /// (changing it afterwards would be hindsight); one still waiting may be changed.
    pub(crate) fn predict(&mut self, id: &str, choice: usize) {
        let Some(run) = self.lesson() else { return };
        let valid = run
            .lesson()
            .predictions
            .iter()
            .any(|prediction| prediction.id == id && choice < prediction.options.len());
        let seen = self.lesson_progress().is_some_and(|progress| {
            progress
                .predictions
                .iter()
                .any(|record| record.id == id && record.seen.is_some())
        });
        if !valid || seen {
            return;
        }
        let record = PredictionRecord {
            id: id.to_string(),
            choice,
            made_at: self.log().len(),
            seen: None,
        };
        self.update_progress(|progress| progress.predict(record.clone()));
    }

    /// The lesson starts again (opened, reset, its solution played): predictions still waiting
    /// are answered by the next time their step is played.
    fn predictions_wait_from_start(&mut self) {
        self.update_progress(|progress| {
            for record in &mut progress.predictions {
                if record.seen.is_none() {
                    record.made_at = 0;
                }
            }
        });
    }

    /// Changes the open lesson's progress: the learner's record in the saved work, and the run's
    /// own if it was opened from a link.
    fn update_progress(&mut self, change: impl Fn(&mut LessonProgress)) {
        let Some(run) = self.lesson_mut() else { return };
        if let Some(progress) = run.link_progress_mut() {
            change(progress);
        }
        let key = run.progress_key();
        change(self.saved_mut().progress.entry(key).or_default());
    }

    /// The open lesson's progress (goals met, solution shown, quiz answer): the link's, for a
    /// run opened from a link, else the learner's record.
    pub fn lesson_progress(&self) -> Option<&LessonProgress> {
        let run = self.lesson()?;
        run.link_progress()
            .or_else(|| self.saved().progress.get(&run.progress_key()))
    }

    /// Opens built-in lesson `id` at its start; the work on screen is kept as a named saved
    /// workspace if it holds anything.
    pub(crate) fn open_lesson(&mut self, id: &str) {
        let lesson = match builtin_lesson(id) {
            Some(Ok(lesson)) => lesson,
            Some(Err(error)) => {
                self.say(format!("The lesson {id:?} cannot be read: {error}."));
                return;
            }
            None => {
                self.say(format!("There is no lesson called {id:?}."));
                return;
            }
        };
        let start = lesson_start(&lesson);
        let incoming = start.share(&start, &[]);
        self.replace_with(Workspace::replay(&start, &[]), incoming);
        self.set_lesson(Some(LessonRun::new(Rc::new(lesson), 0)));
        self.predictions_wait_from_start();
        self.check_goals();
    }

    /// Leaves the lesson: the work stays as it is, without the lesson's panel.
    pub(crate) fn close_lesson(&mut self) {
        self.set_lesson(None);
        self.forget_start_lesson();
    }

    /// Plays the lesson's next scripted step.
    pub(crate) fn next_lesson_step(&mut self) {
        let Some(step) = self.lesson_mut().and_then(LessonRun::advance) else {
            return;
        };
        self.lesson_step(step);
    }

    /// Plays one step of a lesson file in the workspace (an `edit_code` step also puts the
    /// code into the editor).
    pub(crate) fn lesson_step(&mut self, step: Step) {
        if let scenario::Action::EditCode(code) = &step.action {
            self.edit_code(code.clone());
            self.reload_if_edited();
            return;
        }
        if let scenario::Action::EditFiles(changes) = &step.action {
            let changes: Vec<_> = changes.clone().into_iter().collect();
            self.write_files(&changes);
            self.reload_if_edited();
            return;
        }
        let first = self.browser.profiles()[0].name.clone();
        let browser = step.browser.clone().unwrap_or(first);
        // "Coming back" to a site in a closed browser opens it first, as the lesson runner
        // (and a real browser started from a link) does.
        let closed = self
            .browser
            .profile(&browser)
            .is_some_and(|profile| !profile.open);
        if closed
            && matches!(
                step.action,
                scenario::Action::Request(_)
                    | scenario::Action::Back
                    | scenario::Action::Forward
                    | scenario::Action::Reload
            )
        {
            self.step(Step {
                action: scenario::Action::OpenBrowser,
                browser: Some(browser.clone()),
                explain: None,
            });
        }
        self.step(Step {
            browser: Some(browser),
            ..step
        });
    }

    fn reload_if_edited(&mut self) {
        if self.edited() {
            self.reload_server();
        }
    }

    /// "Show solution": recorded as shown (not as solved); the page then lists its steps.
    pub(crate) fn show_solution(&mut self) {
        let Some(run) = self.lesson() else { return };
        let lesson = run.lesson().clone();
        self.update_progress(|progress| progress.show_solution(&lesson.goals));
    }

    /// "Play the solution": the lesson from its start with the solution's steps; the learner's
    /// work in it is kept as a named saved workspace first.
    pub(crate) fn play_solution(&mut self) {
        let Some(run) = self.lesson().cloned() else {
            return;
        };
        self.show_solution();
        let start = lesson_start(run.lesson());
        let mut replayed = Workspace::replay(&start, &[]);
        // Progress carries on; goals are checked after every step, as when the learner plays.
        replayed.set_saved(self.saved().clone());
        replayed.set_lesson(Some(run.played_through()));
        replayed.predictions_wait_from_start();
        replayed.check_goals();
        for step in run.lesson().solution.clone() {
            replayed.lesson_step(step);
            replayed.check_goals();
        }
        let incoming = replayed.shared_state();
        let progress = replayed.saved().progress.clone();
        let lesson = replayed.take_lesson();
        self.replace_with(replayed, incoming);
        self.saved_mut().progress = progress;
        self.set_lesson(lesson);
    }

    /// Records the learner's quiz answer.
    pub(crate) fn answer_quiz(&mut self, option: usize) {
        let Some(run) = self.lesson() else { return };
        let options = run
            .lesson()
            .quiz
            .as_ref()
            .map_or(0, |quiz| quiz.options.len());
        if option < options {
            self.update_progress(|progress| progress.quiz_answer = Some(option));
        }
    }

    /// Puts a quiz option's code into the editor (the learner runs it with a request).
    pub(crate) fn try_quiz_option(&mut self, option: usize) {
        let code = self
            .lesson()
            .and_then(|run| run.lesson().quiz.as_ref()?.option_code(option));
        match code {
            Some(code) => {
                self.edit_code(code);
            }
            None => self.say("That option is not code to run."),
        }
    }

    /// Back to the lesson's start (the page has asked the learner first); its progress stays.
    pub(crate) fn reset_lesson(&mut self) {
        let Some(run) = self.lesson().cloned() else {
            return;
        };
        let start = lesson_start(run.lesson());
        let saved = self.saved().clone();
        *self = Workspace::replay(&start, &[]);
        self.set_saved(saved);
        self.set_lesson(Some(run.again()));
        self.predictions_wait_from_start();
        self.check_goals();
    }

    /// The workspace as a share link carries it (its start and steps; the editor's code as a
    /// last `edit_code` step if it was edited since the server last started; in a lesson, the
    /// quiz answer and when the solution was shown).
    pub fn shared_state(&self) -> SharedState {
        let link = self
            .lesson()
            .and_then(|run| run.from_link().cloned())
            .filter(|link| self.start_point().lesson.as_ref() == Some(&link.lesson.id));
        let own = match &link {
            Some(link) => lesson_start(&link.lesson),
            None => own_start(&SharedState {
                lesson: self.start_point().lesson.clone(),
                ..SharedState::default()
            })
            .unwrap_or_default(),
        };
        let mut steps = self.log().to_vec();
        if self.edited()
            && !(steps.is_empty()
                && self.code() == self.start_point().code
                && *self.editor().files() == self.start_point().files)
        {
            let changes = self.files().changes_to(self.editor().files());
            if !changes.is_empty() {
                steps.push(Step::new(scenario::Action::EditFiles(changes)));
            }
            steps.push(Step::new(scenario::Action::EditCode(
                self.code().to_string(),
            )));
        }
        let mut shared = self.start_point().share(&own, &steps);
        if let Some(link) = link {
            shared.lesson_file = Some(link.file.clone());
            shared.lesson_url = link.url.clone();
        }
        if let Some(progress) = self.lesson_progress() {
            shared.quiz_answer = progress.quiz_answer;
            shared.predictions = progress
                .predictions
                .iter()
                .map(|record| {
                    (
                        record.id.clone(),
                        record.choice,
                        record.made_at.min(steps.len()),
                    )
                })
                .collect();
            // Shown after every goal was met: at the end, so the replay finds them all met;
            // otherwise at the start (the learner saw it before finishing).
            shared.solution_shown_at = progress.solution_shown.then_some({
                if progress.solved_before_solution {
                    steps.len()
                } else {
                    0
                }
            });
        }
        shared
    }

    /// The link payload of [`Workspace::shared_state`] (what goes after `#`).
    pub fn share_payload(&self) -> String {
        encode(&self.shared_state())
    }

    /// Opens a share link payload: the state it describes replaces the one on screen, which is
    /// kept as a named saved workspace if it holds anything. A link that cannot be opened leaves
    /// everything as it was and says why in the notice.
    pub(crate) fn open_shared(&mut self, payload: &str) {
        let shared = match decode(payload) {
            Ok(shared) => shared,
            Err(error) => {
                self.say(error.to_string());
                return;
            }
        };
        self.open_shared_state(shared);
    }

    /// Opens a link whose lesson file the page fetched from the link's `lesson_url` (`text`, or
    /// why it could not be fetched).
    pub(crate) fn open_fetched_lesson(
        &mut self,
        mut shared: SharedState,
        text: Result<String, String>,
    ) {
        let url = shared.lesson_url.clone().unwrap_or_default();
        let kept = "Your current work has not been changed.";
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                self.say(format!(
                    "The lesson at {url} could not be loaded: {why}. {kept}"
                ));
                return;
            }
        };
        match read_lesson_file(&text, Some(&url)) {
            Ok(link) => {
                shared.lesson.get_or_insert_with(|| link.lesson.id.clone());
                shared.lesson_file = Some(link.file);
                self.open_shared_state(shared);
            }
            Err(why) => self.say(format!(
                "The lesson at {url} cannot be opened: {why}. {kept}"
            )),
        }
    }

    /// Opens a decoded shared state (see [`Workspace::open_shared`]).
    fn open_shared_state(&mut self, shared: SharedState) {
        let own = match own_start(&shared) {
            Ok(own) => own,
            Err(why) => {
                self.say(format!(
                    "This share link cannot be opened: {why}. Your current work has not been changed."
                ));
                return;
            }
        };
        let start = Start::from_shared(&shared, &own);
        let mut replayed = Workspace::replay_shared(&start, &shared);
        // The link's progress, as its replay made it: shown for this run, and joined to the
        // learner's own record (a goal met stays met).
        let link_progress = replayed.lesson().map(|run| {
            (
                run.progress_key(),
                replayed
                    .saved()
                    .progress
                    .get(&run.progress_key())
                    .cloned()
                    .unwrap_or_default(),
            )
        });
        if let (Some(run), Some((_, progress))) = (replayed.lesson_mut(), &link_progress) {
            run.set_link_progress(progress.clone());
        }
        self.replace_with(replayed, shared);
        if let Some((id, progress)) = link_progress {
            self.saved_mut()
                .progress
                .entry(id)
                .or_default()
                .join(&progress);
        }
        self.say_if_silent("Opened the shared state.");
        self.check_goals();
    }

    /// The progress a shared state's replay makes in its lesson, computed as opening it in the
    /// page computes it (the link's claims are never read). Errors say why it has none.
    pub fn replayed_progress(shared: &SharedState) -> Result<(Rc<Lesson>, LessonProgress), String> {
        if lesson_of(shared)?.is_none() {
            return Err("it belongs to no lesson".into());
        }
        let own = own_start(shared)?;
        let start = Start::from_shared(shared, &own);
        let replayed = Workspace::replay_shared(&start, shared);
        let run = replayed
            .lesson()
            .ok_or_else(|| "its lesson could not be opened".to_string())?;
        let progress = replayed
            .saved()
            .progress
            .get(&run.progress_key())
            .cloned()
            .unwrap_or_default();
        Ok((run.lesson().clone(), progress))
    }

    /// "Hand in" in the page: the run keeps the link and code (see [`Workspace::hand_in_link`]).
    pub(crate) fn hand_in(&mut self, name: &str, at: Option<i64>) {
        let made = self.hand_in_link(name, at);
        if let (Some(run), Some((payload, code))) = (self.lesson_mut(), made) {
            run.set_hand_in(HandIn {
                payload,
                code: code.to_string(),
                met: code.met,
                total: code.total,
            });
        }
    }

    /// The hand-in of this workspace: its link, naming the learner, with the completion code its
    /// replay earns (computed by replaying the link, exactly as `verify` will); `None` outside a
    /// lesson. `at` is when (seconds since 1970, from the page's clock: nothing below the page
    /// reads one).
    pub fn hand_in_link(&self, name: &str, at: Option<i64>) -> Option<(String, CompletionCode)> {
        self.lesson()?;
        let mut shared = self.shared_state();
        shared.handed_in_by = clean_name(name);
        shared.handed_in_at = at;
        let (lesson, progress) = Workspace::replayed_progress(&shared).ok()?;
        let code = completion_code(&shared, &lesson, &progress);
        shared.hand_in_code = Some(code.to_string());
        Some((encode(&shared), code))
    }

    /// Reopens the lesson a shared state belongs to, at the first scripted step not played yet.
    fn attach_lesson(&mut self, shared: &SharedState) {
        if let Ok(Some((lesson, link))) = lesson_of(shared) {
            let next_step = played_prefix(&lesson.steps, &shared.actions);
            self.set_lesson(Some(
                LessonRun::new(Rc::new(lesson), next_step).with_link(link.map(Rc::new)),
            ));
        }
    }

    /// Replays a shared state from `start` as the learner played it: its lesson attached first,
    /// the goals checked after the start and after every action (recorded in this workspace's
    /// saved work), "show solution" pressed where it was, the quiz answer given at the end.
    /// `edit_code` steps leave their code in the editor.
    fn replay_shared(start: &Start, shared: &SharedState) -> Workspace {
        let mut workspace = Workspace::replay(start, &[]);
        workspace.attach_lesson(shared);
        workspace.check_goals();
        let mut meter = WorkMeter::new(&workspace.server);
        for (index, step) in shared.actions.iter().enumerate() {
            if meter.exhausted() {
                workspace.cut_replay(ReplayCut {
                    done: index,
                    total: shared.actions.len(),
                    work: meter.spent(),
                });
                break;
            }
            if shared.solution_shown_at == Some(index) {
                workspace.show_solution();
            }
            for (id, choice, _) in shared.predictions.iter().filter(|(_, _, at)| *at == index) {
                workspace.predict(id, *choice);
            }
            if let scenario::Action::EditCode(code) = &step.action {
                workspace.edit_code(code.clone());
                workspace.reload_if_edited();
            } else {
                workspace.step(step.clone());
            }
            meter.count(&workspace.server);
            workspace.check_goals();
        }
        if shared
            .solution_shown_at
            .is_some_and(|at| at >= shared.actions.len())
        {
            workspace.show_solution();
        }
        for (id, choice, _) in shared
            .predictions
            .iter()
            .filter(|(_, _, at)| *at >= shared.actions.len())
        {
            workspace.predict(id, *choice);
        }
        if let Some(option) = shared.quiz_answer {
            workspace.answer_quiz(option);
        }
        workspace.clear_notice();
        workspace
    }

    /// Restores the saved work the page found in localStorage: its current workspace is
    /// replayed (the lesson reopened if it had one).
    pub fn restored(saved: SavedWork) -> Workspace {
        let current = saved.current.clone();
        let mut workspace = Workspace::default().with_saved(Rc::new(saved));
        if let Some(shared) = current
            && let Ok(own) = own_start(&shared)
        {
            let start = Start::from_shared(&shared, &own);
            let mut replayed = Workspace::replay_shared(&start, &shared);
            // The learner's own record, with what the replay met joined to it.
            let progress = replayed.saved().progress.clone();
            replayed.set_saved(workspace.saved().clone());
            for (id, progress) in progress {
                replayed
                    .saved_mut()
                    .progress
                    .entry(id)
                    .or_default()
                    .join(&progress);
            }
            workspace = replayed;
            workspace.check_goals();
        }
        workspace
    }

    /// The saved work the page found, opened without running anything: its current workspace
    /// is set aside as the named workspace [`NOT_RUN_NAME`] and the page starts fresh. This is the
    /// safe start after a load that never finished (the work may be what stopped it); the learner
    /// opens it again from the Saved menu when they choose.
    pub fn restored_without_running(mut saved: SavedWork) -> (Workspace, Option<String>) {
        let name = saved.set_aside_current(NOT_RUN_NAME);
        (Workspace::default().with_saved(Rc::new(saved)), name)
    }

    /// "Start afresh": an empty workspace; the work on screen is kept as a named workspace
    /// (unless there is nothing in it), as opening a link keeps it.
    pub(crate) fn start_afresh(&mut self) {
        let mut saved = self.saved_work();
        let kept = saved.set_aside_current(AFRESH_NAME);
        *self = Workspace::default().with_saved(Rc::new(saved));
        self.reload_server();
        self.say(match kept {
            Some(name) => format!(
                "A fresh start. Your previous work is in the Saved menu as \u{201c}{name}\u{201d}."
            ),
            None => "A fresh start.".to_string(),
        });
    }

    /// Another tab of the playground saved its work: its named workspaces and lesson progress
    /// join this tab's (nothing on screen changes), so this tab's next save does not erase them.
    pub(crate) fn merge_other_tab(&mut self, other: SavedWork) {
        let added = self.saved_mut().merge(other, None);
        if added > 0 {
            self.say(format!(
                "Another tab of the playground saved {added} workspace{}; {} in the Saved menu here too.",
                if added == 1 { "" } else { "s" },
                if added == 1 { "it is" } else { "they are" }
            ));
        }
    }

    /// The saved work to write to storage now: what was saved, with this workspace as current.
    pub fn saved_work(&self) -> SavedWork {
        let mut saved = self.saved().as_ref().clone();
        // A replay cut on its budget is not the work: the saved copy stays whole (see
        // `replay_budget`) until the learner acts here.
        if self.replay_cut().is_none() {
            saved.current = Some(self.shared_state());
        }
        saved
    }

    /// Replaces the state on screen with `next` (described by `incoming`), keeping the work on
    /// screen as a named saved workspace unless it is pristine or already saved.
    fn replace_with(&mut self, next: Workspace, incoming: SharedState) {
        let mut saved = self.saved_work();
        let kept = saved.open(incoming, KEPT_WORK_NAME);
        *self = next.with_saved(Rc::new(saved));
        if let Some(name) = kept.name {
            let mut notice = format!(
                "Your previous work was kept as the saved workspace \u{201c}{name}\u{201d}."
            );
            if !kept.dropped.is_empty() {
                notice.push_str(&format!(
                    " The playground keeps the {MAX_KEPT_WORK} most recent of these; the oldest ({}) made room for it.",
                    kept.dropped.iter().map(|name| format!("\u{201c}{name}\u{201d}")).collect::<Vec<_>>().join(", ")
                ));
            }
            self.say(notice);
        }
    }

    /// Adds an exported file's saved workspaces and lesson progress to this page's (nothing on
    /// screen changes; a file that cannot be read changes nothing and says why).
    pub(crate) fn import_saved(&mut self, text: &str) {
        let imported = match SavedWork::import(text) {
            Ok(imported) => imported,
            Err(error) => {
                self.say(error.to_string());
                return;
            }
        };
        let added = self.saved_mut().merge(imported, Some("Imported workspace"));
        self.say(format!(
            "Imported {added} saved workspace{} and the lesson progress; open them from the Saved menu.",
            if added == 1 { "" } else { "s" }
        ));
    }

    /// Opens the saved workspace called `name` (the work on screen is kept, as above).
    pub(crate) fn open_saved(&mut self, name: &str) {
        let Some(entry) = self
            .saved()
            .saved
            .iter()
            .find(|entry| entry.name == name)
            .cloned()
        else {
            self.say(format!("There is no saved workspace called {name:?}."));
            return;
        };
        match own_start(&entry.workspace) {
            Ok(own) => {
                let start = Start::from_shared(&entry.workspace, &own);
                let replayed = Workspace::replay_shared(&start, &entry.workspace);
                let progress = replayed.saved().progress.clone();
                self.replace_with(replayed, entry.workspace);
                for (id, progress) in progress {
                    self.saved_mut()
                        .progress
                        .entry(id)
                        .or_default()
                        .join(&progress);
                }
                self.check_goals();
            }
            Err(why) => self.say(format!("The saved workspace cannot be opened: {why}.")),
        }
    }
}

/// How many of a lesson's scripted steps `log` begins with (so a restored lesson offers the
/// right "next step"): steps compare by action and profile, not by their explanations.
fn played_prefix(script: &[Step], log: &[Step]) -> usize {
    script
        .iter()
        .zip(log)
        .take_while(|(scripted, done)| {
            scripted.action == done.action
                && (scripted.browser.is_none() || scripted.browser == done.browser)
        })
        .count()
}

/// A step in the learner's words, e.g. `POST /login (username=alice) — in Alice's browser`.
///
/// ```
/// use session_playground::scenario::action::get;
/// use session_playground::ui::lesson_run::describe_step;
/// assert_eq!(describe_step(&get("/count").in_browser("Bob")), "GET /count — in Bob's browser");
/// ```
pub fn describe_step(step: &Step) -> String {
    let what = match &step.action {
        scenario::Action::Request(request) => {
            let mut line = format!("{} {}", request.method, request.target);
            if let Some(form) = request.form.as_ref().filter(|form| !form.is_empty()) {
                let fields: Vec<String> = form
                    .iter()
                    .map(|(name, value)| format!("{name}={value}"))
                    .collect();
                line.push_str(&format!(" ({})", fields.join(", ")));
            }
            line
        }
        scenario::Action::CloseBrowser => "close the browser".into(),
        scenario::Action::OpenBrowser => "open the browser".into(),
        scenario::Action::ContinueWhereLeftOff(true) => {
            "turn on \u{201c}continue where you left off\u{201d}".into()
        }
        scenario::Action::ContinueWhereLeftOff(false) => {
            "turn off \u{201c}continue where you left off\u{201d}".into()
        }
        scenario::Action::AdvanceClock(seconds) => format!(
            "move the clock {} ahead",
            super::state::describe_seconds(*seconds)
        ),
        scenario::Action::SetCookie { name, value } => {
            let short: String = value.chars().take(40).collect();
            let more = if short.len() < value.len() { "…" } else { "" };
            format!("set cookie {name} to {short}{more} in the dev tools")
        }
        scenario::Action::DeleteCookie(name) => format!("delete cookie {name} in the dev tools"),
        scenario::Action::CopyCookie { name, to } => {
            format!("copy cookie {name} into {to}'s browser")
        }
        scenario::Action::ForgeSession { secret, data } => {
            format!("sign the session {data} with the key {secret:?} in the dev tools")
        }
        scenario::Action::EditCode(_) => "change app.py".into(),
        scenario::Action::EditFiles(changes) => {
            let names: Vec<&str> = changes.keys().map(String::as_str).collect();
            format!("change {}", names.join(", "))
        }
        scenario::Action::SetSessionMode(mode) => {
            format!("switch the session to {} mode", mode.as_str())
        }
        scenario::Action::Back => "press Back".into(),
        scenario::Action::Forward => "press Forward".into(),
        scenario::Action::Reload => "press Reload".into(),
        scenario::Action::OpenPrivateWindow => "open a private window".into(),
    };
    match &step.browser {
        Some(browser) => format!("{what} \u{2014} in {browser}'s browser"),
        None => what,
    }
}
