//! The one engine every front end steps: a [`World`] is the virtual browser (its profiles, jars
//! and the one clock), the simulated server and how it was started, and [`World::apply`] carries
//! out one [`Step`] in it, returning an [`Effect`] — what the step did, as data. The v1
//! transcript runner ([`crate::scenario::run`]), the lesson player ([`crate::scenario::play`])
//! and the page's reducer (`ui::state`) all step a `World`; each turns effects into its own view
//! (a transcript record, a [`crate::scenario::LessonState`], a timeline entry). None of them
//! touches a jar, the clock or the server itself.
//!
//! A world may also run further sites at host names of a lesson's choosing (issue 20: an
//! attacker's site, a sibling subdomain), each a small Flask app or a static page; requests to
//! their hosts go to them, everything else to the app. Who started a request (the address bar, or
//! a page's link, form or image) is the step's; the jar decides from it which cookies go along.
//!
//! A page shown (an HTML response to a top-level navigation, Back, Forward or Reload) loads its
//! stylesheets here, in the world, not in the page (issues 13 and 18): `browser::subresource`
//! requests each one on the page's origin from the same servers, with the profile's jar, so
//! the requests reach the app (its log, its hooks), their `Set-Cookie`s are stored, and the
//! effect's [`Exchange::subresources`] carries them for the Network panel and the frame (which
//! inlines the applied sheets: the frame itself fetches nothing). The v1 runner turns this off
//! ([`World::without_subresources`]): the contract's browser model sends only a step's requests.
//!
//! Front-end policy stays in the front end: the page refuses a click in a closed browser or in
//! a profile that is gone (a stale link) before stepping, and restarts the server on the
//! editor's code before a request; a `World` opens a closed browser when asked to navigate (as
//! the browser layer does) and creates a profile a step names (as scenario files do).

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use crate::browser::clock::format_instant;
use crate::browser::profile::CloseReport;
use crate::browser::subresource::{Subresource, load_stylesheets};
use crate::browser::{Browser, Cookie, CookieKey, NavigationOutcome, NavigationRequest, Server};
use crate::flask::project::ProjectFiles;
use crate::flask::server::{SessionSettings, StoreItem};
use crate::flask::step_record::Recording;
use crate::flask::trace::SessionTrace;
use crate::flask::{AppError, FlaskServer};
use crate::http;
use crate::scenario::action::{Action, SessionMode, Step, navigation_request};
use crate::scenario::state::SeenSession;

/// A server a world can run: it answers requests and keeps a log (what the app printed,
/// tracebacks), which the world drains after every request. [`FlaskServer`] is the real one;
/// a closure `FnMut(&Request, i64) -> Response` is one too (tests).
pub trait AppServer: Server {
    /// The log written since the last call.
    fn take_log(&mut self) -> String {
        String::new()
    }

    /// The unhandled exception of the last request, if there was one.
    fn last_error(&self) -> Option<AppError> {
        None
    }

    /// How the app signs and reads its session cookie.
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

    /// Every interpreter step the server has run so far (0 for a server that runs no Python).
    fn work_done(&self) -> u64 {
        0
    }

    /// Records the requests that follow line by line (the step-through), if the server can.
    fn start_recording(&mut self) {}

    /// Stops recording and returns the lines recorded.
    fn stop_recording(&mut self) -> Option<Recording> {
        None
    }
}

impl<F: FnMut(&http::Request, i64) -> http::Response> AppServer for F {}

impl AppServer for FlaskServer {
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

    fn work_done(&self) -> u64 {
        FlaskServer::work_done(self)
    }

    fn start_recording(&mut self) {
        FlaskServer::start_recording(self);
    }

    fn stop_recording(&mut self) -> Option<Recording> {
        FlaskServer::stop_recording(self)
    }

    fn server_store(&mut self, now: i64) -> Option<Vec<StoreItem>> {
        match self.session_mode() {
            crate::flask::server::SessionMode::ServerSide { .. } => {
                Some(FlaskServer::server_store(self, now))
            }
            _ => None,
        }
    }
}

/// The running server, shared by the copies of a world (the page keeps successive states;
/// a request mutates the one process, as a real `flask run` does).
#[derive(Clone, Default)]
pub struct ServerHandle(Option<Rc<RefCell<Box<dyn AppServer>>>>);

