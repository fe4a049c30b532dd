//! The workspace behind the page: what the learner has open, as one value, and the pure
//! transitions between its states. Components dispatch [`Action`]s; [`Workspace::apply`] is the
//! only place state changes, so every behaviour of the page below the DOM is tested here.
//!
//! The browser, the server and the clock are the scenario layer's [`World`], stepped only through
//! [`World::apply`] (the same engine the CLI and the lesson player use); the workspace reads it
//! through `Deref` and adds what only the page needs: which profile is on screen, what each
//! profile's page shows, the timeline of actions (a view of each step's [`Effect`]) and the
//! notice line.
//!
//! One part is not a plain value: the simulated server ([`ServerHandle`]) keeps the app's module
//! state between requests, as a running Flask process does, so a request mutates it in place.
//! Replaying the same actions on a fresh server reproduces it exactly (determinism), which is how
//! rewind and share links rebuild a state.

use std::collections::VecDeque;
use std::ops::Deref;
use std::rc::Rc;

use super::editor_buffers::{APP_FILE, EditorBuffers};
use super::history::{Start, Step};
use super::replay_budget::ReplayCut;
use super::shared_log::SharedLog;
use super::step_through::StepThrough;
use crate::browser::clock::format_instant;
use crate::browser::{CookieKey, NavigationOutcome, NavigationRequest};
use crate::flask::AppError;
use crate::flask::project::ProjectFiles;
use crate::flask::session_inspect::{SessionInspection, inspect};
use crate::flask::trace::SessionTrace;
use crate::http;
use crate::scenario::action::RequestStep;
use crate::scenario::goal::GoalResult;
use crate::scenario::lesson::Lesson;
use crate::scenario::link_lesson::LinkLesson;
use crate::scenario::saved::{LessonProgress, SavedWork};
use crate::scenario::state::SeenSession;
pub use crate::scenario::world::{AppServer, ServerHandle};
use crate::scenario::world::{Effect, EffectKind, Exchange, StepNote, World};
use crate::scenario::{self, SessionMode};

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
    /// The text of each stylesheet link of the body that applied, in order (`None`: not
    /// applied); the frame inlines them.
    pub stylesheets: Vec<Option<String>>,
}

impl PageView {
    fn from_outcome(
        profile: &str,
        outcome: &NavigationOutcome,
        subresources: &[crate::browser::subresource::Subresource],
    ) -> PageView {
        let hop = outcome.final_hop();
        PageView {
            profile: profile.to_string(),
            url: hop.url.to_string(),
            status: hop.response.status,
            content_type: http::header(&hop.response.headers, "Content-Type")
                .unwrap_or("")
                .to_string(),
            body: String::from_utf8_lossy(&hop.response.body).into_owned(),
            stopped: outcome.stop.as_ref().map(ToString::to_string),
            stylesheets: subresources
                .iter()
                .map(|sheet| sheet.applied_css())
                .collect(),
        }
    }
}

/// The profiles the page starts with (the first is active at load).
pub const STARTING_PROFILES: [&str; 2] = ["Alice", "Bob"];

/// Everything the page shows, as one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The app's source and other files as the editor holds them, and the tab on screen (the
    /// served ones, [`World::served_code`] and [`World::files`], lag them while the learner
    /// types).
    editor: EditorBuffers,
    /// The browser, the server and the clock; read through `Deref`, changed only by steps.
    world: World,
    /// The name of the profile the panes show.
    active_profile: String,
    /// Whether the server runs the editor's code, is about to reload, or failed to start.
    server_status: ServerStatus,
    /// Each profile's page (absent before its first request and after its browser closed).
    pages: Vec<PageView>,
    /// Every action so far, oldest first (shared between successive states: a new entry
    /// copies none of the earlier ones).
    timeline: SharedLog<Rc<TimelineEntry>>,
    /// A message for the learner (the `notice` element), e.g. a duration that could not be read.
    notice: Option<String>,
    /// Where this workspace started.
    start: Start,
    /// Every effective step since the start: replaying them rebuilds this state (shared
    /// between successive states like the timeline).
    log: SharedLog<Step>,
    /// A past state on screen (a timeline entry was clicked), while the present stays here.
    rewind: Option<Rewind>,
    /// The lesson being followed, if any.
    lesson: Option<LessonRun>,
    /// Saved workspaces and lesson progress (the page keeps them in localStorage).
    saved: Rc<SavedWork>,
    /// The link payload made by the last "Share" (what follows `#` in the URL).
    share_link: Option<String>,
    /// Snapshots of what the panes showed right after timeline entries, so a rewind shows
    /// them without replaying (see [`KeptViews`]).
    views: KeptViews,
    /// The replay that made this state stopped on its work budget (see `replay_budget`): how
    /// far it got. Cleared by the learner's next step.
    replay_cut: Option<ReplayCut>,
}

/// What the panes showed right after a timeline entry, without the history (the timeline and
/// the log up to the entry are prefixes of the present's) and without the running server
/// (holding it would keep every replaced app's interpreter alive for as long as the view is
/// kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    editor: EditorBuffers,
    world: World,
    active_profile: String,
    server_status: ServerStatus,
    pages: Vec<PageView>,
}

impl Deref for Workspace {
    type Target = World;

    fn deref(&self) -> &World {
        &self.world
    }
}

/// A lesson being followed: where the learner is in its script, what its goals check to, and
/// what came with it (a link's progress and file, the last hand-in). Private fields: the run
/// changes only through the transitions below, which `lesson_run` calls.
#[derive(Clone, Debug)]
pub struct LessonRun {
    /// The lesson.
    lesson: Rc<Lesson>,
    /// The index of the next scripted step ("▶ next step"); `lesson.steps.len()` when done.
    next_step: usize,
    /// Each goal's result on the latest state, in the lesson's order.
    results: Vec<GoalResult>,
    /// For a run opened from a link: the progress its replay made (shown instead of the
    /// learner's own record, which the link's progress also joins), so the page shows exactly
    /// what the sender reached.
    link_progress: Option<LessonProgress>,
    /// The last "Hand in" made in this run.
    hand_in: Option<HandIn>,
    /// For a lesson that came in a link (not built in): the file and where it came from.
    from_link: Option<Rc<LinkLesson>>,
}

/// A hand-in: the link payload (naming the learner, carrying its code) and the code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandIn {
    /// What follows `#` in the link.
    pub payload: String,
    /// The completion code.
    pub code: String,
    /// Goals met, of `total`.
    pub met: usize,
    /// The checkable goals.
    pub total: usize,
}

impl LessonRun {
    /// A run of `lesson` at scripted step `next_step`, nothing checked yet.
    pub fn new(lesson: Rc<Lesson>, next_step: usize) -> LessonRun {
        LessonRun {
            lesson,
            next_step,
            results: Vec::new(),
            link_progress: None,
            hand_in: None,
            from_link: None,
        }
    }

    /// The same run of a lesson that came in `link` (`None`: a built-in lesson).
    pub fn with_link(self, link: Option<Rc<LinkLesson>>) -> LessonRun {
        LessonRun {
            from_link: link,
            ..self
        }
    }

    /// The lesson.
    pub fn lesson(&self) -> &Rc<Lesson> {
        &self.lesson
    }

    /// The index of the next scripted step; the number of steps when the script is done.
    pub fn next_step(&self) -> usize {
        self.next_step
    }

    /// Each goal's result on the latest state, in the lesson's order.
    pub fn results(&self) -> &[GoalResult] {
        &self.results
    }

    /// For a run opened from a link: the progress its replay made.
    pub fn link_progress(&self) -> Option<&LessonProgress> {
        self.link_progress.as_ref()
    }

