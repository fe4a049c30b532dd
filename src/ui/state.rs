//! The workspace behind the page: what the learner has open, as one value, and the pure
//! transitions between its states. Components dispatch [`Action`]s; [`Workspace::apply`] is the
//! only place state changes, so every behaviour of the page below the DOM is tested here.
//!
//! The virtual browser is the `browser` layer's [`Browser`]; this module adds what only the page
//! needs: which profile is on screen, what each profile's page shows, the timeline of actions and
//! the notice line.
//!
//! One part is not a plain value: the simulated server ([`ServerHandle`]) keeps the app's module
//! state between requests, as a running Flask process does, so a request mutates it in place.
//! Replaying the same actions on a fresh server reproduces it exactly (determinism), which is how
//! rewind and share links rebuild a state.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use yew::Reducible;

use super::history::{Start, Step, StepAction};
use crate::scenario::SessionMode;
use crate::scenario::parse::RequestStep;
use crate::browser::clock::{format_instant, parse_duration};
use crate::browser::{Browser, CookieKey, NavigationOutcome, NavigationRequest, Server};
use crate::flask::session_inspect::{SessionInspection, inspect};
use crate::flask::server::{SessionSettings, StoreItem};
use crate::flask::step_record::Recording;
use crate::flask::trace::SessionTrace;
use crate::flask::{AppError, FlaskServer};
use crate::http;

/// A server the page can run: it answers requests and keeps a log (what the app printed,
/// tracebacks), which the page drains after every request.
pub trait PlaygroundServer: Server {
    /// The log written since the last call.
    fn take_log(&mut self) -> String {
        String::new()
    }

    /// The unhandled exception of the last request, if there was one.
    fn last_error(&self) -> Option<AppError> {
        None
    }

    /// How the app signs and reads its session cookie, for the dev tools' session decoder.
    fn session_settings(&mut self) -> Option<SessionSettings> {
        None
    }

    /// The session as the last request saw it, before and after (the server view).
    fn session_trace(&self) -> Option<SessionTrace> {
        None
    }

    /// The server-side session store at `now`, when the app keeps one (Flask-Session).
    fn server_store(&mut self, _now: i64) -> Option<Vec<StoreItem>> {
        None
    }

    /// Records the requests that follow line by line (the step-through), if the server can.
    fn start_recording(&mut self) {}

    /// Stops recording and returns the lines recorded.
    fn stop_recording(&mut self) -> Option<Recording> {
        None
    }
}

/// A server that keeps the session trace of every exchange it answers (one per redirect hop).
struct Tracing<'a> {
    inner: &'a mut dyn PlaygroundServer,
    traces: Vec<Option<SessionTrace>>,
}

impl Server for Tracing<'_> {
    fn handle(&mut self, request: &http::Request, now: i64) -> http::Response {
        let response = self.inner.handle(request, now);
        self.traces.push(self.inner.session_trace());
        response
    }
}


impl<F: FnMut(&http::Request, i64) -> http::Response> PlaygroundServer for F {}

impl PlaygroundServer for FlaskServer {
    fn take_log(&mut self) -> String {
        std::mem::take(&mut self.log)
    }

    fn last_error(&self) -> Option<AppError> {
        self.last_error.clone()
    }

    fn session_settings(&mut self) -> Option<SessionSettings> {
        Some(FlaskServer::session_settings(self))
    }

    fn session_trace(&self) -> Option<SessionTrace> {
        self.last_session_trace().cloned()
    }

    fn start_recording(&mut self) {
        FlaskServer::start_recording(self);
    }

    fn stop_recording(&mut self) -> Option<Recording> {
        FlaskServer::stop_recording(self)
    }

    fn server_store(&mut self, now: i64) -> Option<Vec<StoreItem>> {
        match self.session_mode() {
            crate::flask::server::SessionMode::ServerSide { .. } => Some(FlaskServer::server_store(self, now)),
            _ => None,
        }
    }
}

/// The simulated server the browsers talk to, shared by successive workspace states.
#[derive(Clone, Default)]
pub struct ServerHandle(Option<Rc<RefCell<Box<dyn PlaygroundServer>>>>);

impl ServerHandle {
    /// A handle to `server`.
    pub fn new(server: impl PlaygroundServer + 'static) -> Self {
        ServerHandle(Some(Rc::new(RefCell::new(Box::new(server)))))
    }

    /// Records the requests that follow line by line (nothing without a running server).
    pub fn start_recording(&self) {
        if let Some(server) = &self.0 {
            server.borrow_mut().start_recording();
        }
    }

    /// Stops recording and returns the lines recorded.
    pub fn stop_recording(&self) -> Option<Recording> {
        self.0.as_ref()?.borrow_mut().stop_recording()
    }
}

impl PartialEq for ServerHandle {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(left), Some(right)) => Rc::ptr_eq(left, right),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Eq for ServerHandle {}

impl fmt::Debug for ServerHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() { "ServerHandle(running)" } else { "ServerHandle(none)" })
    }
}

/// What the `server-status` element says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerStatus {
    /// The server runs the code in the editor.
    Running,
    /// The code was edited; the server restarts after a short pause (or at the next request).
    Reloading,
    /// The code failed to start (syntax error, exception at import time, no app).
    Error,
}

impl ServerStatus {
    /// The exact text of the `server-status` element.
    pub fn as_str(self) -> &'static str {
        match self {
            ServerStatus::Running => "running",
            ServerStatus::Reloading => "reloading",
            ServerStatus::Error => "error",
        }
    }
}

/// What a profile's page shows: the final response of its last navigation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageView {
    /// The profile it belongs to.
    pub profile: String,
    /// The final URL, e.g. `http://localhost/count`.
    pub url: String,
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` (empty when the response had none).
    pub content_type: String,
    /// The body decoded as UTF-8 (invalid bytes become U+FFFD, as the transcript does).
    pub body: String,
    /// Why the browser stopped at a redirect it did not follow, if it did.
    pub stopped: Option<String>,
}

impl PageView {
    fn from_outcome(profile: &str, outcome: &NavigationOutcome) -> PageView {
        let hop = outcome.final_hop();
        PageView {
            profile: profile.to_string(),
            url: hop.url.to_string(),
            status: hop.response.status,
            content_type: http::header(&hop.response.headers, "Content-Type").unwrap_or("").to_string(),
            body: String::from_utf8_lossy(&hop.response.body).into_owned(),
            stopped: outcome.stop.as_ref().map(ToString::to_string),
        }
    }
}

/// The profiles the page starts with (the first is active at load).
pub const STARTING_PROFILES: [&str; 2] = ["Alice", "Bob"];

/// Everything the page shows, as one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The app's source, as the editor holds it.
    pub code: String,
    /// The virtual browser: the clock and every profile with its jar.
    pub browser: Browser,
    /// The name of the profile the panes show.
    pub active_profile: String,
    /// The server the browsers send requests to.
    pub server: ServerHandle,
    /// The code the server runs (it lags `code` while the learner types).
    pub served_code: String,
    /// Whether the server runs the editor's code, is about to reload, or failed to start.
    pub server_status: ServerStatus,
    /// Why the code failed to start, when it did.
    pub startup_error: Option<AppError>,
    /// The server log: start-ups, what the app printed, tracebacks.
    pub server_log: String,
    /// How the app keeps its session (a lesson setting).
    pub session_mode: SessionMode,
    /// The server-side session store after the last request, when the app keeps one.
    pub server_store: Option<Vec<StoreItem>>,
    /// How the running app signs its session (refreshed at each start and request).
    pub session_settings: Option<SessionSettings>,
    /// The unhandled exception of the last request, while the code is unchanged since.
    pub request_error: Option<AppError>,
    /// Each profile's page (absent before its first request and after its browser closed).
    pub pages: Vec<PageView>,
    /// Every action so far, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// A message for the learner (the `notice` element), e.g. a duration that could not be read.
    pub notice: Option<String>,
    /// Where this workspace started.
    pub start: Start,
    /// Every effective step since the start: replaying them rebuilds this state.
    pub log: Vec<Step>,
    /// A past state on screen (a timeline entry was clicked), while the present stays here.
    pub rewind: Option<Rewind>,
    /// The lesson being followed, if any.
    pub lesson: Option<super::lesson_run::LessonRun>,
    /// Saved workspaces and lesson progress (the page keeps them in localStorage).
    pub saved: Rc<crate::scenario::saved::SavedWork>,
    /// The link payload made by the last "Share" (what follows `#` in the URL).
    pub share_link: Option<String>,
    /// For each timeline entry, the state right after it as it was on screen (without its
    /// timeline and log, which are prefixes of this one's), so a rewind shows it without
    /// replaying; `None` where not kept (see [`KEPT_VIEWS`]).
    pub views: Vec<Option<Rc<Workspace>>>,
}