impl ServerHandle {
    /// A handle to `server`.
    pub fn new(server: impl AppServer + 'static) -> Self {
        ServerHandle(Some(Rc::new(RefCell::new(Box::new(server)))))
    }

    /// Whether a server is running.
    pub fn is_running(&self) -> bool {
        self.0.is_some()
    }

    /// Every interpreter step the running server has taken (0 without one).
    pub fn work_done(&self) -> u64 {
        self.0
            .as_ref()
            .map_or(0, |server| server.borrow().work_done())
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
        f.write_str(if self.0.is_some() {
            "ServerHandle(running)"
        } else {
            "ServerHandle(none)"
        })
    }
}

/// One of a world's further sites (issue 20): a host name and what answers there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherSite {
    /// Its host, e.g. `attacker.test`.
    pub host: String,
    /// What it serves.
    pub content: SiteContent,
    /// Its running app (none for a static page, or when the app failed to start).
    server: ServerHandle,
}

/// What a further site serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteContent {
    /// A Flask app's source (its own `app.py`).
    App(String),
    /// One HTML page, the answer to every request.
    Page(String),
}

/// Sends each request to the server of its host: a further site by its host name, anything
/// else to the app; it keeps the app's session trace of every exchange (one per redirect hop,
/// `None` for another site's).
struct Router<'a> {
    app: &'a mut dyn AppServer,
    sites: Vec<(&'a str, SiteServer<'a>)>,
    traces: Vec<Option<SessionTrace>>,
}

enum SiteServer<'a> {
    App(std::cell::RefMut<'a, Box<dyn AppServer>>),
    Page(&'a str),
    Down,
}

impl Server for Router<'_> {
    fn handle(&mut self, request: &http::Request, now: i64) -> http::Response {
        let host = request.host.split(':').next().unwrap_or_default();
        let Some((_, site)) = self.sites.iter_mut().find(|(name, _)| *name == host) else {
            let response = self.app.handle(request, now);
            self.traces.push(self.app.session_trace());
            return response;
        };
        self.traces.push(None);
        match site {
            SiteServer::App(server) => server.handle(request, now),
            SiteServer::Page(page) => http::Response {
                status: 200,
                headers: vec![(
                    "Content-Type".to_string(),
                    "text/html; charset=utf-8".to_string(),
                )],
                body: page.as_bytes().to_vec(),
            },
            // The site's app failed to start: what `flask run` would leave is no server at all.
            SiteServer::Down => http::Response {
                status: 502,
                headers: vec![(
                    "Content-Type".to_string(),
                    "text/plain; charset=utf-8".to_string(),
                )],
                body: format!("The app of {host} failed to start, so nothing answers there.")
                    .into_bytes(),
            },
        }
    }
}

/// Why a step was not carried out, in the learner's words (the step changes nothing; a lesson
/// plays on, the page says why).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepNote {
    /// A request while the app is not running.
    AppNotRunning,
    /// The browser could not start the navigation.
    Navigation(String),
    /// Back, Forward or Reload with no history entry to go to.
    NoHistoryEntry,
    /// A step names a cookie the profile does not have.
    NoSuchCookie(String),
    /// A copy to a profile that does not exist.
    NoSuchProfile(String),
    /// A hand-set cookie Chromium's dev tools would not store, and why.
    CookieRefused(crate::browser::devtools::DevtoolsRejection),
}

impl fmt::Display for StepNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepNote::AppNotRunning => f.write_str("the app is not running, so nothing answers"),
            StepNote::Navigation(why) => write!(f, "the browser did not send the request: {why}"),
            StepNote::NoHistoryEntry => {
                f.write_str("the browser did not send the request: there is no page to go to")
            }
            StepNote::NoSuchCookie(name) => {
                write!(f, "there is no cookie named {name:?} in this browser")
            }
            StepNote::NoSuchProfile(name) => write!(f, "there is no browser called {name:?}"),
            StepNote::CookieRefused(why) => {
                write!(f, "Chromium would not store that cookie: {why}")
            }
        }
    }
}

/// A request as it went: every exchange, what the server saw and what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// Every exchange, with the cookies sent and stored and why.
    pub outcome: Rc<NavigationOutcome>,
    /// The session as the server saw it in each exchange (redirects included).
    pub traces: Rc<Vec<Option<SessionTrace>>>,
    /// The unhandled exception of the final response, if any.
    pub error: Option<AppError>,
    /// The session the final request carried, as the app read it: from the signed cookie sent
    /// (exactly what Flask verifies), or from the server's trace in the other session modes.
    pub seen: SeenSession,
    /// Who started it: the address bar or the same site, or a page of another site.
    pub site: crate::browser::SiteContext,
    /// The stylesheets the page shown loaded, in document order (empty when the world loads
    /// none, or the response is not a page shown).
    pub subresources: Rc<Vec<Subresource>>,
}