    /// The last "Hand in" made in this run.
    pub fn hand_in(&self) -> Option<&HandIn> {
        self.hand_in.as_ref()
    }

    /// For a lesson that came in a link: the file and where it came from.
    pub fn from_link(&self) -> Option<&Rc<LinkLesson>> {
        self.from_link.as_ref()
    }

    /// "▶ next step": the next scripted step, the run moved past it (`None` when done).
    pub fn advance(&mut self) -> Option<Step> {
        let step = self.lesson.steps.get(self.next_step).cloned()?;
        self.next_step += 1;
        Some(step)
    }

    /// The goals' results on the latest state.
    pub fn set_results(&mut self, results: Vec<GoalResult>) {
        self.results = results;
    }

    /// The run now shows `progress` as its link's (a run opened from a link).
    pub fn set_link_progress(&mut self, progress: LessonProgress) {
        self.link_progress = Some(progress);
    }

    /// The link's progress, to record what the learner does next (a run opened from a link).
    pub fn link_progress_mut(&mut self) -> Option<&mut LessonProgress> {
        self.link_progress.as_mut()
    }

    /// The learner handed in.
    pub fn set_hand_in(&mut self, hand_in: HandIn) {
        self.hand_in = Some(hand_in);
    }

    /// The run after the solution was played: the script done, the learner's own (no link's
    /// progress, no hand-in).
    pub fn played_through(&self) -> LessonRun {
        LessonRun {
            next_step: self.lesson.steps.len(),
            link_progress: None,
            hand_in: None,
            ..self.clone()
        }
    }

    /// The run from the lesson's start again (reset): same lesson and link, nothing played.
    pub fn again(&self) -> LessonRun {
        LessonRun::new(self.lesson.clone(), 0).with_link(self.from_link.clone())
    }

    /// Where the learner's progress in this lesson is kept: a built-in lesson's id, or
    /// `link:<id>` for a lesson from a link (which may reuse a built-in id).
    pub fn progress_key(&self) -> String {
        match &self.from_link {
            Some(_) => format!("link:{}", self.lesson.id),
            None => self.lesson.id.clone(),
        }
    }

    /// For a lesson from a link: where it says it comes from (a host, "this site", "a link").
    pub fn source(&self) -> Option<String> {
        self.from_link.as_ref().map(|link| link.source())
    }
}

impl PartialEq for LessonRun {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.next_step == other.next_step
            && self.results == other.results
            && self.link_progress == other.link_progress
            && self.hand_in == other.hand_in
            && self.from_link.as_ref().map(Rc::as_ptr) == other.from_link.as_ref().map(Rc::as_ptr)
    }
}

impl Eq for LessonRun {}

/// How many of the latest entries keep their state for an instant rewind. Bounds the memory: a
/// kept state holds its jars, pages and server log.
pub const KEPT_VIEWS: usize = 200;

/// The snapshots a workspace keeps for instant rewinds: one for each of the latest
/// [`KEPT_VIEWS`] entries, and, of the older ones, those whose number (1-based) is a power of two
/// — entry 1, 2, 4, 8, … — so the start of a long history, where a learner compares "now" with
/// "at first", stays instant at a cost of a few views (log₂ of the entries). Any other old entry
/// is rebuilt by replay from the start: a snapshot holds no server (the app's module state lives
/// in its interpreter), so a replay cannot start from one.
///
/// A new entry copies at most the [`KEPT_VIEWS`] pointers of the window, never the history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct KeptViews {
    /// How many entries have been given a view (the timeline's length when it was last kept).
    entries: usize,
    /// The views of the latest entries, oldest first: the last is entry `entries - 1`'s.
    recent: Rc<VecDeque<Rc<Snapshot>>>,
    /// The older entries kept, by index, ascending.
    older: Rc<Vec<(usize, Rc<Snapshot>)>>,
}

impl KeptViews {
    /// Entries `first..entries` were made by one step: each gets `view`; entries before `first`
    /// that were given views beyond it are forgotten (none are, in a history that only grows).
    fn keep(&mut self, first: usize, entries: usize, view: Rc<Snapshot>) {
        if first < self.entries {
            *self = self.prefix(first);
        }
        let recent = Rc::make_mut(&mut self.recent);
        for index in self.entries..entries {
            recent.push_back(view.clone());
            if recent.len() > KEPT_VIEWS {
                let leaving = index - KEPT_VIEWS;
                if let Some(old) = recent.pop_front()
                    && (leaving + 1).is_power_of_two()
                {
                    Rc::make_mut(&mut self.older).push((leaving, old));
                }
            }
        }
        self.entries = self.entries.max(entries);
    }

    /// The view of entry `index`, if it is kept.
    fn get(&self, index: usize) -> Option<Rc<Snapshot>> {
        let first_recent = self.entries - self.recent.len();
        if (first_recent..self.entries).contains(&index) {
            return self.recent.get(index - first_recent).cloned();
        }
        let at = self.older.binary_search_by_key(&index, |(i, _)| *i).ok()?;
        Some(self.older[at].1.clone())
    }

    /// The views of the entries before `entries` (a past state's own).
    fn prefix(&self, entries: usize) -> KeptViews {
        if entries >= self.entries {
            return self.clone();
        }
        let first_recent = self.entries - self.recent.len();
        let recent: VecDeque<_> = self
            .recent
            .iter()
            .take(entries.saturating_sub(first_recent))
            .cloned()
            .collect();
        let older: Vec<_> = self
            .older
            .iter()
            .filter(|(index, _)| *index < entries)
            .cloned()
            .collect();
        KeptViews {
            entries,
            recent: Rc::new(recent),
            older: Rc::new(older),
        }
    }

    /// Which entries have a view, oldest first (for tests of the policy).
    #[cfg(test)]
    pub(super) fn kept(&self) -> Vec<bool> {
        (0..self.entries)
            .map(|index| self.get(index).is_some())
            .collect()
    }
}

/// A past state shown instead of the present: the state right after a timeline entry — the view
/// kept when the entry was made, or (for an old entry) rebuilt by replaying the steps up to it.
/// "Continue from here" always replays, so the state continued from has a server of its own.
#[derive(Clone, Debug)]
pub struct Rewind {
    /// The timeline entry (index) whose state is shown.
    entry: usize,
    /// That state.
    state: Rc<Workspace>,
    /// The entry's request re-run line by line, while the learner steps through it.
    step_through: Option<StepThrough>,
}

impl Rewind {
    /// The timeline entry (index) whose state is shown.
    pub fn entry(&self) -> usize {
        self.entry
    }

    /// The state right after that entry.
    pub fn state(&self) -> &Workspace {
        &self.state
    }

    /// The entry's request re-run line by line, while the learner steps through it.
    pub fn step_through(&self) -> Option<&StepThrough> {
        self.step_through.as_ref()
    }
}