/// How many of the latest entries keep their state for an instant rewind; older ones are
/// rebuilt by replay. Bounds the memory: a kept state holds its jars, pages and server log.
pub const KEPT_VIEWS: usize = 200;

/// A past state shown instead of the present: the state right after a timeline entry — the view
/// kept when the entry was made, or (for an old entry) rebuilt by replaying the steps up to it.
/// "Continue from here" always replays, so the state continued from has a server of its own.
#[derive(Clone, Debug)]
pub struct Rewind {
    /// The timeline entry (index) whose state is shown.
    pub entry: usize,
    /// That state.
    pub state: Rc<Workspace>,
    /// The entry's request re-run line by line, while the learner steps through it.
    pub step_through: Option<super::step_through::StepThrough>,
}

impl PartialEq for Rewind {
    fn eq(&self, other: &Self) -> bool {
        self.entry == other.entry && Rc::ptr_eq(&self.state, &other.state) && self.step_through == other.step_through
    }
}

impl Eq for Rewind {}

/// One action in the timeline, with what it did in the learner's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The virtual time it happened at (Unix seconds).
    pub at: i64,
    /// The profile it concerned, if any (a clock jump concerns all).
    pub profile: Option<String>,
    /// What kind of action it was.
    pub kind: TimelineKind,
    /// What happened, e.g. "browser closed: 1 session cookie dropped".
    pub summary: String,
    /// For a request: every exchange, with the cookies sent and stored and why.
    pub exchange: Option<Rc<NavigationOutcome>>,
    /// For a request: what the learner asked for (what "send again" repeats).
    pub request: Option<NavigationRequest>,
    /// For a request: the unhandled exception of its final response, if any.
    pub error: Option<AppError>,
    /// For a request: the session as the server saw it in each exchange (redirects included).
    pub traces: Rc<Vec<Option<SessionTrace>>>,
    /// How many steps of the workspace's log lead to the state right after this entry.
    pub steps: usize,
}

/// The kinds of timeline entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineKind {
    /// A request (with the redirects it followed).
    Request,
    /// A browser was closed.
    Close,
    /// A browser was opened again.
    Open,
    /// The virtual clock moved forward.
    ClockJump,
    /// A cookie was edited, added or deleted in the dev tools.
    CookieEdit,
}

/// What a learner can do to the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The editor's text changed.
    EditCode(String),
    /// The profile switcher chose another browser (by name).
    SelectProfile(String),
    /// "Close browser" on the active profile.
    CloseBrowser,
    /// "Open browser" on the active profile.
    OpenBrowser,
    /// The "continue where you left off" setting of the active profile.
    SetContinueWhereLeftOff(bool),
    /// A duration typed into the clock input, e.g. `"31d 1s"`.
    AdvanceClock(String),
    /// A quick clock button, in seconds.
    AdvanceClockSeconds(u64),
    /// Dev tools: a new value for a cookie of the active profile.
    EditCookie {
        /// Which cookie.
        key: CookieKey,
        /// The new raw value.
        value: String,
    },
    /// Dev tools: a new session cookie (Path=/) in the active profile's jar.
    AddCookie {
        /// Its name.
        name: String,
        /// Its raw value.
        value: String,
    },
    /// Dev tools: delete a cookie of the active profile (every cookie of its name).
    DeleteCookie(CookieKey),
    /// Dev tools: sign `data` (a JSON object) as the app's session with a guessed secret key
    /// and store it as the session cookie — a forgery if the key is right.
    ForgeSession {
        /// The secret key tried.
        secret: String,
        /// The session's JSON object text.
        data: String,
    },
    /// How the app keeps its session.
    SetSessionMode(SessionMode),
    /// Dev tools: copy a cookie of the active profile into another profile's jar (what a
    /// session thief does with a stolen cookie).
    CopyCookie {
        /// Which cookie.
        key: CookieKey,
        /// The profile that receives it.
        to: String,
    },
    /// The learner closed the notice.
    DismissNotice,
    /// Enter in the address bar: a GET of a path or URL.
    Navigate(String),
    /// A link clicked or a form submitted inside the page.
    Send(NavigationRequest),
    /// Send the active profile's last request again (Ctrl/Cmd+Enter).
    Resend,
    /// Open a new private window (a fresh jar, discarded when closed) and show it.
    OpenPrivateWindow,
    /// The browser's Back button (requests the previous page again).
    Back,
    /// The browser's Forward button.
    Forward,
    /// The browser's Reload button.
    Reload,
    /// Show the state right after a timeline entry (by index), rebuilt by replay.
    ViewEntry(usize),
    /// Leave the past state and show the present again.
    BackToNow,
    /// Make the past state on screen the present: later entries are dropped (the editor's text
    /// is kept — it is the learner's work).
    ContinueFromHere,
    /// Re-run the request of a timeline entry (by index) line by line, showing the state right
    /// after it as a rewind does.
    StepThrough(usize),
    /// Move the step-through to a recorded line (by index).
    StepTo(usize),
    /// Open a built-in lesson (by id) at its start.
    OpenLesson(String),
    /// Leave the lesson, keeping the work.
    CloseLesson,
    /// "▶ next step": play the lesson's next scripted step.
    LessonNextStep,
    /// "Show solution" (recorded as shown, not solved).
    ShowSolution,
    /// "Play the solution" from the lesson's start (the learner's work is kept aside).
    PlaySolution,
    /// Pick a quiz option.
    AnswerQuiz(usize),
    /// Put a quiz option's code into the editor.
    TryQuizOption(usize),
    /// Back to the lesson's start (asked first by the page).
    ResetLesson,
    /// "Share": make a link for the current state.
    Share,
    /// "Hand in" under the name typed: a link naming the learner and a completion code.
    HandIn(String),
    /// Say something to the learner (e.g. why the address could not be opened).
    Notice(String),
    /// A link's lesson file was fetched (its text, or why not): open the link with it.
    OpenFetchedLesson(Box<crate::scenario::share::SharedState>, Result<String, String>),
    /// Open a share link's payload (the part after `#`).
    OpenShared(String),
    /// Open a saved workspace by name.
    OpenSaved(String),
    /// The page found saved work in storage: rebuild its current workspace.
    Restore(Box<crate::scenario::saved::SavedWork>),
    /// "Import": the text of an exported saved-work file.
    ImportSaved(String),
    /// The page found saved work but the previous load never finished: open it without running
    /// anything (its current workspace is set aside under a name).
    RestoreWithoutRunning(Box<crate::scenario::saved::SavedWork>),
    /// Another tab wrote its saved work: merge its named workspaces and progress into this one's.
    OtherTabSaved(Box<crate::scenario::saved::SavedWork>),
    /// "Start afresh": an empty workspace, the current work kept as a named workspace.
    StartAfresh,
    /// Restart the server on the editor's code now.
    ReloadServer,
    /// The edit pause ended: restart the server if the code is still this text (a later edit
    /// starts its own pause), like `flask run --debug`'s reloader.
    ReloadIfUnchanged(String),
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::at_start(&Start::default())
    }
}

