//! The native lesson runner: plays [`Step`]s through the virtual browser and the simulated
//! Flask server, and keeps the [`LessonState`] goals are checked on. The page's reducer does
//! the same with its own workspace; this one needs no UI, so `check` and the tests use it.
//!
//! Goals are checked after the start and after every step; a goal met once stays met (the
//! learner saw it happen), which [`play_solution`] reports.

use std::collections::BTreeMap;

use crate::browser::{Browser, CookieKey, NavigationError, NavigationOutcome, NavigationRequest};
use crate::browser::clock::format_instant;
use crate::flask::FlaskServer;
use crate::flask::server::SessionSettings;
use crate::flask::signing::{self, SigningKey};
use crate::scenario::action::{Action, SessionMode, Step, navigation_request};
use crate::scenario::goal::{Goal, GoalResult, GoalStatus, check};
use crate::scenario::lesson::{Lesson, Settings};
use crate::scenario::saved::LessonProgress;
use crate::scenario::state::{ErrorSummary, LessonState, PageState, ProfileState, SeenSession, set_cookie_name};

/// Something a step could not do, in the learner's words (the step is skipped, play goes on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepNote {
    /// A request while the app is not running.
    AppNotRunning,
    /// The browser could not start the navigation.
    Navigation(String),
    /// A step names a cookie the profile does not have.
    NoSuchCookie(String),
    /// A copy to a profile that does not exist.
    NoSuchProfile(String),
    /// The session mode is not available in this build; the app keeps signed cookies.
    ModeUnavailable(SessionMode),
}

impl std::fmt::Display for StepNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepNote::AppNotRunning => f.write_str("the app is not running, so nothing answers"),
            StepNote::Navigation(why) => write!(f, "the browser did not send the request: {why}"),
            StepNote::NoSuchCookie(name) => write!(f, "there is no cookie named {name:?} in this browser"),
            StepNote::NoSuchProfile(name) => write!(f, "there is no browser called {name:?}"),
            StepNote::ModeUnavailable(mode) => write!(
                f,
                "the {} session mode is not available in this version of the playground; the app keeps Flask's signed cookie",
                mode.as_str()
            ),
        }
    }
}

/// A browser and a server playing a lesson's steps.
pub struct Player {
    browser: Browser,
    server: Option<FlaskServer>,
    state: LessonState,
    pages: BTreeMap<String, PageState>,
    seen: BTreeMap<String, SeenSession>,
    received: BTreeMap<String, Vec<String>>,
}

impl Player {
    /// Starts `code` with `settings` (profiles open, jars empty, the app loaded at the clock).
    pub fn start(code: &str, settings: &Settings) -> Player {
        let names: Vec<&str> = settings.profiles.iter().map(String::as_str).collect();
        let mut browser = Browser::with_profiles(&names);
        browser.clock.set(settings.clock);
        let mut player = Player {
            browser,
            server: None,
            state: LessonState {
                session_mode: settings.session_mode,
                lesson_code: code.to_string(),
                start_clock: settings.clock,
                ..LessonState::default()
            },
            pages: BTreeMap::new(),
            received: BTreeMap::new(),
            seen: BTreeMap::new(),
        };
        player.load(code);
        player
    }

    /// The state after the steps so far.
    pub fn state(&self) -> &LessonState {
        &self.state
    }

    /// The virtual browser (for callers that show more than the goal state).
    pub fn browser(&self) -> &Browser {
        &self.browser
    }

    /// Plays one step.
    pub fn apply(&mut self, step: &Step) -> Option<StepNote> {
        let profile = match &step.browser {
            Some(name) => name.clone(),
            None => self.browser.profiles().first().map(|p| p.name.clone()).unwrap_or_else(|| "default".into()),
        };
        self.browser.profile_or_create(&profile);
        let now = self.browser.clock.now();
        let note = match &step.action {
            Action::Request(request) => self.request(&profile, &navigation_request(request)),
            Action::CloseBrowser => {
                self.browser.close(&profile);
                self.pages.remove(&profile);
                None
            }
            Action::OpenBrowser => {
                self.browser.reopen(&profile);
                None
            }
            Action::OpenPrivateWindow => {
                self.browser.open_private_window();
                None
            }
            Action::ContinueWhereLeftOff(keep) => {
                if let Some(p) = self.browser.profile_mut(&profile) {
                    p.continue_where_left_off = *keep;
                }
                None
            }
            Action::AdvanceClock(seconds) => {
                self.browser.clock.advance(*seconds);
                None
            }
            Action::SetCookie { name, value } => {
                if let Some(p) = self.browser.profile_mut(&profile) {
                    p.jar.set_value("localhost", name, value, now);
                }
                None
            }
            Action::DeleteCookie(name) => {
                if let Some(p) = self.browser.profile_mut(&profile) {
                    p.jar.delete_named(name);
                }
                None
            }
            Action::CopyCookie { name, to } => self.copy_cookie(&profile, name, to),
            Action::ForgeSession { secret, data } => {
                let cookie_name = self.session_settings().cookie_name;
                let value = signing::dumps(&SigningKey::for_session(secret), data, now.max(0) as u64);
                if let Some(p) = self.browser.profile_mut(&profile) {
                    p.jar.set_value("localhost", &cookie_name, &value, now);
                }
                None
            }
            Action::EditCode(code) => {
                self.load(code);
                None
            }
            Action::SetSessionMode(mode) => {
                // Another session interface is another app: the server restarts with it (the
                // browsers keep their cookies, as across a reload).
                self.state.session_mode = *mode;
                let code = self.state.code.clone();
                self.load(&code);
                (!mode.is_available()).then_some(StepNote::ModeUnavailable(*mode))
            }
            Action::Back | Action::Forward | Action::Reload => self.traverse(&profile, &step.action),
        };
        self.refresh();
        note
    }