impl PartialEq for Rewind {
    fn eq(&self, other: &Self) -> bool {
        self.entry == other.entry
            && Rc::ptr_eq(&self.state, &other.state)
            && self.step_through == other.step_through
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
    /// For a request: the session its final request carried, as the app read it.
    pub seen: Option<SeenSession>,
    /// For a request: the stylesheets its page loaded (the Network panel's further rows).
    pub subresources: Rc<Vec<crate::browser::subresource::Subresource>>,
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
    /// The text of the editor's tab on screen changed (`app.py`'s or a project file's).
    EditOpenFile(String),
    /// Show a file's tab (`app.py`, or a project file's path).
    OpenFile(String),
    /// "Add file": a new, empty project file at this path (its tab opens).
    AddFile(String),
    /// "Rename": a project file moves to another path.
    RenameFile {
        /// Its path now.
        from: String,
        /// Its new path.
        to: String,
    },
    /// "Delete": a project file is removed.
    DeleteFile(String),
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
    /// Predict, then see: pick option `choice` of the lesson's prediction `id` before its step.
    Predict {
        /// The prediction's id.
        id: String,
        /// The option picked.
        choice: usize,
    },
    /// Put a quiz option's code into the editor.
    TryQuizOption(usize),
    /// Back to the lesson's start (asked first by the page).
    ResetLesson,
    /// "Share": make a link for the current state.
    Share,
    /// "Hand in" under the name typed: a link naming the learner and a completion code. The
    /// time is the page's clock (seconds since 1970), if it has one.
    HandIn(String, Option<i64>),
    /// Say something to the learner (e.g. why the address could not be opened).
    Notice(String),
    /// A link's lesson file was fetched (its text, or why not): open the link with it.
    OpenFetchedLesson(
        Box<crate::scenario::share::SharedState>,
        Result<String, String>,
    ),
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
    /// "Stop" ended an action (described, e.g. `GET /spin`) that had run this many milliseconds
    /// in the engine worker (`engine_worker`): it is marked in the timeline, nothing was sent.
    StoppedByYou(String, u64),
    /// Restart the server on the editor's code now.
    ReloadServer,
    /// The edit pause ended: restart the server if the code is still this text (a later edit
    /// starts its own pause), like `flask run --debug`'s reloader.
    ReloadIfUnchanged(String),
    /// [`Action::ReloadIfUnchanged`] for the whole project: restart if the code and the files
    /// are still these (any file's change starts a new pause).
    ReloadIfProjectUnchanged(String, ProjectFiles),
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
        let starting: Vec<String> = STARTING_PROFILES
            .iter()
            .map(|name| name.to_string())
            .collect();
        let profiles = if start.settings.profiles.is_empty() {
            &starting
        } else {
            &start.settings.profiles
        };
        let world = start.settings.sites.iter().fold(
            World::new(profiles, start.settings.clock, start.settings.session_mode)
                .with_app_host(start.settings.host.as_deref())
                .with_environment(&start.settings.environment)
                .with_files(start.files.clone()),
            |world, site| world.with_site(&site.host, site.content()),
        );
        Workspace {
            editor: EditorBuffers::new(start.code.clone(), start.files.clone()),
            active_profile: world.browser().profiles()[0].name.clone(),
            world,
            server_status: ServerStatus::Reloading,
            pages: Vec::new(),
            timeline: SharedLog::new(),
            notice: None,
            start: start.clone(),
            log: SharedLog::new(),
            rewind: None,
            lesson: None,
            saved: Rc::new(crate::scenario::saved::SavedWork::new()),
            share_link: None,
            views: KeptViews::default(),
            replay_cut: None,
        }
    }

    /// The same workspace keeping `saved` as its saved work.
    pub fn with_saved(self, saved: Rc<SavedWork>) -> Workspace {
        Workspace { saved, ..self }
    }

    /// The state `steps` lead to from `start`, rebuilt on a fresh server. Steps that cannot
    /// be carried out (a hand-edited link) are skipped, as the page would refuse them.
    pub fn replay(start: &Start, steps: &[Step]) -> Workspace {
        let mut workspace = Workspace::at_start(start);
        workspace.reload_server();
        for step in steps {
            workspace.step(step.clone());
        }
        workspace.clear_notice();
        workspace
    }

    /// Re-runs the request of timeline entry `entry` line by line (the step-through). Returns the state right after
    /// the entry (the same state a rewind to it shows) and the recording, or why the entry
    /// cannot be stepped through.
    pub fn record_step_through(&self, entry: usize) -> Result<(Workspace, StepThrough), String> {
        let (start, log) = (&self.start, &self.log);
        let Some(item) = self.timeline.get(entry) else {
            return Err("There is no such entry in the timeline.".to_string());
        };
        if item.kind != TimelineKind::Request
            || item.exchange.is_none()
            || item.steps == 0
            || item.steps > log.len()
        {
            return Err("Only a request can be stepped through: pick one in the timeline or the network list.".to_string());
        }
        let (before, step) = {
            let log = log.slice();
            (log[..item.steps - 1].to_vec(), log[item.steps - 1].clone())
        };
        let mut state = Workspace::replay(start, &before);
        state.server.start_recording();
        state.step(step);
        let recording = state.server.stop_recording().unwrap_or_default();
        state.clear_notice();
        let traces = state
            .timeline
            .get(entry)
            .map(|item| item.traces.clone())
            .unwrap_or_default();
        let title = format!(
            "{}: {}",
            item.profile.clone().unwrap_or_default(),
            item.summary
        );
        let step_through = StepThrough::new(recording, &state.served_code, &traces, title);
        Ok((state, step_through))
    }

    /// The state the panes show: a past one while rewinding, else the present.
    pub fn shown(&self) -> &Workspace {
        self.rewind.as_ref().map_or(self, |rewind| &rewind.state)
    }

    /// The past state on screen, if a timeline entry was clicked.
    pub fn rewind(&self) -> Option<&Rewind> {
        self.rewind.as_ref()
    }

    /// Shows the state right after timeline entry `index` (no entry: the present).
    pub(crate) fn view_entry(&mut self, index: usize) {
        self.rewind = self.timeline.get(index).map(|_| Rewind {
            entry: index,
            state: Rc::new(self.state_after(index)),
            step_through: None,
        });
    }

    /// Re-runs the request of timeline entry `index` line by line and shows the state after it;
    /// an entry that cannot be stepped through leaves the screen as it is and says why.
    pub(crate) fn step_through(&mut self, index: usize) {
        match self.record_step_through(index) {
            Ok((state, step_through)) => {
                self.rewind = Some(Rewind {
                    entry: index,
                    state: Rc::new(state),
                    step_through: Some(step_through),
                });
            }
            Err(why) => self.say(why),
        }
    }

    /// Moves the step-through on screen to its recorded line `at` (nothing if none is on screen).
    pub(crate) fn step_to(&mut self, at: usize) {
        if let Some(rewind) = &mut self.rewind {
            rewind.step_through = rewind
                .step_through
                .as_ref()
                .map(|step_through| step_through.at(at));
        }
    }

    /// Leaves the past state on screen: the present shows again.
    pub(crate) fn back_to_now(&mut self) {
        self.rewind = None;
    }

    /// "Continue from here": the past state on screen becomes the present, rebuilt by replay with
    /// a server of its own (a kept view shares the present's, which has run on since); later
    /// entries are dropped, the editor's buffers, the lesson and the saved work are kept.
    pub(crate) fn continue_from_here(&mut self) {
        let Some(rewind) = self.rewind.take() else {
            return;
        };
        let dropped = self.timeline.len().saturating_sub(rewind.entry + 1);
        let steps = self
            .timeline
            .get(rewind.entry)
            .map_or(0, |entry| entry.steps.min(self.log.len()));
        let mut next = Workspace::replay(&self.start, &self.log.slice()[..steps]);
        next.saved = self.saved.clone();
        next.lesson = self.lesson.take();
        next.keep_editor(std::mem::take(&mut self.editor));
        next.say(match dropped {
            0 => "Continuing from the last entry: nothing was dropped.".to_string(),
            1 => "Continuing from here: the 1 later entry was dropped.".to_string(),
            n => format!("Continuing from here: the {n} later entries were dropped."),
        });
        *self = next;
    }