impl Workspace {
    /// A workspace at `start`: the browsers open with empty jars, the server not started yet
    /// (the page starts it after its first paint; replay starts it at once).
    pub fn at_start(start: &Start) -> Workspace {
        let names: Vec<&str> = start.settings.profiles.iter().map(String::as_str).collect();
        let mut browser = Browser::with_profiles(if names.is_empty() { &STARTING_PROFILES } else { &names });
        browser.clock.set(start.settings.clock);
        Workspace {
            code: start.code.clone(),
            active_profile: browser.profiles()[0].name.clone(),
            browser,
            server: ServerHandle::default(),
            served_code: String::new(),
            server_status: ServerStatus::Reloading,
            startup_error: None,
            server_log: String::new(),
            session_settings: None,
            session_mode: start.settings.session_mode,
            server_store: None,
            request_error: None,
            pages: Vec::new(),
            timeline: Vec::new(),
            notice: None,
            start: start.clone(),
            log: Vec::new(),
            rewind: None,
            lesson: None,
            saved: Rc::new(crate::scenario::saved::SavedWork::new()),
            share_link: None,
            views: Vec::new(),
        }
    }

    /// The state `steps` lead to from `start`, rebuilt on a fresh server. Steps that cannot
    /// be carried out (a hand-edited link) are skipped, as the page would refuse them.
    pub fn replay(start: &Start, steps: &[Step]) -> Workspace {
        let mut workspace = Workspace::at_start(start);
        workspace.reload_server();
        for step in steps {
            workspace.step(step.clone());
        }
        workspace.notice = None;
        workspace
    }