/// What a step did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EffectKind {
    /// Not carried out, and why.
    Refused(StepNote),
    /// Carried out, but nothing changed (opening an open browser, deleting a cookie that is
    /// not there, choosing the mode the app already has).
    Unchanged,
    /// The server (re)started on new code or in another session mode; `Err` when the code
    /// failed to start.
    Started(Result<(), AppError>),
    /// A request (a navigation, Back, Forward or Reload).
    Request(Exchange),
    /// The browser closed.
    Closed(CloseReport),
    /// The browser opened again.
    Opened,
    /// A private window opened; the effect's profile is its name.
    PrivateWindowOpened,
    /// "Continue where you left off" turned on or off.
    ContinueWhereLeftOff(bool),
    /// The clock moved forward; the cookies that expired left their jars then.
    ClockMoved {
        /// How far, in seconds.
        seconds: u64,
        /// Each expired cookie and the profile it left.
        expired: Vec<(String, Cookie)>,
    },
    /// A cookie's value set in the dev tools (Path=/, on the site's host).
    CookieSet {
        /// Its name.
        name: String,
        /// Whether it replaced one (edited) rather than added one.
        existed: bool,
    },
    /// A session cookie signed with a guessed key and stored under the app's cookie name.
    SessionForged {
        /// The cookie name used (the app's `SESSION_COOKIE_NAME`).
        name: String,
        /// The key tried.
        secret: String,
    },
    /// Every cookie of a name deleted in the dev tools.
    CookiesDeleted {
        /// Their name.
        name: String,
    },
    /// A cookie copied into another profile's jar.
    CookieCopied {
        /// Its name.
        name: String,
        /// The receiving profile.
        to: String,
    },
}

/// What one step did, where and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    /// The profile it happened in (for a new private window, the window).
    pub profile: String,
    /// The virtual time when it started, Unix seconds.
    pub at: i64,
    /// The host the playground's site is on (where the dev tools put cookies).
    pub host: String,
    /// What it did.
    pub kind: EffectKind,
}

impl Effect {
    /// Whether the step changed anything (a refused or idle step is not worth logging).
    pub fn took_effect(&self) -> bool {
        !matches!(self.kind, EffectKind::Refused(_) | EffectKind::Unchanged)
    }
}

/// How much of the server log a world keeps: its last 64 KiB, so an app that prints in a loop
/// cannot grow it without bound.
pub const SERVER_LOG_KEPT: usize = 64 * 1024;

/// The browser, the server and the clock, stepped only through [`World::apply`].
///
/// Its fields are read by the front ends (crate-visible for the page's components); nothing
/// outside this module changes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct World {
    /// The virtual browser: the clock and every profile with its jar.
    pub(crate) browser: Browser,
    /// The server the browsers send requests to (none before the first start, or when the code
    /// failed to start).
    pub(crate) server: ServerHandle,
    /// How the app keeps its session.
    pub(crate) session_mode: SessionMode,
    /// The code the server runs (as written; the session mode's lines are added when served).
    pub(crate) served_code: String,
    /// The project's other files (templates, static, data), served with the code.
    pub(crate) files: ProjectFiles,
    /// Why the code failed to start, when it did.
    pub(crate) startup_error: Option<AppError>,
    /// How the running app signs its session (refreshed at each start and request).
    pub(crate) session_settings: Option<SessionSettings>,
    /// The server-side session store after the last request, when the app keeps one.
    pub(crate) server_store: Option<Vec<StoreItem>>,
    /// The unhandled exception of the last request, until the server restarts.
    pub(crate) request_error: Option<AppError>,
    /// The server log: start-ups, what the app printed, tracebacks (the last
    /// [`SERVER_LOG_KEPT`] bytes). Shared, so that copying the world and drawing the log copy
    /// a pointer; the next line appended copies it once.
    pub(crate) server_log: Rc<String>,
    /// The environment the app's process sees (`os.environ`): a lesson's hidden secret key.
    pub(crate) environment: Vec<(String, String)>,
    /// Further sites beside the app, by host (issue 20).
    pub(crate) sites: Vec<OtherSite>,
    /// Whether a page shown loads its stylesheets (`browser::subresource`); off for the
    /// scenario-v1 runner, whose browser model loads none.
    pub(crate) loads_subresources: bool,
}

