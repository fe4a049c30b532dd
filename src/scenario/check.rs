//! `session-playground check FILE...`: for authors and CI. Each file is read as a lesson (or a
//! v1 scenario), its solution is played through the native runner, and every goal is reported
//! met or unmet; quiz options that can be run are run, and each must produce its
//! claimed effect exactly when it is the correct one; every claim's experiment must hold, every
//! known shortcut must leave its goals unmet and every alternative solution must meet its own;
//! the script must answer every prediction with exactly one of its options.
//! Exit 2 if a file is malformed or
//! unreadable, else 1 if a goal is unmet or a quiz answer is wrong, else 0.

use crate::flask::project::ProjectFiles;
use crate::scenario::goal::{GoalStatus, check};
use crate::scenario::lesson::{Lesson, parse_lesson};
use crate::scenario::play::{Player, StepNote, play_solution};
use crate::scenario::state::LessonState;

/// What running one quiz option showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizVerdict {
    /// The option is marked correct and produced the claimed effect, or is marked wrong and
    /// did not.
    Agrees,
    /// Marked correct but the effect did not happen, or marked wrong but it did.
    Disagrees(String),
    /// The option is neither code nor a claim: nothing to run.
    NotRunnable,
}

/// Plays `steps` on `code` from the lesson's settings and returns the final state and the
/// notes of steps that could not do what they said.
pub fn play_final(
    code: &str,
    lesson: &Lesson,
    steps: &[crate::scenario::Step],
) -> (LessonState, Vec<StepNote>) {
    let mut player = Player::start_in(
        code,
        &ProjectFiles::new(lesson.files.clone()),
        &lesson.settings,
    );
    let notes = steps.iter().filter_map(|step| player.apply(step)).collect();
    (player.state().clone(), notes)
}

/// Runs every option of the lesson's quiz (none if it has no quiz). Goals are checked on the
/// state after the quiz's steps (not "met at some point": a prediction is about the end).
pub fn check_quiz(lesson: &Lesson) -> Vec<QuizVerdict> {
    let Some(quiz) = &lesson.quiz else {
        return Vec::new();
    };
    quiz.options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let (goals, code) = match (&option.code, &option.claim) {
                (Some(_), _) => (
                    quiz.expect.clone(),
                    quiz.option_code(index).unwrap_or_default(),
                ),
                (None, Some(claim)) => (vec![claim.clone()], lesson.code.clone()),
                (None, None) => return QuizVerdict::NotRunnable,
            };
            let (state, _) = play_final(&code, lesson, &quiz.steps);
            let results: Vec<_> = goals.iter().map(|goal| check(goal, &state)).collect();
            let effect = !results.is_empty() && results.iter().all(|r| r.status == GoalStatus::Met);
            if effect == option.correct {
                QuizVerdict::Agrees
            } else {
                let seen: Vec<String> = results.iter().map(|r| r.detail.clone()).collect();
                QuizVerdict::Disagrees(format!(
                    "marked {} but the effect {} ({})",
                    if option.correct { "correct" } else { "wrong" },
                    if effect { "happened" } else { "did not happen" },
                    seen.join("; ")
                ))
            }
        })
        .collect()
}

/// Plays every claim of the lesson (its steps from the lesson's start, on its own code if it
/// names one) and checks its `expect` on the final state: `(id, Ok)` when every check holds,
/// else `(id, Err(what was seen))`.
pub fn check_claims(lesson: &Lesson) -> Vec<(String, Result<(), String>)> {
    lesson
        .claims
        .iter()
        .map(|claim| {
            let code = claim.code.clone().unwrap_or_else(|| lesson.code.clone());
            let (state, notes) = play_final(&code, lesson, &claim.steps);
            (claim.id.clone(), expect_on(&claim.expect, &state, &notes))
        })
        .collect()
}

