//! The native lesson runner: plays [`Step`]s through a [`World`] and keeps the [`LessonState`]
//! goals are checked on, as a view of the steps' effects. The page's reducer steps a `World`
//! too; this one needs no UI, so `check` and the tests use it.
//!
//! Goals are checked after the start and after every step; a goal met once stays met (the
//! learner saw it happen), which [`play_solution`] reports.

use std::collections::BTreeMap;

use crate::browser::Browser;
use crate::flask::project::ProjectFiles;
use crate::scenario::action::Step;
use crate::scenario::goal::{Goal, GoalResult, GoalStatus, check};
use crate::scenario::lesson::{Lesson, Settings};
use crate::scenario::saved::LessonProgress;
use crate::scenario::state::{
    ErrorSummary, LessonState, PageState, ProfileState, SeenSession, set_cookie_name,
};
pub use crate::scenario::world::StepNote;
use crate::scenario::world::{Effect, EffectKind, World};

/// A world playing a lesson's steps, and the [`LessonState`] its effects add up to.
pub struct Player {
    world: World,
    state: LessonState,
    pages: BTreeMap<String, PageState>,
    seen: BTreeMap<String, SeenSession>,
    received: BTreeMap<String, Vec<String>>,
    deleted: BTreeMap<String, Vec<String>>,
}

impl Player {
    /// Starts `code` with `settings` (profiles open, jars empty, the app loaded at the clock).
    pub fn start(code: &str, settings: &Settings) -> Player {
        Player::start_in(code, &ProjectFiles::default(), settings)
    }

    /// [`Player::start`] in a project folder holding `files` beside `app.py`.
    pub fn start_in(code: &str, files: &ProjectFiles, settings: &Settings) -> Player {
        let mut player = Player {
            world: settings.sites.iter().fold(
                World::new(&settings.profiles, settings.clock, settings.session_mode)
                    .with_app_host(settings.host.as_deref())
                    .with_environment(&settings.environment)
                    .with_files(files.clone()),
                |world, site| world.with_site(&site.host, site.content()),
            ),
            state: LessonState {
                session_mode: settings.session_mode,
                lesson_code: code.to_string(),
                start_clock: settings.clock,
                ..LessonState::default()
            },
            pages: BTreeMap::new(),
            received: BTreeMap::new(),
            deleted: BTreeMap::new(),
            seen: BTreeMap::new(),
        };
        let effect = player.world.start(code);
        player.observe(&effect);
        player
    }

    /// The state after the steps so far.
    pub fn state(&self) -> &LessonState {
        &self.state
    }

    /// The virtual browser (for callers that show more than the goal state).
    pub fn browser(&self) -> &Browser {
        self.world.browser()
    }

    /// Plays one step; returns why it was not carried out, if it was not.
    pub fn apply(&mut self, step: &Step) -> Option<StepNote> {
        match self.play(step).kind {
            EffectKind::Refused(note) => Some(note),
            _ => None,
        }
    }

    /// Plays one step and returns its effect.
    pub fn play(&mut self, step: &Step) -> Effect {
        let effect = self.world.apply(step);
        self.observe(&effect);
        effect
    }