    fn load(&mut self, code: &str) {
        let now = self.browser.clock.now();
        self.state.code = code.to_string();
        match FlaskServer::load(&crate::scenario::mode_code::serve(code, self.state.session_mode), now) {
            Ok(mut server) => {
                self.log(&format!(" * Serving Flask app 'app' at {}\n", format_instant(now)));
                let printed = std::mem::take(&mut server.log);
                self.log(&printed);
                self.server = Some(server);
                self.state.startup_error = None;
            }
            Err(error) => {
                self.log(&format!(" * The app failed to start at {}:\n", format_instant(now)));
                self.log(&error.traceback);
                self.state.startup_error = Some(ErrorSummary { type_name: error.type_name, message: error.message });
                self.server = None;
            }
        }
        self.refresh();
    }

    fn log(&mut self, text: &str) {
        self.state.server_log.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            self.state.server_log.push('\n');
        }
    }

    fn session_settings(&mut self) -> SessionSettings {
        match &mut self.server {
            Some(server) => server.session_settings(),
            None => SessionSettings { cookie_name: "session".into(), secret_key: None, max_age: 2_678_400 },
        }
    }

    fn request(&mut self, profile: &str, navigation: &NavigationRequest) -> Option<StepNote> {
        let Some(server) = self.server.as_mut() else {
            return Some(StepNote::AppNotRunning);
        };
        let result = self.browser.navigate(profile, navigation, server).map(Some);
        self.record(profile, result)
    }

    fn traverse(&mut self, profile: &str, action: &Action) -> Option<StepNote> {
        let Some(server) = self.server.as_mut() else {
            return Some(StepNote::AppNotRunning);
        };
        let result = match action {
            Action::Back => self.browser.back(profile, server),
            Action::Forward => self.browser.forward(profile, server),
            _ => self.browser.reload(profile, server),
        };
        self.record(profile, result)
    }

    /// Keeps what a navigation of `profile` brought: the server's log, the page, and the
    /// session the server saw (read back from the signed cookie sent, exactly; from the
    /// server's trace in the other modes).
    fn record(&mut self, profile: &str, result: Result<Option<NavigationOutcome>, NavigationError>) -> Option<StepNote> {
        let (printed, error) = match self.server.as_mut() {
            Some(server) => (
                std::mem::take(&mut server.log),
                server.last_error.as_ref().map(|e| ErrorSummary { type_name: e.type_name.clone(), message: e.message.clone() }),
            ),
            None => (String::new(), None),
        };
        self.log(&printed);
        match result {
            Ok(Some(outcome)) => {
                let now = self.browser.clock.now();
                let settings = self.session_settings();
                let seen = match (self.state.session_mode, self.server.as_ref().and_then(|server| server.last_session_trace())) {
                    (SessionMode::Signed, _) | (_, None) => {
                        SeenSession::from_cookie_header(outcome.final_hop().cookie.as_deref(), &settings, now)
                    }
                    (_, Some(trace)) => SeenSession::from_trace(trace),
                };
                self.seen.insert(profile.to_string(), seen);
                let page = PageState::from_outcome(&outcome, error);
                let received = self.received.entry(profile.to_string()).or_default();
                for header in &page.set_cookies {
                    let name = set_cookie_name(header).to_string();
                    if !received.contains(&name) {
                        received.push(name);
                    }
                }
                self.pages.insert(profile.to_string(), page);
                None
            }
            Ok(None) => Some(StepNote::Navigation("there is no page to go to".into())),
            Err(error) => Some(StepNote::Navigation(error.to_string())),
        }
    }

    fn copy_cookie(&mut self, from: &str, name: &str, to: &str) -> Option<StepNote> {
        if self.browser.profile(to).is_none() {
            return Some(StepNote::NoSuchProfile(to.to_string()));
        }
        let now = self.browser.clock.now();
        let key: Option<CookieKey> = self
            .browser
            .profile(from)
            .and_then(|p| p.jar.list(now).into_iter().find(|c| c.name == name).map(|c| c.key()));
        match key {
            Some(key) if self.browser.copy_cookie(from, &key, to) => None,
            _ => Some(StepNote::NoSuchCookie(name.to_string())),
        }
    }

    fn refresh(&mut self) {
        let now = self.browser.clock.now();
        self.state.clock = now;
        self.state.profiles = self
            .browser
            .profiles()
            .iter()
            .map(|profile| ProfileState {
                last_page: self.pages.get(&profile.name).cloned(),
                session_seen: self.seen.get(&profile.name).cloned(),
                received_cookies: self.received.get(&profile.name).cloned().unwrap_or_default(),
                ..ProfileState::from_profile(profile, now)
            })
            .collect();
    }
}