    /// The message for the learner on screen (the `notice` element), if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Tells the learner `text` in the notice line (replacing what it said).
    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(text.into());
    }

    /// Puts `text` before what the notice says (or says it alone): the first thing to read.
    pub(crate) fn say_first(&mut self, text: String) {
        self.notice = Some(match self.notice.take() {
            Some(other) => format!("{text} {other}"),
            None => text,
        });
    }

    /// Says `text` unless the notice line already says something (a more specific message).
    pub(crate) fn say_if_silent(&mut self, text: &str) {
        self.notice.get_or_insert_with(|| text.to_string());
    }

    /// Empties the notice line.
    pub(crate) fn clear_notice(&mut self) {
        self.notice = None;
    }

    /// The link payload made by the last "Share" (what follows `#` in the URL).
    pub fn share_link(&self) -> Option<&str> {
        self.share_link.as_deref()
    }

    /// "Share": makes the link for the state as it is now.
    pub(crate) fn share(&mut self) {
        self.share_link = Some(self.share_payload());
    }

    /// How far the replay that made this state got, if it stopped on its work budget.
    pub fn replay_cut(&self) -> Option<&ReplayCut> {
        self.replay_cut.as_ref()
    }

    /// The replay that makes this state stopped on its work budget after `cut`'s actions.
    pub(crate) fn cut_replay(&mut self, cut: ReplayCut) {
        self.replay_cut = Some(cut);
    }

    /// A request from the active browser, as a step: the address is resolved against the page
    /// on screen, so the step names a path on the playground's site or on one of the world's
    /// further sites (what lesson files and links hold). An address elsewhere is refused with a
    /// reason. `from_page`: a link or form of the page on screen started it, so a page of another
    /// site is the request's initiator (the jar then applies `SameSite`).
    pub(super) fn request(&mut self, request: NavigationRequest, from_page: bool) {
        let active = self.active_profile.clone();
        let base = self
            .browser
            .profile(&active)
            .and_then(|profile| profile.history.current().cloned())
            .or_else(|| {
                crate::browser::url::Url::parse(&format!("{}/", self.browser.site_origin())).ok()
            })
            .unwrap_or_else(|| {
                crate::browser::url::Url::parse("http://localhost/").expect("a valid URL")
            });
        let (target, host) = match base.resolve(&request.url) {
            Ok(url) if url.host == self.browser.site_host() => (url.path_and_query(), None),
            Ok(url) if url.port.is_none() && self.sites().iter().any(|s| s.host == url.host) => {
                (url.path_and_query(), Some(url.host))
            }
            Ok(url) => {
                self.say(format!(
                    "The virtual browser only reaches the simulated app at {}{}, not {}.",
                    self.browser.site_origin(),
                    self.sites()
                        .iter()
                        .map(|site| format!(" and http://{}", site.host))
                        .collect::<String>(),
                    url.origin()
                ));
                return;
            }
            Err(error) => {
                self.say(format!("The browser could not send that request: {error}."));
                return;
            }
        };
        let target_host = host.clone().unwrap_or_else(|| self.browser.site_host());
        let from = (from_page && base.host != target_host).then(|| scenario::action::Initiator {
            host: base.host.clone(),
            by: if request.method.eq_ignore_ascii_case("GET") && request.form.is_empty() {
                crate::browser::CrossSiteKind::Link
            } else {
                crate::browser::CrossSiteKind::Form
            },
        });
        let method = request.method.to_ascii_uppercase();
        let (target, form) = if method == "GET" || method == "HEAD" {
            // A GET form's fields replace the query, as a browser does.
            if request.form.is_empty() {
                (target, None)
            } else {
                let path = target.split('?').next().unwrap_or_default().to_string();
                (
                    format!(
                        "{path}?{}",
                        crate::browser::navigation::urlencode(&request.form)
                    ),
                    None,
                )
            }
        } else {
            (target, Some(request.form))
        };
        let step = RequestStep {
            method,
            target,
            form,
            headers: request.headers,
            json: None,
            host,
            from,
        };
        self.step(Step {
            action: scenario::Action::Request(step),
            browser: Some(active),
            explain: None,
        });
    }

    /// Applies one step in its profile (which becomes the active one, so the learner sees
    /// where it happened) and, if it changed anything, appends it to the log and stamps the
    /// timeline entries it made.
    pub fn step(&mut self, step: Step) {
        self.step_effect(step);
    }

    /// [`Workspace::step`], returning the step's effect, or `None` when the page did not step
    /// the world (a browser that is gone or closed, an app that is not running, a code edit,
    /// which restarts the server without being a timeline entry).
    pub fn step_effect(&mut self, step: Step) -> Option<Effect> {
        if let Some(name) = &step.browser {
            if self.browser.profile(name).is_some() {
                self.active_profile = name.clone();
            } else {
                self.say(format!("There is no browser called {name}."));
                return None;
            }
        }
        let step = Step {
            explain: None,
            ..step
        };
        let entries_before = self.timeline.len();
        let effect = self.run_step(&step.action);
        if effect.as_ref().is_some_and(Effect::took_effect) {
            // The learner continues from a cut replay: this state is now the work.
            self.replay_cut = None;
            // The entries it made were stamped with this step's place (see `record`).
            self.log.push(step);
            if self.timeline.len() > entries_before {
                self.keep_views(entries_before);
            }
        }
        effect
    }

    /// Records the state on screen now as the view of the entries from `first` on (the ones the
    /// step just made); [`KeptViews`] lets go of the views it does not keep.
    fn keep_views(&mut self, first: usize) {
        let view = Rc::new(self.snapshot());
        self.views.keep(first, self.timeline.len(), view);
    }

    /// This state as a timeline entry keeps it: what the panes show.
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            editor: self.editor.clone(),
            world: self.world.without_server(),
            active_profile: self.active_profile.clone(),
            server_status: self.server_status,
            pages: self.pages.clone(),
        }
    }

    /// The state right after timeline entry `index` (which exists): its kept view with the
    /// history up to it (shared, not copied), or — for an entry whose view was let go — a
    /// replay of the log.
    pub fn state_after(&self, index: usize) -> Workspace {
        let Some(entry) = self.timeline.get(index) else {
            return Workspace::replay(&self.start, &self.log.slice());
        };
        let steps = entry.steps.min(self.log.len());
        match self.views.get(index) {
            Some(view) => {
                // Entries are stamped with the steps that lead to them, in order.
                let entries = self
                    .timeline
                    .slice()
                    .partition_point(|entry| entry.steps <= steps);
                let Snapshot {
                    editor,
                    world,
                    active_profile,
                    server_status,
                    pages,
                } = (*view).clone();
                Workspace {
                    editor: editor.showing(self.editor.open_file_name()),
                    world,
                    active_profile,
                    server_status,
                    pages,
                    timeline: self.timeline.prefix(entries),
                    notice: None,
                    start: self.start.clone(),
                    log: self.log.prefix(steps),
                    rewind: None,
                    lesson: None,
                    saved: self.saved.clone(),
                    share_link: None,
                    views: self.views.prefix(entries),
                    replay_cut: None,
                }
            }
            None => Workspace::replay(&self.start, &self.log.slice()[..steps]),
        }
    }

    /// Carries out `action` in the active profile through the world and shows its effect;
    /// returns whether it took effect (a refused action explains itself in the notice and is
    /// not logged).
    fn run_step(&mut self, action: &scenario::Action) -> Option<Effect> {
        let active = self.active_profile.clone();
        match action {
            scenario::Action::EditCode(code) => {
                self.editor.set_code(code.clone());
                self.reload_server();
                // reload_server logs its own edit_code step.
                return None;
            }
            scenario::Action::EditFiles(changes) => {
                // Written into the editor's files; the restart that follows (an edit_code step
                // in the page's own log) serves them and logs this step.
                self.editor.change_files(changes);
                return None;
            }
            scenario::Action::Request(request) => {
                let asked = scenario::action::navigation_request(request);
                return self.send(action.clone(), Some(asked));
            }
            scenario::Action::Back | scenario::Action::Forward | scenario::Action::Reload => {
                return self.send(action.clone(), None);
            }
            _ => {}
        }
        let effect = self.world.apply(&Step {
            action: action.clone(),
            browser: Some(active.clone()),
            explain: None,
        });
        let Effect {
            profile, at, kind, ..
        } = effect.clone();
        match kind {
            EffectKind::Started(result) => {
                // A session mode switch restarts the served code; the editor may be ahead of it.
                self.server_status = if result.is_ok() {
                    ServerStatus::Running
                } else {
                    ServerStatus::Error
                };
                if self.edited() {
                    self.server_status = ServerStatus::Reloading;
                }
            }
            EffectKind::Closed(report) => {
                self.pages.retain(|page| page.profile != active);
                self.record(at, Some(&active), TimelineKind::Close, report.to_string());
                if report.discarded_private_window {
                    self.active_profile = self.browser.profiles()[0].name.clone();
                }
            }
            EffectKind::Opened => self.record(
                at,
                Some(&active),
                TimelineKind::Open,
                "browser opened".to_string(),
            ),
            EffectKind::PrivateWindowOpened => self.active_profile = profile,
            EffectKind::ClockMoved { seconds, expired } => {
                let now = self.browser.clock.now();
                let mut summary = format!(
                    "clock +{} → {}",
                    describe_seconds(seconds),
                    format_instant(now)
                );
                for (name, cookie) in expired {
                    let expired_at = cookie.expires.map(format_instant).unwrap_or_default();
                    summary.push_str(&format!(
                        "; {name}'s cookie {} expired at {expired_at}",
                        cookie.key()
                    ));
                }
                self.record(now, None, TimelineKind::ClockJump, summary);
            }
            EffectKind::CookieSet { name, existed } => {
                let verb = if existed { "edited" } else { "added" };
                self.record(
                    at,
                    Some(&active),
                    TimelineKind::CookieEdit,
                    format!("cookie {name} {verb} in the dev tools"),
                );
            }
            EffectKind::SessionForged { secret, .. } => {
                let summary =
                    format!("session cookie signed in the dev tools with the key {secret:?}");
                self.record(at, Some(&active), TimelineKind::CookieEdit, summary);
            }
            EffectKind::CookiesDeleted { name } => {
                self.record(
                    at,
                    Some(&active),
                    TimelineKind::CookieEdit,
                    format!("cookie {name} deleted in the dev tools"),
                );
            }
            EffectKind::CookieCopied { name, to } => {
                let summary = format!("cookie {name} copied into {to}'s browser");
                self.record(at, Some(&active), TimelineKind::CookieEdit, summary);
            }
            EffectKind::Refused(note @ StepNote::CookieRefused(_)) => {
                let mut text = note.to_string();
                text.push('.');
                self.say(text);
            }
            EffectKind::ContinueWhereLeftOff(_)
            | EffectKind::Unchanged
            | EffectKind::Refused(_)
            | EffectKind::Request(_) => {}
        }
        Some(effect)
    }

    /// "Stop" ended an action still running in the engine worker (see `engine_worker`): it made
    /// no step, so only the timeline (an entry with no exchange, which a rewind shows as the state
    /// before it) and the notice say what happened.
    pub(crate) fn stopped_by_you(&mut self, what: &str, millis: u64) {
        let before = self.timeline.len();
        let active = self.active_profile.clone();
        let seconds = format!("{}.{}", millis / 1000, millis % 1000 / 100);
        // It made no step: the state after it is the one before it.
        let steps = self.log.len();
        self.record_at(
            self.browser.clock.now(),
            Some(&active),
            TimelineKind::Request,
            format!("{what}: stopped by you after {seconds} s"),
            steps,
        );
        self.keep_views(before);
        self.say(format!(
            "Stopped: {what} was still running after {seconds} s, so it was not sent. The app and the browsers are as they were before it."
        ));
    }

    /// The name of the profile the panes show.
    pub fn active_profile(&self) -> &str {
        &self.active_profile
    }

    /// The profile switcher chose `name`: the panes show it (a stale name, e.g. a closed private
    /// window's, is ignored rather than trusted).
    pub(crate) fn select_profile(&mut self, name: &str) {
        if self.browser.profile(name).is_some() {
            self.active_profile = name.to_string();
        }
    }

    /// Whether the server runs the editor's code, is about to reload, or failed to start.
    pub fn server_status(&self) -> ServerStatus {
        self.server_status
    }

    /// Each profile's page (absent before its first request and after its browser closed).
    pub fn pages(&self) -> &[PageView] {
        &self.pages
    }

    /// Where this workspace started: replaying [`Workspace::log`] from it rebuilds this state.
    pub fn start_point(&self) -> &Start {
        &self.start
    }

    /// The start no longer names a lesson (the lesson was closed; its work stays).
    pub(crate) fn forget_start_lesson(&mut self) {
        self.start.lesson = None;
    }

    /// The lesson being followed, if any.
    pub fn lesson(&self) -> Option<&LessonRun> {
        self.lesson.as_ref()
    }

    /// The lesson being followed, to change its run (its next step, results, hand-in): the
    /// lesson's transitions live in `lesson_run`.
    pub(super) fn lesson_mut(&mut self) -> Option<&mut LessonRun> {
        self.lesson.as_mut()
    }

    /// Follows `lesson` from now on (`None`: no lesson; the work stays).
    pub(super) fn set_lesson(&mut self, lesson: Option<LessonRun>) {
        self.lesson = lesson;
    }

    /// Stops following the lesson and returns its run (to carry it into another state).
    pub(super) fn take_lesson(&mut self) -> Option<LessonRun> {
        self.lesson.take()
    }

    /// Saved workspaces and lesson progress (shared between successive states).
    pub fn saved(&self) -> &Rc<SavedWork> {
        &self.saved
    }

    /// The saved work, to change it (a copy is made only if another state shares it): saving,
    /// merging and progress are `SavedWork`'s own operations.
    pub(super) fn saved_mut(&mut self) -> &mut SavedWork {
        Rc::make_mut(&mut self.saved)
    }

    /// Keeps `saved` as this workspace's saved work.
    pub(super) fn set_saved(&mut self, saved: Rc<SavedWork>) {
        self.saved = saved;
    }

    /// The page the active profile shows, if any.
    pub fn active_page(&self) -> Option<&PageView> {
        self.pages
            .iter()
            .find(|page| page.profile == self.active_profile)
    }

    /// Whether the editor holds code or files the server does not run yet.
    pub fn edited(&self) -> bool {
        self.editor.code() != self.served_code || self.editor.files() != self.world.files()
    }

    /// The editor's buffers: the code, the other files and the tab on screen.
    pub fn editor(&self) -> &EditorBuffers {
        &self.editor
    }

    /// The app's source as the editor holds it.
    pub fn code(&self) -> &str {
        self.editor.code()
    }

    /// The learner typed `code` into `app.py`: the server reloads after the pause unless it
    /// already runs this code.
    pub(crate) fn edit_code(&mut self, code: String) {
        if code != self.served_code {
            self.server_status = ServerStatus::Reloading;
        }
        self.editor.set_code(code);
    }

    /// The learner typed `text` into the tab on screen (`app.py`'s code or a project file).
    pub(crate) fn edit_open_file(&mut self, text: String) {
        match self.editor.open_file() {
            None => self.edit_code(text),
            Some(path) => {
                let path = path.to_string();
                self.write_files(&[(path, Some(text))]);
            }
        }
    }

    /// Shows the editor's tab `name` (`app.py` or a project file; another name changes nothing).
    pub(crate) fn open_tab(&mut self, name: &str) {
        self.editor.open(name);
    }

    /// The learner's editor buffers carried into this state (continuing from a past state keeps
    /// the work): the server reloads after the pause if they differ from what it serves.
    pub(crate) fn keep_editor(&mut self, editor: EditorBuffers) {
        self.editor = editor;
        if self.edited() {
            self.server_status = ServerStatus::Reloading;
        }
    }

    /// Writes (`Some`) or deletes (`None`) project files in the editor; the reloader serves
    /// them after the pause, as it does typed code.
    pub(crate) fn write_files(&mut self, changes: &[(String, Option<String>)]) {
        let changes: crate::flask::project::FileChanges = changes.iter().cloned().collect();
        if self.editor.change_files(&changes) {
            self.server_status = ServerStatus::Reloading;
        }
    }

    /// "Add file": an empty file at `path` if a project may hold it (the rules links and
    /// lessons follow), its tab opened; else the notice says why.
    pub(crate) fn add_file(&mut self, path: &str) {
        if path.is_empty() {
            self.say("Type a path for the new file, e.g. templates/index.html.");
            return;
        }
        if path == APP_FILE || self.editor.files().get(path).is_some() {
            self.say(format!("The project already has a file called {path}."));
            return;
        }
        let files = self
            .editor
            .files()
            .with_changes(&[(path.to_string(), Some(String::new()))].into());
        if let Err(why) = crate::flask::project::check_files(files.iter()) {
            self.say(format!("The file was not added: {why}."));
            return;
        }
        self.write_files(&[(path.to_string(), Some(String::new()))]);
        self.editor.open(path);
    }

    /// "Rename": the file at `from` moves to `to` (its tab follows), if a project may hold it
    /// there; else the notice says why and nothing changes.
    pub(crate) fn rename_file(&mut self, from: &str, to: &str) {
        let Some(text) = self.editor.files().get(from).map(str::to_string) else {
            return;
        };
        if to == from {
            return;
        }
        if to == APP_FILE || self.editor.files().get(to).is_some() {
            self.say(format!("The project already has a file called {to}."));
            return;
        }
        let changes = [(from.to_string(), None), (to.to_string(), Some(text))];
        let files = self
            .editor
            .files()
            .with_changes(&changes.iter().cloned().collect());
        if let Err(why) = crate::flask::project::check_files(files.iter()) {
            self.say(format!("{from} was not renamed: {why}."));
            return;
        }
        self.write_files(&changes);
        self.editor.open(to);
    }

    /// The startup error, or the last request's unhandled one, with its severity and the file
    /// and line it happened on: the deepest frame of its traceback in `app.py` or a project
    /// file (a template's line, as Jinja2 puts it in the traceback).
    pub fn error_place(&self) -> Option<(&AppError, &'static str, String, usize)> {
        let (error, severity) = match (&self.startup_error, &self.request_error) {
            (Some(error), _) => (error, "error"),
            (None, Some(error)) => (error, "warning"),
            (None, None) => return None,
        };
        let (file, line) = error_place(&error.traceback, |file| {
            file == APP_FILE || self.editor.files().get(file).is_some()
        })?;
        Some((error, severity, file, line))
    }

    /// The errors the editor marks on the tab on screen (see [`Workspace::error_place`]).
    pub fn editor_marks(&self) -> Vec<EditorMark> {
        self.error_place()
            .filter(|(_, _, file, _)| file == self.editor.open_file_name())
            .map(|(error, severity, _, line)| EditorMark {
                line,
                severity: severity.to_string(),
                message: format!("{}: {}", error.type_name, error.message),
            })
            .into_iter()
            .collect()
    }

    /// The active profile's session cookie taken apart, as the dev tools' decoder shows it.
    pub fn session_inspection(&self) -> Option<(String, SessionInspection)> {
        let settings = self.session_settings.as_ref()?;
        let now = self.browser.clock.now();
        let cookie = self
            .active()
            .jar
            .list(now)
            .into_iter()
            .find(|cookie| cookie.name == settings.cookie_name)?;
        let inspection = inspect(
            &cookie.value,
            settings.secret_key.as_deref(),
            now,
            settings.max_age,
        );
        Some((cookie.value.clone(), inspection))
    }

    /// The timeline entries that are requests, oldest first (the Network list).
    pub fn requests(&self) -> impl DoubleEndedIterator<Item = Rc<TimelineEntry>> + '_ {
        self.timeline
            .iter()
            .filter(|entry| entry.kind == TimelineKind::Request)
    }

    /// Which timeline entries keep a view for an instant rewind, oldest first.
    #[cfg(test)]
    pub(super) fn kept_views(&self) -> Vec<bool> {
        self.views.kept()
    }

    /// Every action so far, oldest first (each entry shared, never changed once made).
    pub fn timeline(&self) -> &SharedLog<Rc<TimelineEntry>> {
        &self.timeline
    }

    /// Every effective step since the start: replaying them from [`Workspace::start_point`]
    /// rebuilds this state.
    pub fn log(&self) -> &SharedLog<Step> {
        &self.log
    }

    /// Whether no server was ever started in this workspace (the page's default one, before
    /// its load-time work): nothing runs, nothing failed to start, nothing was served.
    pub(crate) fn never_started(&self) -> bool {
        !self.server.is_running() && self.startup_error.is_none() && self.served_code.is_empty()
    }

    /// Starts the editor's code as the app (the browsers and their cookies stay as they are,
    /// as with `flask run --debug`'s reloader).
    pub(crate) fn reload_server(&mut self) {
        // Files the editor changed are written first (one step), so the one restart serves
        // them with the code.
        let changes = self.world.files().changes_to(self.editor.files());
        if !changes.is_empty() {
            self.log
                .push(Step::new(scenario::Action::EditFiles(changes)));
            self.world.set_files(self.editor.files().clone());
        }
        // The start's own code needs no step (replay serves it first); any other code does.
        if !(self.log.is_empty() && self.editor.code() == self.start.code) {
            self.replay_cut = None;
            self.log.push(Step::new(scenario::Action::EditCode(
                self.editor.code().to_string(),
            )));
        }
        let code = self.editor.code().to_string();
        self.server_status = match self.world.start(&code).kind {
            EffectKind::Started(Ok(())) => ServerStatus::Running,
            _ => ServerStatus::Error,
        };
    }

    /// Sends a request from the active browser; returns whether it was sent (a refused one
    /// explains itself in the notice and is not a step). `asked` is what the learner asked
    /// for, for a new navigation (what "send again" repeats).
    fn send(
        &mut self,
        action: scenario::Action,
        asked: Option<NavigationRequest>,
    ) -> Option<Effect> {
        // A request is always served by the code in the editor, even inside the reload pause.
        if self.edited() {
            self.reload_server();
        }
        if let Some(error) = &self.startup_error {
            self.say(format!(
                "The app did not start ({}: {}), so nothing answers. See the server log.",
                error.type_name, error.message
            ));
            return None;
        }
        if !self.server.is_running() {
            self.say("There is no server to answer: the simulated Flask app is not running.");
            return None;
        }
        let active = self.active_profile.clone();
        if !self.active().open {
            self.say(format!("{active}'s browser is closed: open it first."));
            return None;
        }
        let button = match action {
            scenario::Action::Back => Some("back"),
            scenario::Action::Forward => Some("forward"),
            scenario::Action::Reload => Some("reload"),
            _ => None,
        };
        let effect = self.world.apply(&Step {
            action,
            browser: Some(active.clone()),
            explain: None,
        });
        let (at, exchange) = match effect.kind.clone() {
            EffectKind::Request(exchange) => (effect.at, exchange),
            EffectKind::Refused(StepNote::NoHistoryEntry) => {
                let nothing = match button {
                    Some("forward") => "no later page to go forward to",
                    Some("reload") => "no page to reload",
                    _ => "no earlier page to go back to",
                };
                self.say(format!("{active}'s browser has {nothing}."));
                return Some(effect);
            }
            EffectKind::Refused(StepNote::Navigation(why)) => {
                self.say(format!("The browser could not send that request: {why}."));
                return None;
            }
            _ => return Some(effect),
        };
        let Exchange {
            outcome,
            traces,
            error,
            seen,
            site,
            subresources,
        } = exchange;
        let page = PageView::from_outcome(&active, &outcome, &subresources);
        let mut summary = String::new();
        if let Some(button) = button {
            summary.push_str(button);
            summary.push_str(": ");
        }
        for (index, hop) in outcome.hops.iter().enumerate() {
            if index > 0 {
                summary.push_str(" → ");
            }
            let method = &hop.request.method;
            summary.push_str(&format!(
                "{method} {} {}",
                // Another site's requests show its host (issue 20).
                if hop.url.host == self.browser.site_host() {
                    hop.url.path_and_query()
                } else {
                    hop.url.to_string()
                },
                hop.response.status
            ));
        }
        if let Some(stop) = &page.stopped {
            summary.push_str(&format!(" ({stop})"));
        }
        // Issue 20: which site the request came from, when it was another one.
        if site.is_cross_site() {
            summary.push_str(&format!(" ({site})"));
        }
        let request = asked.unwrap_or_else(|| NavigationRequest::get(&page.url));
        self.pages.retain(|page| page.profile != active);
        self.pages.push(page);
        // Stamped with the place of the step being carried out, logged right after.
        self.timeline.push(Rc::new(TimelineEntry {
            at,
            profile: Some(active),
            kind: TimelineKind::Request,
            summary,
            exchange: Some(outcome),
            request: Some(request),
            error,
            traces,
            seen: Some(seen),
            subresources,
            steps: self.log.len() + 1,
        }));
        // A request that failed in a template opens the template's tab, where its line is
        // marked (as a failure in app.py is marked there).
        if let Some((_, _, file, _)) = self.error_place()
            && file != APP_FILE
        {
            self.editor.open(&file);
        }
        Some(effect)
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

    /// Adds an entry made by the step being carried out: it is stamped with that step's place in
    /// the log (the step is logged right after, once it took effect).
    fn record(&mut self, at: i64, profile: Option<&str>, kind: TimelineKind, summary: String) {
        let steps = self.log.len() + 1;
        self.record_at(at, profile, kind, summary, steps);
    }

    /// Adds an entry that leads to the state after `steps` steps of the log.
    fn record_at(
        &mut self,
        at: i64,
        profile: Option<&str>,
        kind: TimelineKind,
        summary: String,
        steps: usize,
    ) {
        let profile = profile.map(str::to_string);
        self.timeline.push(Rc::new(TimelineEntry {
            at,
            profile,
            kind,
            summary,
            exchange: None,
            request: None,
            error: None,
            traces: Rc::default(),
            seen: None,
            subresources: Rc::default(),
            steps,
        }));
    }
}