    /// The state after `action`; `self` is left as it was (rewind and replay rely on that).
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        // A notice stays until the learner's next deliberate action: typing and the reloader
        // working in the background do not wipe a message before it is read.
        if !matches!(action, Action::EditCode(_) | Action::ReloadIfUnchanged(_) | Action::ReloadServer | Action::OtherTabSaved(_)) {
            next.notice = None;
        }
        let active = next.active_profile.clone();
        // Acting on the browsers while a past state is on screen acts on the present.
        let keeps_rewind = matches!(
            action,
            Action::EditCode(_)
                | Action::ReloadIfUnchanged(_)
                | Action::DismissNotice
                | Action::OtherTabSaved(_)
                | Action::ViewEntry(_)
                | Action::ContinueFromHere
                | Action::StepThrough(_)
                | Action::StepTo(_)
        );
        if !keeps_rewind {
            next.rewind = None;
        }
        let here = |action: StepAction| Step { action, browser: Some(active.clone()), explain: None };
        match action {
            Action::EditCode(code) => {
                if code != next.served_code {
                    next.server_status = ServerStatus::Reloading;
                }
                next.code = code;
            }
            Action::ReloadServer => next.reload_server(),
            Action::ReloadIfUnchanged(code) => {
                if code == next.code && next.served_code != next.code {
                    next.reload_server();
                }
            }
            Action::SelectProfile(name) => {
                // A stale name (e.g. a closed private window) is ignored rather than trusted.
                if next.browser.profile(&name).is_some() {
                    next.active_profile = name;
                }
            }
            Action::CloseBrowser => next.step(here(StepAction::CloseBrowser)),
            Action::OpenBrowser => next.step(here(StepAction::OpenBrowser)),
            Action::SetContinueWhereLeftOff(keep) => next.step(here(StepAction::ContinueWhereLeftOff(keep))),
            Action::AdvanceClock(text) => match parse_duration(&text) {
                // The clock is global; the step still names the profile on screen, so a replay
                // ends with the same browser in front.
                Ok(seconds) => next.step(here(StepAction::AdvanceClock(seconds))),
                Err(error) => next.notice = Some(format!("The clock did not move: {error}.")),
            },
            Action::AdvanceClockSeconds(seconds) => next.step(here(StepAction::AdvanceClock(seconds))),
            Action::EditCookie { key, value } => {
                if &*key.path == "/" {
                    next.step(here(StepAction::SetCookie { name: key.name.to_string(), value }));
                } else {
                    // Steps (and so links and rewind) name a cookie by name at Path=/, as the
                    // scenario format does.
                    next.notice = Some(format!("Only cookies with Path=/ can be edited here; {key} has Path={}.", key.path));
                }
            }
            Action::AddCookie { name, value } => match check_cookie_name(&name) {
                Err(problem) => next.notice = Some(format!("The cookie was not added: {problem}.")),
                Ok(()) => next.step(here(StepAction::SetCookie { name, value })),
            },
            Action::DeleteCookie(key) => next.step(here(StepAction::DeleteCookie(key.name.to_string()))),
            Action::CopyCookie { key, to } => next.step(here(StepAction::CopyCookie { name: key.name.to_string(), to })),
            Action::ForgeSession { secret, data } => next.step(here(StepAction::ForgeSession { secret, data })),
            Action::SetSessionMode(mode) => next.step(here(StepAction::SetSessionMode(mode))),
            Action::DismissNotice => {}
            Action::Navigate(address) => {
                let address = address.trim();
                if !address.is_empty() {
                    next.request(NavigationRequest::get(address));
                }
            }
            Action::Send(request) => next.request(request),
            Action::Resend => {
                let last = next
                    .requests()
                    .filter(|entry| entry.profile.as_deref() == Some(active.as_str()))
                    .last()
                    .and_then(|entry| entry.request.clone());
                match last {
                    Some(request) => next.request(request),
                    None => next.notice = Some(format!("{active} has not sent a request yet.")),
                }
            }
            Action::OpenPrivateWindow => next.step(here(StepAction::OpenPrivateWindow)),
            Action::Back => next.step(here(StepAction::Back)),
            Action::Forward => next.step(here(StepAction::Forward)),
            Action::Reload => next.step(here(StepAction::Reload)),
            Action::ViewEntry(index) => match next.timeline.get(index) {
                Some(_) => {
                    let state = next.state_after(index);
                    next.rewind = Some(Rewind { entry: index, state: Rc::new(state), step_through: None });
                }
                None => next.rewind = None,
            },
            Action::BackToNow => {}
            Action::StepThrough(index) => {
                match super::step_through::StepThrough::record(&next.start, &next.log, &next, index) {
                    Ok((state, step_through)) => {
                        next.rewind = Some(Rewind { entry: index, state: Rc::new(state), step_through: Some(step_through) });
                    }
                    Err(why) => next.notice = Some(why),
                }
            }
            Action::StepTo(at) => {
                if let Some(rewind) = next.rewind.as_mut() {
                    rewind.step_through = rewind.step_through.as_ref().map(|step_through| step_through.at(at));
                }
            }
            Action::OpenLesson(id) => next.open_lesson(&id),
            Action::CloseLesson => next.close_lesson(),
            Action::LessonNextStep => next.next_lesson_step(),
            Action::ShowSolution => next.show_solution(),
            Action::PlaySolution => next.play_solution(),
            Action::AnswerQuiz(option) => next.answer_quiz(option),
            Action::TryQuizOption(option) => next.try_quiz_option(option),
            Action::ResetLesson => next.reset_lesson(),
            Action::Share => next.share_link = Some(next.share_payload()),
            Action::HandIn(name) => next.hand_in(&name),
            Action::OpenFetchedLesson(shared, text) => next.open_fetched_lesson(*shared, text),
            Action::Notice(text) => next.notice = Some(text),
            Action::OpenShared(payload) => next.open_shared(&payload),
            Action::OpenSaved(name) => next.open_saved(&name),
            Action::Restore(saved) => next = Workspace::restored(*saved),
            Action::ImportSaved(text) => next.import_saved(&text),
            Action::RestoreWithoutRunning(saved) => {
                let (fresh, kept) = Workspace::restored_without_running(*saved);
                next = fresh;
                next.reload_server();
                next.notice = Some(match kept {
                    Some(name) => format!(
                        "The playground did not finish loading last time, so your work was not run now. It is in the Saved menu as \u{201c}{name}\u{201d}: open it when you want to run it."
                    ),
                    None => "The playground did not finish loading last time; it starts fresh.".to_string(),
                });
            }
            Action::OtherTabSaved(saved) => next.merge_other_tab(*saved),
            Action::StartAfresh => next.start_afresh(),
            Action::ContinueFromHere => {
                if let Some(rewind) = next.rewind.take() {
                    let code = std::mem::take(&mut next.code);
                    let dropped = next.timeline.len().saturating_sub(rewind.entry + 1);
                    let (lesson, saved) = (next.lesson.take(), next.saved.clone());
                    // A kept view shares the present's server, which has run on since: the
                    // state to continue from is rebuilt with a server of its own.
                    let steps = next.timeline.get(rewind.entry).map_or(0, |entry| entry.steps.min(next.log.len()));
                    let state = Workspace::replay(&next.start, &next.log[..steps]);
                    next = Workspace { lesson, saved, ..state };
                    if code != next.served_code {
                        next.server_status = ServerStatus::Reloading;
                    }
                    next.code = code;
                    next.notice = Some(match dropped {
                        0 => "Continuing from the last entry: nothing was dropped.".to_string(),
                        1 => "Continuing from here: the 1 later entry was dropped.".to_string(),
                        n => format!("Continuing from here: the {n} later entries were dropped."),
                    });
                }
            }
        }
        next.check_goals();
        next
    }

    /// The state the panes show: a past one while rewinding, else the present.
    pub fn shown(&self) -> &Workspace {
        self.rewind.as_ref().map_or(self, |rewind| &rewind.state)
    }

    /// A request from the active browser, as a step: the address is resolved against the page
    /// on screen, so the step names a path on the playground's site (what lesson files and
    /// links hold). An address elsewhere is refused with a reason.
    fn request(&mut self, request: NavigationRequest) {
        let active = self.active_profile.clone();
        let base = self
            .browser
            .profile(&active)
            .and_then(|profile| profile.history.current().cloned())
            .unwrap_or_else(|| crate::browser::url::Url::parse("http://localhost/").expect("a valid URL"));
        let target = match base.resolve(&request.url) {
            Ok(url) if url.host == self.browser.site_host() => url.path_and_query(),
            Ok(url) => {
                self.notice = Some(format!(
                    "The virtual browser only reaches the simulated app at http://localhost, not {}.",
                    url.origin()
                ));
                return;
            }
            Err(error) => {
                self.notice = Some(format!("The browser could not send that request: {error}."));
                return;
            }
        };
        let method = request.method.to_ascii_uppercase();
        let (target, form) = if method == "GET" || method == "HEAD" {
            // A GET form's fields replace the query, as a browser does.
            if request.form.is_empty() {
                (target, None)
            } else {
                let path = target.split('?').next().unwrap_or_default().to_string();
                (format!("{path}?{}", crate::browser::navigation::urlencode(&request.form)), None)
            }
        } else {
            (target, Some(request.form))
        };
        let step = RequestStep { method, target, form, headers: request.headers };
        self.step(Step { action: StepAction::Request(step), browser: Some(active), explain: None });
    }

    /// Applies one step in its profile (which becomes the active one, so the learner sees
    /// where it happened) and, if it changed anything, appends it to the log and stamps the
    /// timeline entries it made.
    pub fn step(&mut self, step: Step) {
        if let Some(name) = &step.browser {
            if self.browser.profile(name).is_some() {
                self.active_profile = name.clone();
            } else {
                self.notice = Some(format!("There is no browser called {name}."));
                return;
            }
        }
        let step = Step { explain: None, ..step };
        let entries_before = self.timeline.len();
        if self.run_step(&step.action) {
            self.log.push(step);
            let steps = self.log.len();
            for entry in &mut self.timeline[entries_before..] {
                entry.steps = steps;
            }
            if self.timeline.len() > entries_before {
                self.keep_views(entries_before);
            }
        }
    }

    /// Records the state on screen now as the view of the entries from `first` on (the ones the
    /// step just made), and lets go of views older than the last [`KEPT_VIEWS`] entries.
    fn keep_views(&mut self, first: usize) {
        let view = Rc::new(self.view_now());
        self.views.resize(first, None);
        self.views.resize(self.timeline.len(), Some(view));
        let len = self.views.len();
        if len > KEPT_VIEWS {
            self.views[len - KEPT_VIEWS - 1] = None;
        }
    }

    /// This state as a timeline entry keeps it: what the panes show, without the history.
    fn view_now(&self) -> Workspace {
        Workspace {
            code: self.code.clone(),
            browser: self.browser.clone(),
            active_profile: self.active_profile.clone(),
            // Not the running server: a view is only looked at, and holding the server would
            // keep every replaced app's interpreter alive for as long as the view is kept.
            server: ServerHandle::default(),
            served_code: self.served_code.clone(),
            server_status: self.server_status,
            startup_error: self.startup_error.clone(),
            server_log: self.server_log.clone(),
            session_mode: self.session_mode,
            server_store: self.server_store.clone(),
            session_settings: self.session_settings.clone(),
            request_error: self.request_error.clone(),
            pages: self.pages.clone(),
            timeline: Vec::new(),
            notice: None,
            start: self.start.clone(),
            log: Vec::new(),
            rewind: None,
            lesson: None,
            saved: self.saved.clone(),
            share_link: None,
            views: Vec::new(),
        }
    }

    /// The state right after timeline entry `index` (which exists): its kept view with the
    /// history up to it, or — for an entry whose view was let go — a replay of the log.
    pub fn state_after(&self, index: usize) -> Workspace {
        let steps = self.timeline[index].steps.min(self.log.len());
        match self.views.get(index).cloned().flatten() {
            Some(view) => {
                let entries = self.timeline.iter().take_while(|entry| entry.steps <= steps).count();
                Workspace {
                    timeline: self.timeline[..entries].to_vec(),
                    log: self.log[..steps].to_vec(),
                    views: self.views[..entries.min(self.views.len())].to_vec(),
                    ..(*view).clone()
                }
            }
            None => Workspace::replay(&self.start, &self.log[..steps]),
        }
    }

    /// Carries out `action` in the active profile; returns whether it took effect (a refused
    /// action explains itself in the notice and is not logged).
    fn run_step(&mut self, action: &StepAction) -> bool {
        let now = self.browser.clock.now();
        let active = self.active_profile.clone();
        match action {
            StepAction::EditCode(code) => {
                self.code = code.clone();
                self.reload_server();
                // reload_server logs its own edit_code step.
                false
            }
            StepAction::SetSessionMode(mode) => {
                let changed = self.session_mode != *mode;
                if changed {
                    // Another session interface is another app: the server restarts with it.
                    self.session_mode = *mode;
                    self.restart_for_mode();
                }
                changed
            }
            StepAction::CloseBrowser => match self.browser.close(&active) {
                Some(report) => {
                    self.pages.retain(|page| page.profile != active);
                    self.record(now, Some(&active), TimelineKind::Close, report.to_string());
                    if report.discarded_private_window {
                        self.active_profile = self.browser.profiles()[0].name.clone();
                    }
                    true
                }
                None => false,
            },
            StepAction::OpenBrowser => {
                let closed = self.browser.profile(&active).is_some_and(|profile| !profile.open);
                if closed && self.browser.reopen(&active) {
                    self.record(now, Some(&active), TimelineKind::Open, "browser opened".to_string());
                }
                closed
            }
            StepAction::ContinueWhereLeftOff(keep) => match self.browser.profile_mut(&active) {
                Some(profile) if profile.continue_where_left_off != *keep => {
                    profile.continue_where_left_off = *keep;
                    true
                }
                _ => false,
            },
            StepAction::AdvanceClock(seconds) => {
                self.advance_clock(*seconds);
                true
            }
            StepAction::SetCookie { name, value } => {
                let host = self.browser.site_host();
                let Some(profile) = self.browser.profile_mut(&active) else { return false };
                let existed = profile.jar.list(now).iter().any(|cookie| cookie.name == *name && cookie.path == "/");
                profile.jar.set_value(&host, name, value, now);
                let verb = if existed { "edited" } else { "added" };
                self.record(now, Some(&active), TimelineKind::CookieEdit, format!("cookie {name} {verb} in the dev tools"));
                true
            }
            StepAction::ForgeSession { secret, data } => {
                let cookie_name = self.session_settings.as_ref().map_or("session".to_string(), |s| s.cookie_name.clone());
                let key = crate::flask::signing::SigningKey::for_session(secret);
                let value = crate::flask::signing::dumps(&key, data, now.max(0) as u64);
                let host = self.browser.site_host();
                let Some(profile) = self.browser.profile_mut(&active) else { return false };
                profile.jar.set_value(&host, &cookie_name, &value, now);
                let summary = format!("session cookie signed in the dev tools with the key {secret:?}");
                self.record(now, Some(&active), TimelineKind::CookieEdit, summary);
                true
            }
            StepAction::DeleteCookie(name) => {
                let deleted = self.browser.profile_mut(&active).map_or(0, |profile| profile.jar.delete_named(name));
                if deleted > 0 {
                    self.record(now, Some(&active), TimelineKind::CookieEdit, format!("cookie {name} deleted in the dev tools"));
                }
                deleted > 0
            }
            StepAction::CopyCookie { name, to } => {
                let key = self
                    .browser
                    .profile(&active)
                    .and_then(|profile| profile.jar.list(now).into_iter().find(|cookie| cookie.name == *name).map(|cookie| cookie.key()));
                let copied = *to != active && key.is_some_and(|key| self.browser.copy_cookie(&active, &key, to));
                if copied {
                    let summary = format!("cookie {name} copied into {to}'s browser");
                    self.record(now, Some(&active), TimelineKind::CookieEdit, summary);
                }
                copied
            }
            StepAction::Request(request) => self.send(Traversal::New(crate::scenario::action::navigation_request(request))),
            StepAction::Back => self.send(Traversal::Back),
            StepAction::Forward => self.send(Traversal::Forward),
            StepAction::Reload => self.send(Traversal::Reload),
            StepAction::OpenPrivateWindow => {
                self.active_profile = self.browser.open_private_window();
                true
            }
        }
    }

    /// The page the active profile shows, if any.
    pub fn active_page(&self) -> Option<&PageView> {
        self.pages.iter().find(|page| page.profile == self.active_profile)
    }

    /// The errors the editor marks: the startup error, or the last request's unhandled one, on
    /// the deepest line of `app.py` in its traceback.
    pub fn editor_marks(&self) -> Vec<EditorMark> {
        let (error, severity) = match (&self.startup_error, &self.request_error) {
            (Some(error), _) => (error, "error"),
            (None, Some(error)) => (error, "warning"),
            (None, None) => return Vec::new(),
        };
        app_line(&error.traceback)
            .map(|line| EditorMark { line, severity: severity.to_string(), message: format!("{}: {}", error.type_name, error.message) })
            .into_iter()
            .collect()
    }

    /// The active profile's session cookie taken apart, as the dev tools' decoder shows it.
    pub fn session_inspection(&self) -> Option<(String, SessionInspection)> {
        let settings = self.session_settings.as_ref()?;
        let now = self.browser.clock.now();
        let cookie = self.active().jar.list(now).into_iter().find(|cookie| cookie.name == settings.cookie_name)?;
        let inspection = inspect(&cookie.value, settings.secret_key.as_deref(), now, settings.max_age);
        Some((cookie.value.clone(), inspection))
    }

    /// The timeline entries that are requests, oldest first (the Network list).
    pub fn requests(&self) -> impl Iterator<Item = &TimelineEntry> {
        self.timeline.iter().filter(|entry| entry.kind == TimelineKind::Request)
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
        workspace.timeline.len()
    }

    /// Starts the editor's code as the app (the browsers and their cookies stay as they are,
    /// as with `flask run --debug`'s reloader).
    /// Restarts the served code under the current session mode (not a code edit: no step).
    fn restart_for_mode(&mut self) {
        let code = std::mem::replace(&mut self.code, self.served_code.clone());
        let log_len = self.log.len();
        self.reload_server();
        self.log.truncate(log_len);
        self.log(&format!(" * Session mode: {}\n", self.session_mode.as_str()));
        self.code = code;
        if self.code != self.served_code {
            self.server_status = ServerStatus::Reloading;
        }
    }

    pub(crate) fn reload_server(&mut self) {
        let now = self.browser.clock.now();
        self.request_error = None;
        self.served_code = self.code.clone();
        // The start's own code needs no step (replay serves it first); any other code does.
        if !(self.log.is_empty() && self.code == self.start.code) {
            self.log.push(Step::new(StepAction::EditCode(self.code.clone())));
        }
        match FlaskServer::load(&crate::scenario::mode_code::serve(&self.code, self.session_mode), now) {
            Ok(mut server) => {
                let printed = server.take_log();
                self.session_settings = PlaygroundServer::session_settings(&mut server);
                self.server = ServerHandle::new(server);
                self.server_status = ServerStatus::Running;
                self.startup_error = None;
                self.log(&format!(" * Serving Flask app 'app' at {}\n", format_instant(now)));
                self.log(&printed);
            }
            Err(error) => {
                self.server = ServerHandle::default();
                self.server_status = ServerStatus::Error;
                self.log(&format!(" * The app failed to start at {}:\n", format_instant(now)));
                self.log(&error.traceback);
                self.startup_error = Some(error);
            }
        }
    }

    fn log(&mut self, text: &str) {
        self.server_log.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            self.server_log.push('\n');
        }
        // The log keeps its last 64 KiB, so an app that prints in a loop cannot grow the page.
        const KEEP: usize = 64 * 1024;
        if self.server_log.len() > KEEP {
            let mut cut = self.server_log.len() - KEEP;
            while !self.server_log.is_char_boundary(cut) {
                cut += 1;
            }
            self.server_log.drain(..cut);
        }
    }

    /// Sends a request from the active browser; returns whether it was sent (a refused one
    /// explains itself in the notice and is not a step).
    fn send(&mut self, traversal: Traversal) -> bool {
        // A request is always served by the code in the editor, even inside the reload pause.
        if self.served_code != self.code {
            self.reload_server();
        }
        if let Some(error) = &self.startup_error {
            self.notice = Some(format!(
                "The app did not start ({}: {}), so nothing answers. See the server log.",
                error.type_name, error.message
            ));
            return false;
        }
        let Some(server) = self.server.0.clone() else {
            self.notice = Some("There is no server to answer: the simulated Flask app is not running.".into());
            return false;
        };
        let active = self.active_profile.clone();
        if !self.active().open {
            self.notice = Some(format!("{active}'s browser is closed: open it first."));
            return false;
        }
        let now = self.browser.clock.now();
        let mut server = server.borrow_mut();
        let mut tracing = Tracing { inner: &mut **server, traces: Vec::new() };
        let result = match &traversal {
            Traversal::New(request) => self.browser.navigate(&active, request, &mut tracing).map(Some),
            Traversal::Back => self.browser.back(&active, &mut tracing),
            Traversal::Forward => self.browser.forward(&active, &mut tracing),
            Traversal::Reload => self.browser.reload(&active, &mut tracing),
        };
        let traces = tracing.traces;
        self.server_store = server.server_store(now);
        let printed = server.take_log();
        // A view may change the config (e.g. the secret key) at run time.
        self.session_settings = server.session_settings();
        self.request_error = server.last_error();
        drop(server);
        self.log(&printed);
        let outcome = match result {
            Ok(Some(outcome)) => outcome,
            Ok(None) => {
                self.notice = Some(format!("{active}'s browser has {}.", traversal.nothing_to_do()));
                return false;
            }
            Err(error) => {
                self.notice = Some(format!("The browser could not send that request: {error}."));
                return false;
            }
        };
        let page = PageView::from_outcome(&active, &outcome);
        let mut summary = String::new();
        if let Some(button) = traversal.button() {
            summary.push_str(button);
            summary.push_str(": ");
        }
        for (index, hop) in outcome.hops.iter().enumerate() {
            if index > 0 {
                summary.push_str(" → ");
            }
            let method = &hop.request.method;
            summary.push_str(&format!("{method} {} {}", hop.url.path_and_query(), hop.response.status));
        }
        if let Some(stop) = &page.stopped {
            summary.push_str(&format!(" ({stop})"));
        }
        // What "send again" repeats: the request as the learner made it, or the page's URL.
        let request = match traversal {
            Traversal::New(request) => request,
            _ => NavigationRequest::get(&page.url),
        };
        self.pages.retain(|page| page.profile != active);
        self.pages.push(page);
        self.timeline.push(TimelineEntry {
            at: now,
            profile: Some(active),
            kind: TimelineKind::Request,
            summary,
            exchange: Some(Rc::new(outcome)),
            request: Some(request),
            error: self.request_error.clone(),
            traces: Rc::new(traces),
            steps: self.log.len(),
        });
        true
    }

    /// The profile the panes show.
    pub fn active(&self) -> &crate::browser::Profile {
        self.browser
            .profile(&self.active_profile)
            .or_else(|| self.browser.profiles().first())
            .expect("the workspace always has a profile")
    }

    /// The virtual time as the `clock-now` element shows it.
    pub fn clock_text(&self) -> String {
        format_instant(self.browser.clock.now())
    }

    fn advance_clock(&mut self, seconds: u64) {
        self.browser.clock.advance(seconds);
        let now = self.browser.clock.now();
        // Expired cookies leave every jar now, so the learner sees them go with a reason.
        let mut expired = Vec::new();
        let names: Vec<String> =
            self.browser.profiles().iter().map(|profile| profile.name.clone()).collect();
        for name in names {
            if let Some(profile) = self.browser.profile_mut(&name) {
                for cookie in profile.jar.evict_expired(now) {
                    let at = cookie.expires.map(format_instant).unwrap_or_default();
                    expired.push(format!("{name}'s cookie {} expired at {at}", cookie.key()));
                }
            }
        }
        let mut summary = format!("clock +{} → {}", describe_seconds(seconds), format_instant(now));
        for line in expired {
            summary.push_str("; ");
            summary.push_str(&line);
        }
        self.record(now, None, TimelineKind::ClockJump, summary);
    }

    fn record(&mut self, at: i64, profile: Option<&str>, kind: TimelineKind, summary: String) {
        let profile = profile.map(str::to_string);
        let steps = self.log.len();
        self.timeline.push(TimelineEntry {
            at,
            profile,
            kind,
            summary,
            exchange: None,
            request: None,
            error: None,
            traces: Rc::default(),
            steps,
        });
    }
}

