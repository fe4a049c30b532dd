//! Predict, then see: before a chosen scripted step, the lesson asks the learner what will
//! happen; the answer is recorded, the step runs, and the learner's prediction is shown beside
//! what happened.
//!
//! What happened is never written in the lesson as "the right option": each option states a
//! [`Goal`] about the state right after the step, and the options whose goal holds *then* are
//! what was seen — so a learner who changed the app sees what their app did, and the page
//! cannot give the answer away before the step runs (there is no answer to leak). `check` and
//! the tests make sure that the lesson's own script makes exactly one option true, in the
//! simulated Flask and in real Flask.
//!
//! A prediction is answered by the first action after it was made that is the scripted step
//! (same action, same browser), however the learner took it: "▶ next step" or their own click.
//! This module is pure: the page's reducer ([`crate::ui::lesson_run`]) and a share link's replay
//! call [`answered_by_last`] after every action, so both reach the same record.

use serde::{Deserialize, Serialize};

use crate::scenario::action::Step;
use crate::scenario::goal::{Goal, GoalStatus, check};
use crate::scenario::state::LessonState;

/// A question asked before a scripted step (in the lesson file's `predictions`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prediction {
    /// A stable id (the learner's answer is kept under it).
    pub id: String,
    /// The index of the scripted step it is asked before, and answered by.
    pub step: usize,
    /// The question (Markdown).
    pub prompt: String,
    /// The possible outcomes, in the order shown.
    pub options: Vec<PredictOption>,
}

/// One outcome the learner may predict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictOption {
    /// What it says will happen (Markdown).
    pub text: String,
    /// The same, as a goal checked on the state right after the step.
    pub claim: Goal,
    /// Why it happens, shown once it has (Markdown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
}

/// The learner's prediction and, once the step has run, what was seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictionRecord {
    /// The prediction's id.
    pub id: String,
    /// The option the learner picked.
    pub choice: usize,
    /// How many actions the workspace had played when it was picked: only a later action can
    /// answer it.
    pub made_at: usize,
    /// The options whose claim held right after the answering step; `None` until it ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Vec<usize>>,
}

/// How a prediction stands, for the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Not made yet.
    Open,
    /// Made; the step has not run yet.
    Waiting(usize),
    /// The step ran and the option picked is what happened.
    Right(usize),
    /// The step ran and something else happened (the options that held; empty if none did,
    /// e.g. because the app was changed).
    Wrong {
        /// The option picked.
        choice: usize,
        /// What held.
        seen: Vec<usize>,
    },
}

impl PredictionRecord {
    /// Where the record stands.
    ///
    /// ```
    /// use session_playground::scenario::predict::{PredictionRecord, Verdict};
    /// let mut record = PredictionRecord { id: "p".into(), choice: 1, made_at: 0, seen: None };
    /// assert_eq!(record.verdict(), Verdict::Waiting(1));
    /// record.seen = Some(vec![1]);
    /// assert_eq!(record.verdict(), Verdict::Right(1));
    /// record.seen = Some(vec![0]);
    /// assert_eq!(record.verdict(), Verdict::Wrong { choice: 1, seen: vec![0] });
    /// ```
    pub fn verdict(&self) -> Verdict {
        match &self.seen {
            None => Verdict::Waiting(self.choice),
            Some(seen) if seen.contains(&self.choice) => Verdict::Right(self.choice),
            Some(seen) => Verdict::Wrong {
                choice: self.choice,
                seen: seen.clone(),
            },
        }
    }
}

/// The verdict on prediction `id` given the learner's records.
pub fn verdict(records: &[PredictionRecord], id: &str) -> Verdict {
    records
        .iter()
        .find(|record| record.id == id)
        .map_or(Verdict::Open, PredictionRecord::verdict)
}

/// The options of `prediction` whose claim holds on `state`.
pub fn seen(prediction: &Prediction, state: &LessonState) -> Vec<usize> {
    prediction
        .options
        .iter()
        .enumerate()
        .filter(|(_, option)| check(&option.claim, state).status == GoalStatus::Met)
        .map(|(index, _)| index)
        .collect()
}

/// Whether `done` is the scripted step `scripted` (the same action in the same browser; a
/// step without a browser is in `first`, the lesson's first profile).
pub fn is_step(scripted: &Step, done: &Step, first: &str) -> bool {
    scripted.action == done.action
        && scripted.browser.as_deref().unwrap_or(first) == done.browser.as_deref().unwrap_or(first)
}

/// Whether the last action of `log` answers a prediction made after `made_at` actions: it is
/// the first action since then that is the scripted step.
///
/// ```
/// use session_playground::scenario::action::get;
/// use session_playground::scenario::predict::answered_by_last;
/// let step = get("/count");
/// let log = [get("/"), get("/count")];
/// assert!(answered_by_last(&step, &log, 0, "Alice"));
/// assert!(!answered_by_last(&step, &log, 2, "Alice")); // made after the step: not yet
/// let later = [get("/count"), get("/count")];
/// assert!(!answered_by_last(&step, &later, 0, "Alice")); // the first one answered it
/// ```
pub fn answered_by_last(scripted: &Step, log: &[Step], made_at: usize, first: &str) -> bool {
    let Some(last) = log.len().checked_sub(1) else {
        return false;
    };
    log.iter()
        .enumerate()
        .skip(made_at)
        .find(|(_, done)| is_step(scripted, done, first))
        .is_some_and(|(index, _)| index == last)
}

/// The problems of a lesson's predictions (empty when they are well formed): each names its
/// place, e.g. `predictions[1].step`.
pub fn problems(predictions: &[Prediction], steps: &[Step]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, prediction) in predictions.iter().enumerate() {
        let place = format!("predictions[{i}]");
        if prediction.id.is_empty() || predictions[..i].iter().any(|p| p.id == prediction.id) {
            out.push((
                format!("{place}.id"),
                "expected a non-empty id used once".into(),
            ));
        }
        match steps.get(prediction.step) {
            None => out.push((
                format!("{place}.step"),
                format!(
                    "there is no scripted step {} (the lesson has {})",
                    prediction.step,
                    steps.len()
                ),
            )),
            Some(step)
                if matches!(
                    step.action,
                    crate::scenario::Action::EditCode(_) | crate::scenario::Action::EditFiles(_)
                ) =>
            {
                out.push((
                    format!("{place}.step"),
                    "a prediction is answered by a browser or clock step, not a code edit".into(),
                ))
            }
            Some(_) => {}
        }
        if predictions[..i].iter().any(|p| p.step == prediction.step) {
            out.push((
                format!("{place}.step"),
                "another prediction is asked before the same step".into(),
            ));
        }
        if prediction.options.len() < 2 {
            out.push((
                format!("{place}.options"),
                "a prediction needs at least two options".into(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::action::get;

    #[test]
    fn a_step_matches_in_its_own_browser_only() {
        let scripted = get("/count");
        assert!(is_step(
            &scripted,
            &get("/count").in_browser("Alice"),
            "Alice"
        ));
        assert!(!is_step(
            &scripted,
            &get("/count").in_browser("Bob"),
            "Alice"
        ));
        assert!(!is_step(&scripted, &get("/"), "Alice"));
        let bobs = get("/").in_browser("Bob");
        assert!(is_step(&bobs, &get("/").in_browser("Bob"), "Alice"));
    }

    #[test]
    fn an_unknown_id_is_open_and_an_empty_log_answers_nothing() {
        assert_eq!(verdict(&[], "p"), Verdict::Open);
        assert!(!answered_by_last(&get("/"), &[], 0, "Alice"));
    }
}