/// Whether every goal of `expect` holds on `state` (a step that could not run fails it).
pub fn expect_on(
    expect: &[crate::scenario::goal::Goal],
    state: &LessonState,
    notes: &[StepNote],
) -> Result<(), String> {
    if let Some(note) = notes.first() {
        return Err(format!("a step could not run: {note}"));
    }
    let failed: Vec<String> = expect
        .iter()
        .map(|goal| (goal, check(goal, state)))
        .filter(|(_, result)| result.status != GoalStatus::Met)
        .map(|(goal, result)| format!("{}: {}", goal.id, result.detail))
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

/// Plays the lesson's script up to and including each prediction's step and says which option
/// happened: `(id, Ok(option))` when exactly one option's claim holds (a prediction whose script
/// makes none or several true cannot be answered), else `Err(what held)`.
pub fn check_predictions(lesson: &Lesson) -> Vec<(String, Result<usize, String>)> {
    lesson
        .predictions
        .iter()
        .map(|prediction| {
            let steps = &lesson.steps[..(prediction.step + 1).min(lesson.steps.len())];
            let (state, notes) = play_final(&lesson.code, lesson, steps);
            let seen = crate::scenario::predict::seen(prediction, &state);
            let result = match (notes.first(), seen.as_slice()) {
                (Some(note), _) => Err(format!("a step could not run: {note}")),
                (None, [one]) => Ok(*one),
                (None, []) => Err("no option happened".to_string()),
                (None, many) => Err(format!(
                    "options {} all happened",
                    many.iter()
                        .map(|index| (index + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            (prediction.id.clone(), result)
        })
        .collect()
}

/// Plays the lesson's shortcuts and alternatives from its start, checking goals as the page
/// does (met once, `after` respected): `(kind, id, Ok)` when a shortcut meets none of its goals
/// and an alternative meets all of its own, else `Err(the goals that went wrong)`.
pub fn check_probes(lesson: &Lesson) -> Vec<(&'static str, String, Result<(), String>)> {
    let mut out = Vec::new();
    for (kind, probes, must_meet) in [
        ("shortcut", &lesson.shortcuts, false),
        ("alternative", &lesson.alternatives, true),
    ] {
        for probe in probes {
            let report = crate::scenario::play::play_and_check_in(
                &lesson.code,
                &ProjectFiles::new(lesson.files.clone()),
                &lesson.settings,
                &probe.steps,
                &lesson.goals,
            );
            let wrong: Vec<String> = report
                .goals
                .iter()
                .filter(|(id, _)| probe.goals.contains(id))
                .filter(|(_, result)| (result.status == GoalStatus::Met) != must_meet)
                .map(|(id, result)| {
                    if must_meet {
                        format!("{id} unmet ({})", result.detail)
                    } else {
                        format!("{id} met")
                    }
                })
                .collect();
            out.push((
                kind,
                probe.id.clone(),
                if wrong.is_empty() {
                    Ok(())
                } else {
                    Err(wrong.join("; "))
                },
            ));
        }
    }
    out
}

/// Checks one file's text; appends the report to `out` and returns its exit status.
pub fn check_source(name: &str, source: &str, out: &mut String) -> i32 {
    let lesson = match parse_lesson(source) {
        Ok(lesson) => lesson,
        Err(error) => {
            out.push_str(&format!(
                "{name}: malformed: {}\n",
                error.to_string().replace('\n', " ")
            ));
            return 2;
        }
    };
    let title = if lesson.text.title.is_empty() {
        String::new()
    } else {
        format!(" — {}", lesson.text.title)
    };
    let id = if lesson.id.is_empty() {
        format!("version {} scenario", lesson.version)
    } else {
        lesson.id.clone()
    };
    out.push_str(&format!("{name}: {id}{title}\n"));
    let report = play_solution(&lesson);
    let mut status = 0;
    for (index, note) in &report.notes {
        out.push_str(&format!("  note     solution step {}: {note}\n", index + 1));
    }
    for (goal, (id, result)) in lesson.goals.iter().zip(&report.goals) {
        let word = match result.status {
            GoalStatus::Met => "met",
            GoalStatus::Unmet => {
                status = 1;
                "UNMET"
            }
        };
        let text = goal.text.replace('\n', " ");
        out.push_str(&format!("  {word:<8} {id}: {text}"));
        if result.status != GoalStatus::Met {
            out.push_str(&format!(" ({})", result.detail));
        }
        out.push('\n');
    }
    for (index, verdict) in check_quiz(&lesson).iter().enumerate() {
        let line = match verdict {
            QuizVerdict::Agrees => "agrees".to_string(),
            QuizVerdict::Disagrees(why) => {
                status = 1;
                format!("WRONG: {why}")
            }
            QuizVerdict::NotRunnable => "not runnable (neither code nor a claim)".to_string(),
        };
        out.push_str(&format!("  quiz     option {}: {line}\n", index + 1));
    }
    for (id, result) in check_claims(&lesson) {
        match result {
            Ok(()) => out.push_str(&format!("  claim    {id}: holds\n")),
            Err(why) => {
                status = 1;
                out.push_str(&format!("  claim    {id}: FAILS ({why})\n"));
            }
        }
    }
    for (id, result) in check_predictions(&lesson) {
        match result {
            Ok(option) => out.push_str(&format!(
                "  predict  {id}: the script shows option {}\n",
                option + 1
            )),
            Err(why) => {
                status = 1;
                out.push_str(&format!("  predict  {id}: UNANSWERABLE ({why})\n"));
            }
        }
    }
    for (kind, id, result) in check_probes(&lesson) {
        let word = match (kind, &result) {
            ("shortcut", Ok(())) => "refused".to_string(),
            ("shortcut", Err(why)) => format!("MEETS GOALS: {why}"),
            (_, Ok(())) => "accepted".to_string(),
            (_, Err(why)) => format!("REJECTED: {why}"),
        };
        if result.is_err() {
            status = 1;
        }
        out.push_str(&format!("  {kind:<8} {id}: {word}\n"));
    }
    if lesson.goals.is_empty() {
        out.push_str("  (no goals)\n");
    }
    status
}

/// What `check` found in a set of files: the report, file by file, and the exit status it
/// calls for (the worst of the files': 0 all passed, 1 a check failed, 2 a file is malformed).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// One block of lines per file.
    pub text: String,
    /// 0, 1 or 2.
    pub status: i32,
}

/// Checks already-read files: (name, text) pairs. Plays solutions on the interpreter, so run it
/// on a thread with [`crate::python::CLI_STACK_SIZE`].
///
/// ```
/// use session_playground::scenario::check::check_sources;
/// let report = check_sources(&[("a.json".into(), r#"{"version": 1, "code": "", "steps": []}"#.into())]);
/// assert_eq!(report.status, 0);
/// let report = check_sources(&[("b.json".into(), "{".into())]);
/// assert_eq!(report.status, 2);
/// ```
pub fn check_sources(files: &[(String, String)]) -> CheckReport {
    let mut report = CheckReport::default();
    for (name, source) in files {
        let status = check_source(name, source, &mut report.text);
        report.status = report.status.max(status);
    }
    report
}