/// How a request starts: a new navigation, or a move in the history.
enum Traversal {
    New(NavigationRequest),
    Back,
    Forward,
    Reload,
}

impl Traversal {
    fn button(&self) -> Option<&'static str> {
        match self {
            Traversal::New(_) => None,
            Traversal::Back => Some("back"),
            Traversal::Forward => Some("forward"),
            Traversal::Reload => Some("reload"),
        }
    }

    fn nothing_to_do(&self) -> &'static str {
        match self {
            Traversal::Forward => "no later page to go forward to",
            Traversal::Reload => "no page to reload",
            _ => "no earlier page to go back to",
        }
    }
}

/// Why a cookie name typed into the dev tools' "add" row cannot be stored, if it cannot
/// (the characters a `Set-Cookie` name may not hold, as the jar's parser sees them).
///
/// ```
/// use session_playground::ui::state::check_cookie_name;
/// assert!(check_cookie_name("session").is_ok());
/// assert!(check_cookie_name("").is_err());
/// assert!(check_cookie_name("a=b").is_err());
/// ```
pub fn check_cookie_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("give it a name".into());
    }
    if let Some(bad) = name.chars().find(|c| matches!(c, '=' | ';' | ' ' | '\t') || c.is_control()) {
        return Err(format!("a cookie name cannot contain {bad:?}"));
    }
    Ok(())
}