impl World {
    /// Browsers `profiles` (open, empty jars) at `clock`, in session mode `mode`; no server yet
    /// ([`World::start`] starts one).
    pub fn new(profiles: &[String], clock: i64, mode: SessionMode) -> World {
        let names: Vec<&str> = profiles.iter().map(String::as_str).collect();
        let mut browser = Browser::with_profiles(&names);
        browser.clock.set(clock);
        World {
            browser,
            server: ServerHandle::default(),
            session_mode: mode,
            served_code: String::new(),
            files: ProjectFiles::default(),
            startup_error: None,
            session_settings: None,
            server_store: None,
            request_error: None,
            server_log: Rc::default(),
            environment: Vec::new(),
            sites: Vec::new(),
            loads_subresources: true,
        }
    }

    /// The same world whose browser loads no stylesheet of the pages it shows (the
    /// scenario-v1 contract's browser model: only the requests a step makes).
    pub fn without_subresources(mut self) -> World {
        self.loads_subresources = false;
        self
    }

    /// The same world with the app at `host` instead of `localhost` (set before any site: a
    /// site cannot take the app's host).
    pub fn with_app_host(mut self, host: Option<&str>) -> World {
        if let Some(host) = host {
            self.browser.host = host.to_string();
        }
        self
    }

    /// The same world with a further site at `host` (a Flask app is started now, at the
    /// world's time; one that fails to start leaves its traceback in the server log and answers
    /// 502). A site already at `host` is replaced; the app's own host cannot be taken.
    pub fn with_site(mut self, host: &str, content: SiteContent) -> World {
        if host == self.browser.site_host() {
            return self;
        }
        let server = match &content {
            SiteContent::Page(_) => ServerHandle::default(),
            SiteContent::App(code) => match FlaskServer::load_project(
                code,
                &ProjectFiles::default(),
                self.now(),
                crate::python::HostConfig::default(),
            ) {
                Ok(server) => ServerHandle::new(server),
                Err(error) => {
                    self.log(&format!(" * The app of {host} failed to start:\n"));
                    self.log(&error.traceback);
                    ServerHandle::default()
                }
            },
        };
        self.sites.retain(|site| site.host != host);
        self.sites.push(OtherSite {
            host: host.to_string(),
            content,
            server,
        });
        self
    }

    /// The further sites, in the order they were added.
    pub fn sites(&self) -> &[OtherSite] {
        &self.sites
    }

    /// The same world whose app runs with `environment` (name, value) in `os.environ`, from its
    /// next start on.
    pub fn with_environment<'a>(
        mut self,
        environment: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> World {
        self.environment = environment
            .into_iter()
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        self
    }

    /// The same world with `server` answering (tests use a closure as the app).
    pub fn with_server(mut self, code: &str, server: impl AppServer + 'static) -> World {
        self.server = ServerHandle::new(server);
        self.served_code = code.to_string();
        self
    }

    /// The same world on no server, for code that only looks at it (a kept view: holding the
    /// server would keep a replaced app's interpreter alive).
    pub fn without_server(&self) -> World {
        World {
            server: ServerHandle::default(),
            ..self.clone()
        }
    }

    /// The same world as if `code` had been served, with no server running (a test of what
    /// happens when nothing answers).
    pub fn with_served_code(mut self, code: &str) -> World {
        self.served_code = code.to_string();
        self
    }

    /// The same world in a project folder holding `files` beside `app.py` (read at the next
    /// start, as a reloader would).
    pub fn with_files(mut self, files: ProjectFiles) -> World {
        self.files = files;
        self
    }

    /// Replaces the project's files without restarting (the page writes them just before it
    /// restarts the server on new code, so one restart serves both).
    pub(crate) fn set_files(&mut self, files: ProjectFiles) {
        self.files = files;
    }

    /// The project's files beside `app.py`.
    pub fn files(&self) -> &ProjectFiles {
        &self.files
    }

    /// The virtual browser.
    pub fn browser(&self) -> &Browser {
        &self.browser
    }

    /// The virtual time, Unix seconds.
    pub fn now(&self) -> i64 {
        self.browser.clock.now()
    }