/// How a lesson's solution went: each goal's best result and the notes of skipped steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SolutionReport {
    /// Per goal, in the lesson's order: its id and its result (met if it was met after any
    /// step, in order; otherwise what the last state showed).
    pub goals: Vec<(String, GoalResult)>,
    /// Steps that could not do what they said: (index in the solution, note).
    pub notes: Vec<(usize, StepNote)>,
}

impl SolutionReport {
    /// Whether no goal is unmet (pending goals do not count as unmet).
    pub fn all_met(&self) -> bool {
        self.goals.iter().all(|(_, result)| result.status != GoalStatus::Unmet)
    }
}

/// Plays `steps` from the lesson's start and checks `goals` after the start and every step,
/// keeping progress as the page does ([`LessonProgress::record`]).
pub fn play_and_check(code: &str, settings: &Settings, steps: &[Step], goals: &[Goal]) -> SolutionReport {
    let mut player = Player::start(code, settings);
    let mut progress = LessonProgress::default();
    let mut last: Vec<GoalResult> = goals.iter().map(|goal| check(goal, player.state())).collect();
    progress.record(goals, &last);
    let mut notes = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        if let Some(note) = player.apply(step) {
            notes.push((index, note));
        }
        last = goals.iter().map(|goal| check(goal, player.state())).collect();
        progress.record(goals, &last);
    }
    let goals = goals
        .iter()
        .zip(last)
        .map(|(goal, result)| {
            let result = if progress.goals_met.contains(&goal.id) {
                GoalResult { status: GoalStatus::Met, detail: result.detail }
            } else if result.status == GoalStatus::Met {
                // Met now, but not after the goal it follows.
                GoalResult { status: GoalStatus::Unmet, detail: format!("reached before {:?}", goal.after.as_deref().unwrap_or_default()) }
            } else {
                result
            };
            (goal.id.clone(), result)
        })
        .collect();
    SolutionReport { goals, notes }
}

/// Plays the lesson's solution and checks its goals.
pub fn play_solution(lesson: &Lesson) -> SolutionReport {
    play_and_check(&lesson.code, &lesson.settings, &lesson.solution, &lesson.goals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::action::get;

    const COUNT: &str = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'secret'\n\n@app.route('/count')\ndef count():\n    session['visits'] = session.get('visits', 0) + 1\n    return f\"Visit number: {session['visits']}\"\n";

    #[test]
    fn state_follows_requests_per_profile() {
        let mut player = Player::start(COUNT, &Settings::default());
        player.apply(&get("/count"));
        player.apply(&get("/count"));
        player.apply(&get("/count").in_browser("Bob"));
        let state = player.state();
        let alice = state.profile(Some("Alice")).unwrap();
        assert_eq!(alice.last_page.as_ref().unwrap().body, "Visit number: 2");
        assert_eq!(alice.session_seen.as_ref().unwrap().data["visits"], 1);
        let bob = state.profile(Some("Bob")).unwrap();
        assert_eq!(bob.last_page.as_ref().unwrap().body, "Visit number: 1");
        assert!(bob.session_seen.as_ref().unwrap().data.is_empty());
    }

    #[test]
    fn a_forged_session_with_the_right_key_is_accepted() {
        let mut player = Player::start(COUNT, &Settings::default());
        player.apply(&Step::new(Action::ForgeSession { secret: "secret".into(), data: r#"{"visits":41}"#.into() }));
        player.apply(&get("/count"));
        assert_eq!(player.state().profiles[0].last_page.as_ref().unwrap().body, "Visit number: 42");
    }

    #[test]
    fn a_broken_edit_is_a_startup_error_and_requests_are_noted() {
        let mut player = Player::start(COUNT, &Settings::default());
        player.apply(&Step::new(Action::EditCode("def (:\n".into())));
        assert_eq!(player.state().startup_error.as_ref().unwrap().type_name, "SyntaxError");
        assert_eq!(player.apply(&get("/count")), Some(StepNote::AppNotRunning));
    }
}
