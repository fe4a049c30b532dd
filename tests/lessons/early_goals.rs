//! Issue 17: no goal of a built-in lesson ticks before its action. For each lesson, one test
//! plays the lesson's start and then only its scripted steps that send no request (dev-tools
//! edits, mode switches, closing the browser, the clock, code edits), and a second pass plays the
//! whole script: after a step that sends no request, no goal that reads a request (a page, the
//! session the server saw, a cookie set or sent) may become met. Goals about the code, the log,
//! the clock, the jar or a closed browser may: the step is their action (a cookie expiring as the
//! clock moves, a browser closing).

use session_playground::scenario::action::{Action, Step};
use session_playground::scenario::builtin::builtin_lesson;
use session_playground::scenario::goal::{GoalResult, check, reads_a_request};
use session_playground::scenario::lesson::Lesson;
use session_playground::scenario::play::Player;
use session_playground::scenario::saved::LessonProgress;

fn sends_a_request(step: &Step) -> bool {
    matches!(
        step.action,
        Action::Request(_) | Action::Back | Action::Forward | Action::Reload
    )
}

/// Checks the goals on the player's state; returns the goals newly met (progress applies
/// `after`, as the page does).
fn newly_met(lesson: &Lesson, player: &Player, progress: &mut LessonProgress) -> Vec<String> {
    let results: Vec<GoalResult> = lesson
        .goals
        .iter()
        .map(|goal| check(goal, player.state()))
        .collect();
    progress.record(&lesson.goals, &results)
}

/// The newly met goals of `met` that read a request (and so cannot be the step's own doing).
fn reading_a_request(lesson: &Lesson, met: &[String]) -> Vec<String> {
    met.iter()
        .filter(|id| {
            lesson
                .goals
                .iter()
                .find(|goal| goal.id == **id)
                .is_some_and(|goal| reads_a_request(&goal.check))
        })
        .cloned()
        .collect()
}

fn no_goal_ticks_before_its_action(id: &str) {
    let id = id.to_string();
    let run = move || {
        let lesson = builtin_lesson(&id).unwrap().unwrap();
        // 1. The start, then only the steps that send no request.
        let mut player = Player::start(&lesson.code, &lesson.settings);
        let mut progress = LessonProgress::default();
        let at_start = newly_met(&lesson, &player, &mut progress);
        assert!(at_start.is_empty(), "{id}: met at the start: {at_start:?}");
        for (index, step) in lesson.steps.iter().enumerate() {
            if sends_a_request(step) {
                continue;
            }
            player.apply(step);
            let met = newly_met(&lesson, &player, &mut progress);
            let early = reading_a_request(&lesson, &met);
            assert!(
                early.is_empty(),
                "{id}: step {index} ({:?}) sends no request, yet it met {early:?}",
                step.action
            );
        }
        // 2. The whole script: a step without a request never meets a goal that reads one.
        for steps in [&lesson.steps, &lesson.solution] {
            let mut player = Player::start(&lesson.code, &lesson.settings);
            let mut progress = LessonProgress::default();
            newly_met(&lesson, &player, &mut progress);
            for (index, step) in steps.iter().enumerate() {
                player.apply(step);
                let met = newly_met(&lesson, &player, &mut progress);
                if !sends_a_request(step) {
                    let early = reading_a_request(&lesson, &met);
                    assert!(
                        early.is_empty(),
                        "{id}: step {index} ({:?}) sends no request, yet it met {early:?}",
                        step.action
                    );
                }
            }
        }
    };
    super::on_big_stack(run);
}

macro_rules! per_lesson {
    ($($name:ident => $id:literal,)*) => {
        $(
            #[test]
            fn $name() {
                no_goal_ticks_before_its_action($id);
            }
        )*

        #[test]
        fn every_built_in_lesson_has_its_early_goal_test() {
            let tested = [$($id),*];
            for entry in session_playground::scenario::builtin::BUILTIN_LESSONS {
                assert!(tested.contains(&entry.id), "no early-goal test for {}", entry.id);
            }
        }
    };
}

per_lesson! {
    server_authority_goals_wait_for_their_action => "server-authority",
    close_browser_goals_wait_for_their_action => "close-browser",
    set_username_goals_wait_for_their_action => "set-username",
    count_goals_wait_for_their_action => "count",
    outside_request_goals_wait_for_their_action => "outside-request",
    permanent_lifetime_goals_wait_for_their_action => "permanent-lifetime",
    nested_mutation_goals_wait_for_their_action => "nested-mutation",
    logout_goals_wait_for_their_action => "logout",
    hijack_goals_wait_for_their_action => "hijack",
    weak_secret_goals_wait_for_their_action => "weak-secret",
    cookie_limit_goals_wait_for_their_action => "cookie-limit",
    flash_goals_wait_for_their_action => "flash",
    revoke_goals_wait_for_their_action => "revoke",
    key_rotation_goals_wait_for_their_action => "key-rotation",
    readable_session_goals_wait_for_their_action => "readable-session",
    idle_timeout_goals_wait_for_their_action => "idle-timeout",
    csrf_samesite_goals_wait_for_their_action => "csrf-samesite",
    session_fixation_goals_wait_for_their_action => "session-fixation",
    httponly_script_goals_wait_for_their_action => "httponly-script",
    subdomains_goals_wait_for_their_action => "subdomains",
}