/// Why a cookie name typed into the dev tools' "add" row cannot be stored, if it cannot
/// (a name is required here; the rest is what Chromium's dev tools refuse).
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
    // The rest is Chromium's rule for hand-set names (one place: `browser::devtools`).
    crate::browser::devtools::check_pair(name, "x").map_err(|why| why.to_string())
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
    error_place(traceback, |file| file == "app.py").map(|(_, line)| line)
}

/// The file and line of the innermost frame of a traceback in CPython's format whose file
/// `in_project` accepts (`File "templates/index.html", line 5, in template`).
///
/// ```
/// use session_playground::ui::state::error_place;
/// let traceback = "  File \"app.py\", line 6, in index\n  File \"templates/a.html\", line 2, in template\n";
/// assert_eq!(error_place(traceback, |_| true), Some(("templates/a.html".to_string(), 2)));
/// assert_eq!(error_place(traceback, |f| f == "app.py"), Some(("app.py".to_string(), 6)));
/// ```
pub fn error_place(traceback: &str, in_project: impl Fn(&str) -> bool) -> Option<(String, usize)> {
    traceback
        .lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix("File \"")?;
            let (file, rest) = rest.split_once("\", line ")?;
            let line = rest
                .split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()?;
            in_project(file).then(|| (file.to_string(), line))
        })
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
    if out.is_empty() {
        "0s".to_string()
    } else {
        out.join(" ")
    }
}