    /// Keeps what the goals look at from an effect: the page each profile shows, the session
    /// its last request carried, the cookies the server set in it; then the state.
    fn observe(&mut self, effect: &Effect) {
        match &effect.kind {
            EffectKind::Request(exchange) => {
                let error = exchange.error.as_ref().map(ErrorSummary::of);
                let mut page = PageState::from_outcome(&exchange.outcome, error);
                if let crate::browser::SiteContext::CrossSite { from, .. } = &exchange.site {
                    page.started_by = Some(from.clone());
                }
                let received = self.received.entry(effect.profile.clone()).or_default();
                for header in &page.set_cookies {
                    let name = set_cookie_name(header).to_string();
                    if !received.contains(&name) {
                        received.push(name);
                    }
                }
                self.seen
                    .insert(effect.profile.clone(), exchange.seen.clone());
                self.pages.insert(effect.profile.clone(), page);
            }
            EffectKind::Closed(_) => {
                self.pages.remove(&effect.profile);
            }
            EffectKind::CookiesDeleted { name } => {
                let deleted = self.deleted.entry(effect.profile.clone()).or_default();
                if !deleted.contains(name) {
                    deleted.push(name.clone());
                }
            }
            _ => {}
        }
        let now = self.world.now();
        self.state.code = self.world.served_code().to_string();
        self.state.session_mode = self.world.session_mode();
        self.state.startup_error = self.world.startup_error().map(ErrorSummary::of);
        self.state.server_log = self.world.server_log().to_string();
        self.state.clock = now;
        self.state.profiles = self
            .world
            .browser()
            .profiles()
            .iter()
            .map(|profile| ProfileState {
                last_page: self.pages.get(&profile.name).cloned(),
                session_seen: self.seen.get(&profile.name).cloned(),
                received_cookies: self
                    .received
                    .get(&profile.name)
                    .cloned()
                    .unwrap_or_default(),
                deleted_cookies: self.deleted.get(&profile.name).cloned().unwrap_or_default(),
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
        self.goals
            .iter()
            .all(|(_, result)| result.status != GoalStatus::Unmet)
    }
}

/// Plays `steps` from the lesson's start and checks `goals` after the start and every step,
/// keeping progress as the page does ([`LessonProgress::record`]).
pub fn play_and_check(
    code: &str,
    settings: &Settings,
    steps: &[Step],
    goals: &[Goal],
) -> SolutionReport {
    play_and_check_in(code, &ProjectFiles::default(), settings, steps, goals)
}

/// [`play_and_check`] in a project folder holding `files` beside `app.py`.
pub fn play_and_check_in(
    code: &str,
    files: &ProjectFiles,
    settings: &Settings,
    steps: &[Step],
    goals: &[Goal],
) -> SolutionReport {
    let mut player = Player::start_in(code, files, settings);
    let mut progress = LessonProgress::default();
    let mut last: Vec<GoalResult> = goals
        .iter()
        .map(|goal| check(goal, player.state()))
        .collect();
    progress.record(goals, &last);
    let mut notes = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        if let Some(note) = player.apply(step) {
            notes.push((index, note));
        }
        last = goals
            .iter()
            .map(|goal| check(goal, player.state()))
            .collect();
        progress.record(goals, &last);
    }
    let goals = goals
        .iter()
        .zip(last)
        .map(|(goal, result)| {
            let result = if progress.goals_met.contains(&goal.id) {
                GoalResult {
                    status: GoalStatus::Met,
                    detail: result.detail,
                }
            } else if result.status == GoalStatus::Met {
                // Met now, but not after the goal it follows.
                GoalResult {
                    status: GoalStatus::Unmet,
                    detail: format!(
                        "reached before {:?}",
                        goal.after.as_deref().unwrap_or_default()
                    ),
                }
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
    play_and_check_in(
        &lesson.code,
        &ProjectFiles::new(lesson.files.clone()),
        &lesson.settings,
        &lesson.solution,
        &lesson.goals,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::action::{Action, get};

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
        player.apply(&Step::new(Action::ForgeSession {
            secret: "secret".into(),
            data: r#"{"visits":41}"#.into(),
        }));
        player.apply(&get("/count"));
        assert_eq!(
            player.state().profiles[0].last_page.as_ref().unwrap().body,
            "Visit number: 42"
        );
    }

    #[test]
    fn a_broken_edit_is_a_startup_error_and_requests_are_noted() {
        let mut player = Player::start(COUNT, &Settings::default());
        player.apply(&Step::new(Action::EditCode("def (:\n".into())));
        assert_eq!(
            player.state().startup_error.as_ref().unwrap().type_name,
            "SyntaxError"
        );
        assert_eq!(player.apply(&get("/count")), Some(StepNote::AppNotRunning));
    }
}