    /// The running server, if any (the step-through records through it).
    pub fn server(&self) -> &ServerHandle {
        &self.server
    }

    /// The session mode.
    pub fn session_mode(&self) -> SessionMode {
        self.session_mode
    }

    /// The code the server was last started on.
    pub fn served_code(&self) -> &str {
        &self.served_code
    }

    /// Why the code failed to start, if it did.
    pub fn startup_error(&self) -> Option<&AppError> {
        self.startup_error.as_ref()
    }

    /// How the running app signs its session.
    pub fn session_settings(&self) -> Option<&SessionSettings> {
        self.session_settings.as_ref()
    }

    /// The server log.
    pub fn server_log(&self) -> &str {
        &self.server_log
    }

    /// The server log, shared (for the page, which draws it again only when it changed).
    pub fn server_log_shared(&self) -> Rc<String> {
        Rc::clone(&self.server_log)
    }

    /// Starts (or restarts) the server on `code` in the current session mode: the same as an
    /// `edit_code` step.
    pub fn start(&mut self, code: &str) -> Effect {
        self.apply(&Step::new(Action::EditCode(code.to_string())))
    }

    /// Carries out `step` in its profile (`None`: the first profile; a profile the step names
    /// is created if there is none, as scenario files bring browsers into being).
    pub fn apply(&mut self, step: &Step) -> Effect {
        let profile = match &step.browser {
            Some(name) => name.clone(),
            None => self
                .browser
                .profiles()
                .first()
                .map_or_else(|| "default".to_string(), |p| p.name.clone()),
        };
        self.browser.profile_or_create(&profile);
        let at = self.now();
        let host = self.browser.site_host();
        let mut effect_profile = profile.clone();
        let kind = match &step.action {
            Action::EditCode(code) => self.load(code),
            Action::EditFiles(changes) => {
                let files = self.files.with_changes(changes);
                if files == self.files {
                    EffectKind::Unchanged
                } else {
                    // The reloader watches every file of the project, not only app.py.
                    self.files = files;
                    let code = self.served_code.clone();
                    self.load(&code)
                }
            }
            Action::SetSessionMode(mode) if *mode == self.session_mode => EffectKind::Unchanged,
            Action::SetSessionMode(mode) => {
                // Another session interface is another app: the server restarts with it (the
                // browsers keep their cookies, as across a reload).
                self.session_mode = *mode;
                let code = self.served_code.clone();
                let kind = self.load(&code);
                self.log(&format!(" * Session mode: {}\n", mode.as_str()));
                kind
            }
            Action::Request(request) => {
                let mut navigation = navigation_request(request);
                if request.host.is_none() && !self.sites.is_empty() {
                    // A path is on the app's own site, wherever the profile's page is now; a
                    // page that started it is judged against the app's real host.
                    navigation.url = format!("{}{}", self.browser.site_origin(), request.target);
                    if let Some(from) = &request.from {
                        let page = crate::browser::Url::parse(&format!("http://{}/", from.host));
                        if let (Ok(page), Ok(target)) =
                            (page, crate::browser::Url::parse(&navigation.url))
                        {
                            navigation.site =
                                crate::browser::SiteContext::between(&page, &target, from.by);
                        }
                    }
                }
                self.send(&profile, Traversal::New(navigation))
            }
            Action::Back => self.send(&profile, Traversal::Back),
            Action::Forward => self.send(&profile, Traversal::Forward),
            Action::Reload => self.send(&profile, Traversal::Reload),
            Action::CloseBrowser => match self.browser.close(&profile) {
                Some(report) => EffectKind::Closed(report),
                None => EffectKind::Unchanged,
            },
            Action::OpenBrowser => {
                let closed = self.browser.profile(&profile).is_some_and(|p| !p.open);
                if closed && self.browser.reopen(&profile) {
                    EffectKind::Opened
                } else {
                    EffectKind::Unchanged
                }
            }
            Action::OpenPrivateWindow => {
                effect_profile = self.browser.open_private_window();
                EffectKind::PrivateWindowOpened
            }
            Action::ContinueWhereLeftOff(keep) => match self.browser.profile_mut(&profile) {
                Some(p) if p.continue_where_left_off != *keep => {
                    p.continue_where_left_off = *keep;
                    EffectKind::ContinueWhereLeftOff(*keep)
                }
                _ => EffectKind::Unchanged,
            },
            Action::AdvanceClock(seconds) => self.advance_clock(*seconds),
            Action::SetCookie { name, value } => 'set: {
                // Checked here, where every dev-tools step passes (typed, replayed, from a link).
                if let Err(why) = crate::browser::devtools::check_pair(name, value) {
                    break 'set EffectKind::Refused(StepNote::CookieRefused(why));
                }
                let p = self.browser.profile_or_create(&profile);
                let existed = p
                    .jar
                    .list(at)
                    .iter()
                    .any(|cookie| cookie.name == *name && cookie.path == "/");
                p.jar.set_value(&host, name, value, at);
                EffectKind::CookieSet {
                    name: name.clone(),
                    existed,
                }
            }
            Action::ForgeSession { secret, data } => {
                let name = self
                    .session_settings
                    .as_ref()
                    .map_or_else(|| "session".to_string(), |s| s.cookie_name.clone());
                let key = crate::flask::signing::SigningKey::for_session(secret);
                let value = crate::flask::signing::dumps(&key, data, at.max(0) as u64);
                let p = self.browser.profile_or_create(&profile);
                p.jar.set_value(&host, &name, &value, at);
                EffectKind::SessionForged {
                    name,
                    secret: secret.clone(),
                }
            }
            Action::DeleteCookie(name) => {
                let deleted = self
                    .browser
                    .profile_mut(&profile)
                    .map_or(0, |p| p.jar.delete_named(name));
                if deleted > 0 {
                    EffectKind::CookiesDeleted { name: name.clone() }
                } else {
                    EffectKind::Unchanged
                }
            }
            Action::CopyCookie { name, to } => self.copy_cookie(&profile, name, to),
        };
        Effect {
            profile: effect_profile,
            at,
            host,
            kind,
        }
    }

    /// Starts `code` (with the session mode's lines) at the current virtual time.
    fn load(&mut self, code: &str) -> EffectKind {
        let now = self.now();
        self.request_error = None;
        self.served_code = code.to_string();
        match FlaskServer::load_project(
            &crate::scenario::mode_code::serve(code, self.session_mode),
            &self.files,
            now,
            crate::python::HostConfig {
                environ: self.environment.clone(),
                ..crate::python::HostConfig::default()
            },
        ) {
            Ok(mut server) => {
                let printed = AppServer::take_log(&mut server);
                self.session_settings = AppServer::session_settings(&mut server);
                self.server = ServerHandle::new(server);
                self.startup_error = None;
                self.log(&format!(
                    " * Serving Flask app 'app' at {}\n",
                    format_instant(now)
                ));
                self.log(&printed);
                EffectKind::Started(Ok(()))
            }
            Err(error) => {
                self.server = ServerHandle::default();
                self.log(&format!(
                    " * The app failed to start at {}:\n",
                    format_instant(now)
                ));
                self.log(&error.traceback);
                self.startup_error = Some(error.clone());
                EffectKind::Started(Err(error))
            }
        }
    }

    fn log(&mut self, text: &str) {
        let log = Rc::make_mut(&mut self.server_log);
        log.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            log.push('\n');
        }
        if log.len() > SERVER_LOG_KEPT {
            let mut cut = log.len() - SERVER_LOG_KEPT;
            while !log.is_char_boundary(cut) {
                cut += 1;
            }
            log.drain(..cut);
        }
    }

    fn send(&mut self, profile: &str, traversal: Traversal) -> EffectKind {
        let Some(server) = self.server.0.clone() else {
            return EffectKind::Refused(StepNote::AppNotRunning);
        };
        let now = self.now();
        let mut server = server.borrow_mut();
        let sites = self
            .sites
            .iter()
            .map(|site| {
                let answer = match (&site.content, &site.server.0) {
                    (SiteContent::Page(page), _) => SiteServer::Page(page),
                    (SiteContent::App(_), Some(server)) => SiteServer::App(server.borrow_mut()),
                    (SiteContent::App(_), None) => SiteServer::Down,
                };
                (site.host.as_str(), answer)
            })
            .collect();
        // The router borrows the servers; it is gone at the end of this block.
        let (result, traces, error, subresources, printed_by_sites) = {
            let mut router = Router {
                app: &mut **server,
                sites,
                traces: Vec::new(),
            };
            let result = match &traversal {
                Traversal::New(request) => self
                    .browser
                    .navigate(profile, request, &mut router)
                    .map(Some),
                Traversal::Back => self.browser.back(profile, &mut router),
                Traversal::Forward => self.browser.forward(profile, &mut router),
                Traversal::Reload => self.browser.reload(profile, &mut router),
            };
            // The page's own request decides the error and the sessions seen; its stylesheets
            // come after it, on the same servers.
            let traces = std::mem::take(&mut router.traces);
            let error = router.app.last_error();
            let shown = match &traversal {
                Traversal::New(request) => request.site.is_top_level_navigation(),
                _ => true,
            };
            let subresources = match (&result, self.browser.profile_mut(profile)) {
                (Ok(Some(outcome)), Some(tab)) if shown && self.loads_subresources => {
                    let hop = outcome.final_hop();
                    let html = http::header(&hop.response.headers, "Content-Type")
                        .is_some_and(|kind| kind.to_ascii_lowercase().starts_with("text/html"));
                    if html && outcome.stop.is_none() {
                        let body = String::from_utf8_lossy(&hop.response.body);
                        load_stylesheets(&mut tab.jar, &hop.url, &body, &mut router, now)
                    } else {
                        Vec::new()
                    }
                }
                _ => Vec::new(),
            };
            let printed: String = router
                .sites
                .iter_mut()
                .filter_map(|(host, site)| match site {
                    SiteServer::App(server) => {
                        let log = server.take_log();
                        (!log.is_empty()).then(|| format!("[{host}] {log}"))
                    }
                    _ => None,
                })
                .collect();
            (result, traces, error, subresources, printed)
        };
        self.server_store = server.server_store(now);
        let printed = server.take_log();
        // A view may change the config (e.g. the secret key) at run time.
        self.session_settings = server.session_settings();
        self.request_error = error;
        drop(server);
        self.log(&printed);
        self.log(&printed_by_sites);
        match result {
            Ok(Some(outcome)) => {
                let seen =
                    self.seen_session(&outcome, traces.last().cloned().flatten().as_ref(), now);
                EffectKind::Request(Exchange {
                    outcome: Rc::new(outcome),
                    traces: Rc::new(traces),
                    error: self.request_error.clone(),
                    seen,
                    site: match &traversal {
                        Traversal::New(request) => request.site.clone(),
                        _ => crate::browser::SiteContext::SameSite,
                    },
                    subresources: Rc::new(subresources),
                })
            }
            Ok(None) => EffectKind::Refused(StepNote::NoHistoryEntry),
            Err(error) => EffectKind::Refused(StepNote::Navigation(error.to_string())),
        }
    }

    /// The session the final request of `outcome` carried, as the app read it: Flask's signed
    /// cookie is read back from the cookie sent, exactly; the other modes' sessions from the
    /// server's trace of what it opened.
    fn seen_session(
        &self,
        outcome: &NavigationOutcome,
        trace: Option<&SessionTrace>,
        now: i64,
    ) -> SeenSession {
        let seen = match (self.session_mode, trace) {
            (SessionMode::Signed, _) | (_, None) => {
                let default = SessionSettings {
                    cookie_name: "session".into(),
                    secret_key: None,
                    max_age: 2_678_400,
                    fallback_keys: Vec::new(),
                };
                let settings = self.session_settings.as_ref().unwrap_or(&default);
                SeenSession::from_cookie_header(
                    outcome.final_hop().cookie.as_deref(),
                    settings,
                    now,
                )
            }
            (_, Some(trace)) => SeenSession::from_trace(trace),
        };
        SeenSession {
            mode: self.session_mode,
            ..seen
        }
    }

    fn advance_clock(&mut self, seconds: u64) -> EffectKind {
        self.browser.clock.advance(seconds);
        let now = self.now();
        // Expired cookies leave every jar now, so the learner sees them go with a reason.
        let mut expired = Vec::new();
        let names: Vec<String> = self
            .browser
            .profiles()
            .iter()
            .map(|profile| profile.name.clone())
            .collect();
        for name in names {
            if let Some(profile) = self.browser.profile_mut(&name) {
                for cookie in profile.jar.evict_expired(now) {
                    expired.push((name.clone(), cookie));
                }
            }
        }
        EffectKind::ClockMoved { seconds, expired }
    }

    fn copy_cookie(&mut self, from: &str, name: &str, to: &str) -> EffectKind {
        if self.browser.profile(to).is_none() {
            return EffectKind::Refused(StepNote::NoSuchProfile(to.to_string()));
        }
        let now = self.now();
        let key: Option<CookieKey> = self.browser.profile(from).and_then(|p| {
            p.jar
                .list(now)
                .into_iter()
                .find(|c| c.name == name)
                .map(|c| c.key())
        });
        match key {
            None => EffectKind::Refused(StepNote::NoSuchCookie(name.to_string())),
            Some(_) if to == from => EffectKind::Unchanged,
            Some(key) if self.browser.copy_cookie(from, &key, to) => EffectKind::CookieCopied {
                name: name.to_string(),
                to: to.to_string(),
            },
            Some(_) => EffectKind::Refused(StepNote::NoSuchCookie(name.to_string())),
        }
    }
}