/// A form inside the page at `page_url`, as the request the browser sends when it is submitted
/// (an empty `action` means the page's own URL, as in HTML).
pub fn form_submission(
    method: &str,
    action: &str,
    fields: Vec<(String, String)>,
    page_url: &str,
) -> NavigationRequest {
    let method = if method.eq_ignore_ascii_case("post") {
        "POST"
    } else {
        "GET"
    };
    let url = if action.trim().is_empty() {
        page_url
    } else {
        action
    };
    NavigationRequest {
        method: method.to_string(),
        url: url.to_string(),
        form: fields,
        ..NavigationRequest::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::Cookie;
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
            _ => Response {
                status: 404,
                headers: vec![],
                body: b"not found".to_vec(),
            },
        }
    }

    fn with_counting_server() -> Workspace {
        with_server(counting_server)
    }

    /// The default workspace with `server` answering as its app.
    fn with_server(server: impl AppServer + 'static) -> Workspace {
        let workspace = Workspace::default();
        Workspace {
            world: workspace
                .world
                .clone()
                .with_server(workspace.code(), server),
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
        assert_eq!(
            (workspace.server_status, workspace.served_code.as_str()),
            (ServerStatus::Running, second.as_str())
        );
    }

    #[test]
    fn a_startup_error_is_logged_and_requests_explain_it() {
        let code = "from flask import Flask, session\napp = Flask(__name__)\nsession['x'] = 1\n";
        let workspace = Workspace::started()
            .apply(Action::EditCode(code.into()))
            .apply(Action::ReloadServer);
        assert_eq!(workspace.server_status, ServerStatus::Error);
        let error = workspace.startup_error.as_ref().unwrap();
        assert_eq!(error.type_name, "RuntimeError");
        assert!(
            error
                .message
                .starts_with("Working outside of request context.")
        );
        assert!(
            workspace.server_log.contains("line 3, in <module>"),
            "{}",
            workspace.server_log
        );
        let marks = workspace.editor_marks();
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].line, marks[0].severity.as_str()), (3, "error"));
        assert!(
            marks[0]
                .message
                .starts_with("RuntimeError: Working outside of request context.")
        );
        let asked = workspace.apply(Action::Navigate("/".into()));
        assert!(asked.notice().unwrap().contains("did not start"));
        assert_eq!(asked.requests().count(), 0);
    }

    #[test]
    fn print_output_and_tracebacks_reach_the_server_log() {
        let code = "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef index():\n    print('hello from the view')\n    return {}['missing']\n";
        let workspace = Workspace::started()
            .apply(Action::EditCode(code.into()))
            .apply(Action::Navigate("/".into()));
        assert_eq!(workspace.active_page().unwrap().status, 500);
        assert!(
            workspace.server_log.contains("hello from the view\n"),
            "{}",
            workspace.server_log
        );
        assert!(
            workspace.server_log.contains("KeyError: 'missing'"),
            "{}",
            workspace.server_log
        );
        let marks = workspace.editor_marks();
        assert_eq!(
            (
                marks[0].line,
                marks[0].severity.as_str(),
                marks[0].message.as_str()
            ),
            (6, "warning", "KeyError: 'missing'")
        );
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
        assert_eq!(
            workspace.active_page().unwrap().url,
            "http://localhost/count"
        );
        let closed = workspace.apply(Action::CloseBrowser);
        assert_eq!(closed.active_page(), None);
        let again = closed
            .apply(Action::OpenBrowser)
            .apply(Action::Navigate("/count".into()));
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
        assert_eq!(first.notice(), Some("Alice has not sent a request yet."));
        let workspace = with_counting_server()
            .apply(Action::Navigate("/count".into()))
            .apply(Action::Resend);
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
        let idle = Workspace::default();
        let no_server = Workspace {
            world: idle.world.clone().with_served_code(crate::ui::SEED_APP),
            ..idle
        }
        .apply(Action::Navigate("/count".into()));
        assert!(no_server.notice().unwrap().contains("no server"));
        assert!(no_server.timeline.is_empty());
        let closed = with_counting_server()
            .apply(Action::CloseBrowser)
            .apply(Action::Navigate("/count".into()));
        assert_eq!(
            closed.notice(),
            Some("Alice's browser is closed: open it first.")
        );
        let bad = with_counting_server().apply(Action::Navigate("http://[oops/".into()));
        assert!(
            bad.notice()
                .unwrap()
                .starts_with("The browser could not send that request")
        );
        let blank = with_counting_server().apply(Action::Navigate("   ".into()));
        assert!(blank.timeline.is_empty() && blank.notice.is_none());
    }

    /// A workspace whose active profile got `set_cookie` from a response to `GET /`.
    fn with_cookie(set_cookie: &str) -> Workspace {
        let header = set_cookie.to_string();
        let server = move |_: &Request, _: i64| Response {
            status: 200,
            headers: vec![("Set-Cookie".to_string(), header.clone())],
            body: Vec::new(),
        };
        with_server(server).apply(Action::Navigate("/".into()))
    }

    fn cookie_names(workspace: &Workspace, profile: &str) -> Vec<String> {
        let now = workspace.browser.clock.now();
        let profile = workspace.browser.profile(profile).unwrap();
        profile
            .jar
            .list(now)
            .into_iter()
            .map(|cookie: &Cookie| cookie.name.clone())
            .collect()
    }

    #[test]
    fn forms_post_only_when_they_say_so() {
        let fields = vec![("username".to_string(), "alice".to_string())];
        let post = form_submission("post", "/login", fields.clone(), "http://localhost/");
        assert_eq!(
            (post.method.as_str(), post.url.as_str()),
            ("POST", "/login")
        );
        assert_eq!(post.form, fields);
        let here = form_submission("", " ", vec![], "http://localhost/count");
        assert_eq!(
            (here.method.as_str(), here.url.as_str()),
            ("GET", "http://localhost/count")
        );
        assert_eq!(
            form_submission("dialog", "/x", vec![], "http://localhost/").method,
            "GET"
        );
    }

    #[test]
    fn alice_is_active_and_both_browsers_open_at_load() {
        let workspace = Workspace::default();
        assert_eq!(workspace.active().name, "Alice");
        let names: Vec<&str> = workspace
            .browser
            .profiles()
            .iter()
            .map(|profile| profile.name.as_str())
            .collect();
        assert_eq!(names, STARTING_PROFILES);
        assert!(
            workspace
                .browser
                .profiles()
                .iter()
                .all(|profile| profile.open)
        );
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
        let notice = workspace.notice().map(str::to_string);
        assert!(notice.is_some());
        let code = workspace.code().to_string();
        let workspace = workspace
            .apply(Action::ReloadIfUnchanged(code.clone()))
            .apply(Action::EditCode(code));
        assert_eq!(workspace.notice, notice);
        assert_eq!(workspace.apply(Action::AdvanceClockSeconds(1)).notice, None);
    }

    #[test]
    fn the_notice_line_says_one_thing_or_puts_the_first_thing_first() {
        let mut workspace = Workspace::default();
        workspace.say_if_silent("Opened the shared state.");
        assert_eq!(workspace.notice(), Some("Opened the shared state."));
        workspace.say_if_silent("ignored");
        assert_eq!(workspace.notice(), Some("Opened the shared state."));
        workspace.say_first("Only part of the link was replayed.".to_string());
        assert_eq!(
            workspace.notice(),
            Some("Only part of the link was replayed. Opened the shared state.")
        );
        workspace.clear_notice();
        workspace.say_first("Alone.".to_string());
        assert_eq!(workspace.notice(), Some("Alone."));
        workspace.say("Replaced.");
        assert_eq!(workspace.notice(), Some("Replaced."));
    }

    #[test]
    fn editing_code_the_server_already_runs_does_not_ask_for_a_reload() {
        let mut workspace = Workspace::started();
        let served = workspace.served_code.clone();
        workspace.edit_code(served);
        assert_eq!(workspace.server_status, ServerStatus::Running);
        workspace.edit_open_file("print(2)\n".into());
        assert_eq!(
            (workspace.server_status, workspace.code()),
            (ServerStatus::Reloading, "print(2)\n")
        );
    }

    #[test]
    fn a_bad_duration_leaves_the_clock_and_explains() {
        let workspace = Workspace::default().apply(Action::AdvanceClock("soon".to_string()));
        assert_eq!(workspace.clock_text(), "2026-01-01T00:00:00Z");
        let notice = workspace.notice().unwrap();
        assert!(
            notice.starts_with("The clock did not move: \"soon\""),
            "{notice}"
        );
        assert!(workspace.timeline.is_empty());
        assert_eq!(workspace.apply(Action::DismissNotice).notice, None);
    }

    #[test]
    fn editing_a_cookie_changes_the_value_sent_and_is_a_timeline_entry() {
        let workspace = with_cookie("session=abc; Path=/");
        let key = workspace.active().jar.all()[0].key();
        let edited = workspace.apply(Action::EditCookie {
            key: key.clone(),
            value: "forged".into(),
        });
        assert_eq!(edited.active().jar.all()[0].value, "forged");
        assert_eq!(
            edited.timeline.last().unwrap().kind,
            TimelineKind::CookieEdit
        );
        let deleted = edited.apply(Action::DeleteCookie(key));
        assert_eq!(cookie_names(&deleted, "Alice"), Vec::<String>::new());
    }

    #[test]
    fn a_copied_session_cookie_logs_bob_in_as_alice() {
        let alice = Workspace::started()
            .apply(Action::Navigate("/count".into()))
            .apply(Action::Navigate("/count".into()));
        let key = alice.active().jar.all()[0].key();
        let copied = alice.apply(Action::CopyCookie {
            key,
            to: "Bob".into(),
        });
        assert_eq!(
            copied.timeline.last().unwrap().summary,
            "cookie session copied into Bob's browser"
        );
        let bob = copied
            .apply(Action::SelectProfile("Bob".into()))
            .apply(Action::Navigate("/count".into()));
        assert_eq!(bob.active_page().unwrap().body, "Visit number: 3");
    }

    #[test]
    fn bob_does_not_see_alices_cookies() {
        let workspace =
            with_cookie("session=abc; Path=/").apply(Action::SelectProfile("Bob".into()));
        assert_eq!(workspace.active().name, "Bob");
        assert!(workspace.active().jar.all().is_empty());
    }

    #[test]
    fn unknown_profile_is_ignored_and_apply_leaves_the_original_untouched() {
        let before = Workspace::default();
        let after = before.apply(Action::SelectProfile("Mallory".into()));
        assert_eq!(after.active_profile, "Alice");
        let edited = before.apply(Action::EditCode("print(1)\n".into()));
        assert_eq!(before.code(), crate::ui::SEED_APP);
        assert_eq!(edited.code(), "print(1)\n");
    }
}