/// An error marked on a line of the editor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct EditorMark {
    /// The 1-based line.
    pub line: usize,
    /// `error` (the app cannot start) or `warning` (a request failed).
    pub severity: String,
    /// What the hover shows, e.g. `KeyError: 'visits'`.
    pub message: String,
}

/// The line of the innermost `app.py` frame of a traceback in CPython's format (the
/// `File "app.py", line N` lines; a SyntaxError names its line the same way).
///
/// ```
/// use session_playground::ui::state::app_line;
/// let traceback = "Traceback (most recent call last):\n  File \"app.py\", line 9, in count\n    x()\n  File \"app.py\", line 4, in x\n    1 / 0\nZeroDivisionError: division by zero\n";
/// assert_eq!(app_line(traceback), Some(4));
/// assert_eq!(app_line("  File \"flask/__init__.py\", line 3, in f\n"), None);
/// ```
pub fn app_line(traceback: &str) -> Option<usize> {
    traceback
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("File \"app.py\", line "))
        .filter_map(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .last()
}

/// A duration in the largest whole units, e.g. `31d 1s`.
///
/// ```
/// use session_playground::ui::state::describe_seconds;
/// assert_eq!(describe_seconds(31 * 86_400 + 1), "31d 1s");
/// assert_eq!(describe_seconds(90), "1m 30s");
/// assert_eq!(describe_seconds(0), "0s");
/// ```
pub fn describe_seconds(seconds: u64) -> String {
    let parts = [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")];
    let mut rest = seconds;
    let mut out = Vec::new();
    for (size, unit) in parts {
        if rest >= size {
            out.push(format!("{}{unit}", rest / size));
            rest %= size;
        }
    }
    if out.is_empty() { "0s".to_string() } else { out.join(" ") }
}

/// A form inside the page at `page_url`, as the request the browser sends when it is submitted
/// (an empty `action` means the page's own URL, as in HTML).
pub fn form_submission(method: &str, action: &str, fields: Vec<(String, String)>, page_url: &str) -> NavigationRequest {
    let method = if method.eq_ignore_ascii_case("post") { "POST" } else { "GET" };
    let url = if action.trim().is_empty() { page_url } else { action };
    NavigationRequest { method: method.to_string(), url: url.to_string(), form: fields, ..NavigationRequest::default() }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::{Cookie, NavigationRequest};
    use crate::http::{Request, Response};

    /// A counter app in miniature: `/count` reads a `visits` cookie and sets it one higher.
    fn counting_server(request: &Request, _now: i64) -> Response {
        let cookie = request.header("Cookie").unwrap_or("");
        let visits = cookie
            .split("; ")
            .find_map(|pair| pair.strip_prefix("visits="))
            .and_then(|value| value.parse::<u32>().ok())
            .unwrap_or(0)
            + 1;
        match request.path.as_str() {
            "/count" => Response {
                status: 200,
                headers: vec![
                    ("Content-Type".into(), "text/html; charset=utf-8".into()),
                    ("Set-Cookie".into(), format!("visits={visits}; Path=/")),
                ],
                body: format!("Visit number: {visits}").into_bytes(),
            },
            "/go" => Response {
                status: 302,
                headers: vec![("Location".into(), "/count".into())],
                body: Vec::new(),
            },
            _ => Response { status: 404, headers: vec![], body: b"not found".to_vec() },
        }
    }

    fn with_counting_server() -> Workspace {
        let workspace = Workspace::default();
        Workspace {
            server: ServerHandle::new(counting_server),
            served_code: workspace.code.clone(),
            server_status: ServerStatus::Running,
            ..workspace
        }
    }

    fn page_text(workspace: &Workspace) -> &str {
        &workspace.active_page().expect("a page").body
    }

    #[test]
    fn the_seed_app_counts_visits_and_forgets_them_when_the_browser_closes() {
        let mut workspace = Workspace::started();
        assert_eq!(workspace.server_status, ServerStatus::Running);
        for expected in ["Visit number: 1", "Visit number: 2", "Visit number: 3"] {
            workspace = workspace.apply(Action::Navigate("/count".into()));
            assert_eq!(page_text(&workspace), expected);
        }
        let cookie = &workspace.active().jar.all()[0];
        assert_eq!(cookie.name, "session");
        assert!(cookie.http_only);
        let workspace = workspace
            .apply(Action::CloseBrowser)
            .apply(Action::OpenBrowser)
            .apply(Action::Navigate("/count".into()));
        assert_eq!(page_text(&workspace), "Visit number: 1");
    }

    #[test]
    fn the_session_decoder_reads_the_cookie_and_notices_tampering() {
        use crate::flask::session_inspect::Verdict;
        let workspace = Workspace::started().apply(Action::Navigate("/count".into()));
        let (value, seen) = workspace.session_inspection().expect("a session cookie");
        assert_eq!(seen.payload_json.as_deref(), Some(r#"{"visits":1}"#));
        assert_eq!(seen.signed_at, Some(1_767_225_600));
        assert_eq!(seen.verdict, Verdict::Valid);
        let key = workspace.active().jar.all()[0].key();
        let forged = format!("eyJ2aXNpdHMiOjk5fQ{}", &value[value.find('.').unwrap()..]);
        let tampered = workspace.apply(Action::EditCookie { key, value: forged });
        let (_, seen) = tampered.session_inspection().unwrap();
        assert_eq!(seen.payload_json.as_deref(), Some(r#"{"visits":99}"#));
        assert!(matches!(seen.verdict, Verdict::Rejected(_)));
    }

    #[test]
    fn editing_the_code_reloads_before_the_next_request_and_keeps_cookies() {
        let workspace = Workspace::started().apply(Action::Navigate("/count".into()));
        let edited = crate::ui::SEED_APP.replace("Visit number", "Visits");
        let workspace = workspace.apply(Action::EditCode(edited));
        assert_eq!(workspace.server_status, ServerStatus::Reloading);
        let workspace = workspace.apply(Action::Navigate("/count".into()));
        assert_eq!(workspace.server_status, ServerStatus::Running);
        assert_eq!(page_text(&workspace), "Visits: 2");
    }

    #[test]
    fn only_the_last_edit_pause_reloads() {
        let first = crate::ui::SEED_APP.replace("Visit number", "A");
        let second = crate::ui::SEED_APP.replace("Visit number", "B");
        let workspace = Workspace::started()
            .apply(Action::EditCode(first.clone()))
            .apply(Action::EditCode(second.clone()))
            .apply(Action::ReloadIfUnchanged(first));
        assert_eq!(workspace.server_status, ServerStatus::Reloading);
        let workspace = workspace.apply(Action::ReloadIfUnchanged(second.clone()));
        assert_eq!((workspace.server_status, workspace.served_code.as_str()), (ServerStatus::Running, second.as_str()));
    }

    #[test]
    fn a_startup_error_is_logged_and_requests_explain_it() {
        let code = "from flask import Flask, session\napp = Flask(__name__)\nsession['x'] = 1\n";
        let workspace = Workspace::started().apply(Action::EditCode(code.into())).apply(Action::ReloadServer);
        assert_eq!(workspace.server_status, ServerStatus::Error);
        let error = workspace.startup_error.as_ref().unwrap();
        assert_eq!(error.type_name, "RuntimeError");
        assert!(error.message.starts_with("Working outside of request context."));
        assert!(workspace.server_log.contains("line 3, in <module>"), "{}", workspace.server_log);
        let marks = workspace.editor_marks();
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].line, marks[0].severity.as_str()), (3, "error"));
        assert!(marks[0].message.starts_with("RuntimeError: Working outside of request context."));
        let asked = workspace.apply(Action::Navigate("/".into()));
        assert!(asked.notice.as_deref().unwrap().contains("did not start"));
        assert_eq!(asked.requests().count(), 0);
    }

    #[test]
    fn print_output_and_tracebacks_reach_the_server_log() {
        let code = "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef index():\n    print('hello from the view')\n    return {}['missing']\n";
        let workspace = Workspace::started().apply(Action::EditCode(code.into())).apply(Action::Navigate("/".into()));
        assert_eq!(workspace.active_page().unwrap().status, 500);
        assert!(workspace.server_log.contains("hello from the view\n"), "{}", workspace.server_log);
        assert!(workspace.server_log.contains("KeyError: 'missing'"), "{}", workspace.server_log);
        let marks = workspace.editor_marks();
        assert_eq!((marks[0].line, marks[0].severity.as_str(), marks[0].message.as_str()), (6, "warning", "KeyError: 'missing'"));
    }

    #[test]
    fn the_warm_up_takes_a_request_path_and_leaves_nothing_behind() {
        assert_eq!(Workspace::warm_up(), 2);
        // A workspace started afterwards is as fresh as ever.
        assert!(Workspace::started().timeline.is_empty());
    }

    #[test]
    fn three_visits_count_up_and_closing_the_browser_starts_over() {
        let mut workspace = with_counting_server();
        for _ in 0..3 {
            workspace = workspace.apply(Action::Navigate("/count".into()));
        }
        assert_eq!(workspace.active_page().unwrap().body, "Visit number: 3");
        assert_eq!(workspace.active_page().unwrap().url, "http://localhost/count");
        let closed = workspace.apply(Action::CloseBrowser);
        assert_eq!(closed.active_page(), None);
        let again = closed.apply(Action::OpenBrowser).apply(Action::Navigate("/count".into()));
        assert_eq!(again.active_page().unwrap().body, "Visit number: 1");
        assert_eq!(again.requests().count(), 4);
    }

    #[test]
    fn a_redirect_is_one_timeline_entry_with_both_exchanges() {
        let workspace = with_counting_server().apply(Action::Navigate("/go".into()));
        let entry = workspace.timeline.last().unwrap();
        assert_eq!(entry.kind, TimelineKind::Request);
        assert_eq!(entry.summary, "GET /go 302 → GET /count 200");
        assert_eq!(entry.exchange.as_ref().unwrap().hops.len(), 2);
        assert_eq!(workspace.active_page().unwrap().status, 200);
    }

    #[test]
    fn resend_repeats_the_last_request_of_the_active_profile() {
        let first = with_counting_server().apply(Action::Resend);
        assert_eq!(first.notice.as_deref(), Some("Alice has not sent a request yet."));
        let workspace = with_counting_server().apply(Action::Navigate("/count".into())).apply(Action::Resend);
        assert_eq!(workspace.active_page().unwrap().body, "Visit number: 2");
    }

    #[test]
    fn a_private_window_starts_empty_and_is_gone_after_close() {
        let workspace = with_counting_server()
            .apply(Action::Navigate("/count".into()))
            .apply(Action::OpenPrivateWindow);
        assert_eq!(workspace.active_profile, "Private 1");
        assert!(workspace.active().jar.all().is_empty());
        let visited = workspace.apply(Action::Navigate("/count".into()));
        assert_eq!(visited.active_page().unwrap().body, "Visit number: 1");
        let closed = visited.apply(Action::CloseBrowser);
        assert!(closed.browser.profile("Private 1").is_none());
        assert_eq!(closed.active_profile, "Alice");
        assert_eq!(closed.active_page().unwrap().body, "Visit number: 1");
    }

    #[test]
    fn each_profile_has_its_own_page_and_jar() {
        let workspace = with_counting_server()
            .apply(Action::Navigate("/count".into()))
            .apply(Action::Navigate("/count".into()))
            .apply(Action::SelectProfile("Bob".into()));
        assert_eq!(workspace.active_page(), None);
        let bob = workspace.apply(Action::Navigate("/count".into()));
        assert_eq!(bob.active_page().unwrap().body, "Visit number: 1");
        let alice = bob.apply(Action::SelectProfile("Alice".into()));
        assert_eq!(alice.active_page().unwrap().body, "Visit number: 2");
    }

    #[test]
    fn requests_explain_instead_of_failing_when_they_cannot_be_sent() {
        let no_server = Workspace { served_code: crate::ui::SEED_APP.into(), ..Workspace::default() }
            .apply(Action::Navigate("/count".into()));
        assert!(no_server.notice.as_deref().unwrap().contains("no server"));
        assert!(no_server.timeline.is_empty());
        let closed = with_counting_server().apply(Action::CloseBrowser).apply(Action::Navigate("/count".into()));
        assert_eq!(closed.notice.as_deref(), Some("Alice's browser is closed: open it first."));
        let bad = with_counting_server().apply(Action::Navigate("http://[oops/".into()));
        assert!(bad.notice.as_deref().unwrap().starts_with("The browser could not send that request"));
        let blank = with_counting_server().apply(Action::Navigate("   ".into()));
        assert!(blank.timeline.is_empty() && blank.notice.is_none());
    }

    /// A workspace whose active profile got `set_cookie` from a response to `GET /`.
    fn with_cookie(set_cookie: &str) -> Workspace {
        let mut workspace = Workspace::default();
        let header = set_cookie.to_string();
        let mut server = move |_: &Request, _: i64| Response {
            status: 200,
            headers: vec![("Set-Cookie".to_string(), header.clone())],
            body: Vec::new(),
        };
        workspace
            .browser
            .navigate("Alice", &NavigationRequest::get("/"), &mut server)
            .expect("the test server answers");
        workspace
    }

    fn cookie_names(workspace: &Workspace, profile: &str) -> Vec<String> {
        let now = workspace.browser.clock.now();
        let profile = workspace.browser.profile(profile).unwrap();
        profile.jar.list(now).into_iter().map(|cookie: &Cookie| cookie.name.clone()).collect()
    }

    #[test]
    fn forms_post_only_when_they_say_so() {
        let fields = vec![("username".to_string(), "alice".to_string())];
        let post = form_submission("post", "/login", fields.clone(), "http://localhost/");
        assert_eq!((post.method.as_str(), post.url.as_str()), ("POST", "/login"));
        assert_eq!(post.form, fields);
        let here = form_submission("", " ", vec![], "http://localhost/count");
        assert_eq!((here.method.as_str(), here.url.as_str()), ("GET", "http://localhost/count"));
        assert_eq!(form_submission("dialog", "/x", vec![], "http://localhost/").method, "GET");
    }

    #[test]
    fn alice_is_active_and_both_browsers_open_at_load() {
        let workspace = Workspace::default();
        assert_eq!(workspace.active().name, "Alice");
        let names: Vec<&str> =
            workspace.browser.profiles().iter().map(|profile| profile.name.as_str()).collect();
        assert_eq!(names, STARTING_PROFILES);
        assert!(workspace.browser.profiles().iter().all(|profile| profile.open));
        assert_eq!(workspace.clock_text(), "2026-01-01T00:00:00Z");
    }

    #[test]
    fn closing_drops_session_cookies_of_the_active_profile_only() {
        let workspace = with_cookie("session=abc; Path=/");
        let closed = workspace.apply(Action::CloseBrowser);
        assert!(!closed.active().open);
        assert_eq!(cookie_names(&closed, "Alice"), Vec::<String>::new());
        assert!(closed.browser.profile("Bob").unwrap().open);
        let entry = closed.timeline.last().unwrap();
        assert_eq!(entry.kind, TimelineKind::Close);
        assert_eq!(entry.summary, "browser closed: 1 session cookie dropped");
        let reopened = closed.apply(Action::OpenBrowser);
        assert!(reopened.active().open);
        assert_eq!(reopened.timeline.last().unwrap().kind, TimelineKind::Open);
    }

    #[test]
    fn continue_where_left_off_keeps_session_cookies_across_close() {
        let workspace = with_cookie("session=abc; Path=/")
            .apply(Action::SetContinueWhereLeftOff(true))
            .apply(Action::CloseBrowser)
            .apply(Action::OpenBrowser);
        assert_eq!(cookie_names(&workspace, "Alice"), ["session"]);
    }

    #[test]
    fn a_persistent_cookie_survives_close_and_expires_with_the_clock() {
        let workspace = with_cookie("session=abc; Max-Age=60; Path=/")
            .apply(Action::CloseBrowser)
            .apply(Action::OpenBrowser);
        assert_eq!(cookie_names(&workspace, "Alice"), ["session"]);
        let later = workspace.apply(Action::AdvanceClock("59s".to_string()));
        assert_eq!(cookie_names(&later, "Alice"), ["session"]);
        let expired = later.apply(Action::AdvanceClockSeconds(1));
        assert_eq!(cookie_names(&expired, "Alice"), Vec::<String>::new());
        let summary = &expired.timeline.last().unwrap().summary;
        assert_eq!(
            summary,
            "clock +1s → 2026-01-01T00:01:00Z; Alice's cookie session (Path=/) expired at 2026-01-01T00:01:00Z"
        );
    }

    #[test]
    fn the_reloader_in_the_background_does_not_wipe_a_notice() {
        let workspace = Workspace::started().apply(Action::AdvanceClock("soon".into()));
        let notice = workspace.notice.clone();
        assert!(notice.is_some());
        let code = workspace.code.clone();
        let workspace = workspace.apply(Action::ReloadIfUnchanged(code.clone())).apply(Action::EditCode(code));
        assert_eq!(workspace.notice, notice);
        assert_eq!(workspace.apply(Action::AdvanceClockSeconds(1)).notice, None);
    }

    #[test]
    fn a_bad_duration_leaves_the_clock_and_explains() {
        let workspace = Workspace::default().apply(Action::AdvanceClock("soon".to_string()));
        assert_eq!(workspace.clock_text(), "2026-01-01T00:00:00Z");
        let notice = workspace.notice.as_deref().unwrap();
        assert!(notice.starts_with("The clock did not move: \"soon\""), "{notice}");
        assert!(workspace.timeline.is_empty());
        assert_eq!(workspace.apply(Action::DismissNotice).notice, None);
    }

    #[test]
    fn editing_a_cookie_changes_the_value_sent_and_is_a_timeline_entry() {
        let workspace = with_cookie("session=abc; Path=/");
        let key = workspace.active().jar.all()[0].key();
        let edited = workspace.apply(Action::EditCookie { key: key.clone(), value: "forged".into() });
        assert_eq!(edited.active().jar.all()[0].value, "forged");
        assert_eq!(edited.timeline.last().unwrap().kind, TimelineKind::CookieEdit);
        let deleted = edited.apply(Action::DeleteCookie(key));
        assert_eq!(cookie_names(&deleted, "Alice"), Vec::<String>::new());
    }

    #[test]
    fn a_copied_session_cookie_logs_bob_in_as_alice() {
        let alice = Workspace::started().apply(Action::Navigate("/count".into())).apply(Action::Navigate("/count".into()));
        let key = alice.active().jar.all()[0].key();
        let copied = alice.apply(Action::CopyCookie { key, to: "Bob".into() });
        assert_eq!(copied.timeline.last().unwrap().summary, "cookie session copied into Bob's browser");
        let bob = copied.apply(Action::SelectProfile("Bob".into())).apply(Action::Navigate("/count".into()));
        assert_eq!(bob.active_page().unwrap().body, "Visit number: 3");
    }

    #[test]
    fn bob_does_not_see_alices_cookies() {
        let workspace = with_cookie("session=abc; Path=/").apply(Action::SelectProfile("Bob".into()));
        assert_eq!(workspace.active().name, "Bob");
        assert!(workspace.active().jar.all().is_empty());
    }

    #[test]
    fn unknown_profile_is_ignored_and_apply_leaves_the_original_untouched() {
        let before = Workspace::default();
        let after = before.apply(Action::SelectProfile("Mallory".into()));
        assert_eq!(after.active_profile, "Alice");
        let edited = before.apply(Action::EditCode("print(1)\n".into()));
        assert_eq!(before.code, crate::ui::SEED_APP);
        assert_eq!(edited.code, "print(1)\n");
    }
}