/// How a request starts: a new navigation, or a move in the history.
enum Traversal {
    New(NavigationRequest),
    Back,
    Forward,
    Reload,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::subresource::Load;
    use crate::scenario::action::get;

    const APP: &str = r#"
from flask import Flask, render_template
app = Flask(__name__)

@app.route("/")
def index():
    return render_template("base.html")

@app.route("/broken")
def broken():
    return render_template("base.html", x=1 / 0)

@app.route("/text")
def text():
    return '<link rel="stylesheet" href="/static/style.css">', {"Content-Type": "text/plain"}
"#;

    fn world() -> World {
        let files = ProjectFiles::new([
            (
                "templates/base.html".to_string(),
                "<!doctype html><link rel=stylesheet href=\"{{ url_for('static', filename='style.css') }}\">\
                 <link rel=stylesheet href=\"https://cdn.example/x.css\"><h1>Hi</h1>"
                    .to_string(),
            ),
            ("static/style.css".to_string(), "h1 { color: red }\n".to_string()),
        ]);
        let mut world = World::new(&["default".to_string()], 1_772_600_767, SessionMode::Signed)
            .with_files(files);
        assert!(matches!(world.start(APP).kind, EffectKind::Started(Ok(()))));
        world
    }

    fn exchange(effect: Effect) -> Exchange {
        match effect.kind {
            EffectKind::Request(exchange) => exchange,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_page_loads_its_stylesheets_from_the_app_and_the_log_shows_them() {
        let mut world = world();
        let page = exchange(world.apply(&get("/")));
        assert_eq!(page.subresources.len(), 2);
        let Load::Fetched(sheet) = &page.subresources[0].load else {
            panic!("{:?}", page.subresources)
        };
        assert_eq!(sheet.final_hop().url.path, "/static/style.css");
        assert_eq!(
            page.subresources[0].applied_css().as_deref(),
            Some("h1 { color: red }\n")
        );
        assert!(matches!(
            page.subresources[1].load,
            Load::Blocked(crate::browser::subresource::Blocked::OtherOrigin { .. })
        ));
        // Werkzeug's log line of the stylesheet's request follows the page's.
        let log = world.server_log();
        let page_line = log.find("\"GET / HTTP/1.1\" 200").expect(log);
        let sheet_line = log
            .find("\"GET /static/style.css HTTP/1.1\" 200")
            .expect(log);
        assert!(page_line < sheet_line, "{log}");
    }

    #[test]
    fn the_pages_error_stays_its_own_and_only_shown_html_loads_sheets() {
        let mut world = world();
        let broken = exchange(world.apply(&get("/broken")));
        // The error page is Werkzeug's 500 without stylesheets; the error is the page's.
        assert_eq!(
            broken.error.as_ref().unwrap().type_name,
            "ZeroDivisionError"
        );
        assert!(broken.subresources.is_empty());
        assert!(exchange(world.apply(&get("/text"))).subresources.is_empty());
        let mut image = navigation_request(&match get("/").action {
            Action::Request(request) => request,
            _ => unreachable!(),
        });
        image.site = crate::browser::SiteContext::cross_site_image("http://attacker.test");
        let effect = world.send("default", Traversal::New(image));
        let EffectKind::Request(embedded) = effect else {
            panic!()
        };
        assert!(
            embedded.subresources.is_empty(),
            "an image is not a page shown"
        );
        world.apply(&get("/"));
        // No HTTP cache: a reload requests the stylesheets again.
        let reload = exchange(world.apply(&Step::new(Action::Reload)));
        assert_eq!(reload.subresources.len(), 2);
    }
}
