//! Saved work, as the page keeps it in localStorage: the current workspace, named saved
//! workspaces, and per-lesson progress — plain data with serde, one JSON document with a
//! version, which is also the export/import file. The page does the storage calls; the rules
//! (never overwrite work silently, goals stay met, "show solution" is not "solved") live here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scenario::goal::{Goal, GoalResult, GoalStatus};
use crate::scenario::predict::PredictionRecord;
use crate::scenario::share::{SHARE_VERSION, SharedState};

/// The saved-work format this build writes and the newest it reads.
pub const SAVED_WORK_VERSION: u32 = 1;

/// How many "kept before opening" workspaces [`SavedWork::open`] keeps; older ones go first.
pub const MAX_KEPT_WORK: usize = 5;

/// What [`SavedWork::open`] did with the work it replaced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// The name the replaced work was kept under, if it was kept.
    pub name: Option<String>,
    /// Older kept workspaces dropped to stay within [`MAX_KEPT_WORK`], oldest first.
    pub dropped: Vec<String>,
}

/// Everything the page keeps between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedWork {
    /// The format version ([`SAVED_WORK_VERSION`]).
    pub version: u32,
    /// The workspace open now (autosaved).
    #[serde(default)]
    pub current: Option<SharedState>,
    /// Workspaces saved under a name, in the order they were saved.
    #[serde(default)]
    pub saved: Vec<NamedWorkspace>,
    /// Progress per lesson id.
    #[serde(default)]
    pub progress: BTreeMap<String, LessonProgress>,
}

/// A workspace kept under a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedWorkspace {
    /// The name shown in the list (unique).
    pub name: String,
    /// The work: code, settings, lesson and actions, as a share link carries them.
    pub workspace: SharedState,
}

/// How far a learner got in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// Ids of the goals met (a goal once met stays met).
    #[serde(default)]
    pub goals_met: Vec<String>,
    /// Whether the learner asked to see the solution (recorded as shown, not as solved).
    #[serde(default)]
    pub solution_shown: bool,
    /// Whether every goal was already met when the solution was first shown.
    #[serde(default)]
    pub solved_before_solution: bool,
    /// The quiz option picked last, if any.
    #[serde(default)]
    pub quiz_answer: Option<usize>,
    /// The learner's predictions (predict, then see), each with what was seen once its step ran.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predictions: Vec<PredictionRecord>,
}

impl LessonProgress {
    /// Records the goals met in `results` (one per goal of `goals`, in order), keeping the
    /// ones met before; a goal with `after` counts only once that goal is met. Returns the
    /// newly met ids.
    ///
    /// ```
    /// use session_playground::scenario::saved::LessonProgress;
    /// use session_playground::scenario::goal::{Goal, GoalCheck, GoalResult, GoalStatus};
    /// let goal = |id: &str, after: Option<&str>| Goal { id: id.into(), text: String::new(), browser: None,
    ///     mode: None, after: after.map(Into::into), check: GoalCheck::BrowserClosed };
    /// let goals = [goal("a", None), goal("b", Some("a"))];
    /// let met = GoalResult { status: GoalStatus::Met, detail: String::new() };
    /// let unmet = GoalResult { status: GoalStatus::Unmet, detail: String::new() };
    /// let mut progress = LessonProgress::default();
    /// assert!(progress.record(&goals[1..], &[met.clone()]).is_empty()); // "b" before "a" does not count
    /// assert_eq!(progress.record(&goals, &[met.clone(), unmet.clone()]), ["a"]);
    /// // A later, harmless request that makes "a" unmet again does not take it back.
    /// assert_eq!(progress.record(&goals, &[unmet, met]), ["b"]);
    /// assert_eq!(progress.goals_met, ["a", "b"]);
    /// ```
    pub fn record(&mut self, goals: &[Goal], results: &[GoalResult]) -> Vec<String> {
        let mut newly = Vec::new();
        for (goal, result) in goals.iter().zip(results) {
            if result.status != GoalStatus::Met || self.goals_met.contains(&goal.id) {
                continue;
            }
            if goal
                .after
                .as_ref()
                .is_some_and(|first| !self.goals_met.contains(first))
            {
                continue;
            }
            self.goals_met.push(goal.id.clone());
            newly.push(goal.id.clone());
        }
        newly
    }

    /// Adds `other`'s progress to this one: goals met are a union, "solution shown" sticks
    /// (solved before it only if both say so), `other`'s quiz answer wins if it has one.
    pub fn join(&mut self, other: &LessonProgress) {
        for goal in &other.goals_met {
            if !self.goals_met.contains(goal) {
                self.goals_met.push(goal.clone());
            }
        }
        if other.solution_shown {
            self.solved_before_solution = if self.solution_shown {
                self.solved_before_solution && other.solved_before_solution
            } else {
                other.solved_before_solution
            };
            self.solution_shown = true;
        }
        self.quiz_answer = other.quiz_answer.or(self.quiz_answer);
        for record in &other.predictions {
            self.predict(record.clone());
        }
    }

    /// Keeps `record` as the learner's prediction for its id (replacing an earlier one).
    pub fn predict(&mut self, record: PredictionRecord) {
        match self
            .predictions
            .iter_mut()
            .find(|kept| kept.id == record.id)
        {
            Some(kept) => *kept = record,
            None => self.predictions.push(record),
        }
    }

    /// Whether every goal of `goal_ids` was met by the learner.
    pub fn solved<'a>(&self, goal_ids: impl IntoIterator<Item = &'a str>) -> bool {
        goal_ids
            .into_iter()
            .all(|id| self.goals_met.iter().any(|met| met == id))
    }

    /// Whether every goal is met.
    pub fn all_met(&self, goals: &[Goal]) -> bool {
        goals.iter().all(|goal| self.goals_met.contains(&goal.id))
    }

    /// "Show solution": recorded as shown; goals met afterwards do not count as solved.
    pub fn show_solution(&mut self, goals: &[Goal]) {
        if !self.solution_shown {
            self.solved_before_solution = self.all_met(goals);
            self.solution_shown = true;
        }
    }

    /// Where the learner stands.
    ///
    /// ```
    /// use session_playground::scenario::saved::{LessonOutcome, LessonProgress};
    /// use session_playground::scenario::goal::{Goal, GoalCheck};
    /// let goals = [Goal { id: "a".into(), text: String::new(), browser: None, mode: None, after: None,
    ///     check: GoalCheck::BrowserClosed }];
    /// let mut progress = LessonProgress::default();
    /// assert_eq!(progress.outcome(&goals), LessonOutcome::NotStarted);
    /// progress.show_solution(&goals);
    /// progress.goals_met.push("a".into());
    /// assert_eq!(progress.outcome(&goals), LessonOutcome::SolutionShown);
    /// ```
    pub fn outcome(&self, goals: &[Goal]) -> LessonOutcome {
        let all = self.all_met(goals);
        match (all, self.solution_shown) {
            (true, false) => LessonOutcome::Solved,
            (true, true) if self.solved_before_solution => LessonOutcome::Solved,
            (_, true) => LessonOutcome::SolutionShown,
            (false, false) if self.goals_met.is_empty() => LessonOutcome::NotStarted,
            (false, false) => LessonOutcome::InProgress,
        }
    }
}

/// A lesson's state in the lesson list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LessonOutcome {
    /// No goal met yet.
    NotStarted,
    /// Some goals met.
    InProgress,
    /// Every goal met by the learner (before any "show solution").
    Solved,
    /// The solution was shown before every goal was met.
    SolutionShown,
}

/// Why an imported file was not taken; `Display` is the learner's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not a saved-work file.
    Malformed(String),
    /// Made by a newer playground.
    FutureVersion(u32),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Malformed(why) => write!(
                f,
                "This file is not saved work from the playground ({why}). Nothing was changed."
            ),
            ImportError::FutureVersion(version) => write!(
                f,
                "This file was saved by a newer version of the playground (format {version}; this one reads up to {SAVED_WORK_VERSION}). Nothing was changed."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl SavedWork {
    /// Empty saved work of the current version.
    pub fn new() -> SavedWork {
        SavedWork {
            version: SAVED_WORK_VERSION,
            ..SavedWork::default()
        }
    }

    /// Keeps `workspace` under `name`; if the name is taken, under `name (2)`, `name (3)`...
    /// Returns the name used. Nothing already saved is overwritten.
    ///
    /// ```
    /// use session_playground::scenario::saved::SavedWork;
    /// use session_playground::scenario::share::{SharedState, SHARE_VERSION};
    /// let mut work = SavedWork::new();
    /// let state = SharedState { version: SHARE_VERSION, code: Some("x".into()), ..SharedState::default() };
    /// assert_eq!(work.save_as("mine", state.clone()), "mine");
    /// assert_eq!(work.save_as("mine", state), "mine (2)");
    /// ```
    pub fn save_as(&mut self, name: &str, workspace: SharedState) -> String {
        let taken = |candidate: &str| self.saved.iter().any(|saved| saved.name == candidate);
        let mut chosen = name.to_string();
        let mut n = 2;
        while taken(&chosen) {
            chosen = format!("{name} ({n})");
            n += 1;
        }
        self.saved.push(NamedWorkspace {
            name: chosen.clone(),
            workspace,
        });
        chosen
    }

    /// Opens `incoming` (e.g. from a share link) as the current workspace. Current work that
    /// differs from it is first kept under `keep_as` (numbered if taken). At most
    /// [`MAX_KEPT_WORK`] such entries are kept: the oldest go first, and the answer names them so
    /// the page can say so.
    pub fn open(&mut self, incoming: SharedState, keep_as: &str) -> Kept {
        let current = self.current.take();
        self.current = Some(incoming.clone());
        let Some(current) = current else {
            return Kept::default();
        };
        // Pristine work (nothing done, the lesson's own code) and work already saved under a
        // name are not worth another copy.
        let pristine = current.actions.is_empty() && current.code.is_none();
        let already_saved = self.saved.iter().any(|saved| saved.workspace == current);
        if current == incoming || pristine || already_saved {
            return Kept::default();
        }
        let name = self.save_as(keep_as, current);
        let is_kept_entry = |entry: &NamedWorkspace| {
            entry.name == keep_as
                || entry
                    .name
                    .strip_prefix(keep_as)
                    .and_then(|rest| rest.strip_prefix(" ("))
                    .is_some_and(|rest| rest.ends_with(')'))
        };
        let mut dropped = Vec::new();
        while self
            .saved
            .iter()
            .filter(|entry| is_kept_entry(entry))
            .count()
            > MAX_KEPT_WORK
        {
            let oldest = self
                .saved
                .iter()
                .position(is_kept_entry)
                .expect("counted above");
            dropped.push(self.saved.remove(oldest).name);
        }
        Kept {
            name: Some(name),
            dropped,
        }
    }

    /// Moves the current workspace, if it holds anything, into the named workspaces as `name`
    /// (numbered if taken): the page's "start afresh", and its safe start after a load that never
    /// finished. Returns the name used.
    pub fn set_aside_current(&mut self, name: &str) -> Option<String> {
        let current = self.current.take()?;
        if current.actions.is_empty() && current.code.is_none() {
            return None;
        }
        if let Some(saved) = self.saved.iter().find(|saved| saved.workspace == current) {
            return Some(saved.name.clone());
        }
        Some(self.save_as(name, current))
    }

    /// Adds `other`'s named workspaces (and its current one, as `current_as`) that this work
    /// does not hold yet, and its lesson progress (goals met are a union; "solution shown"
    /// sticks). This work's own current workspace stays. Returns how many workspaces were added.
    /// Used for an imported file and for what another tab of the page saved.
    pub fn merge(&mut self, other: SavedWork, current_as: Option<&str>) -> usize {
        let mut added = 0;
        let other_current = current_as.and_then(|name| {
            other.current.map(|workspace| NamedWorkspace {
                name: name.to_string(),
                workspace,
            })
        });
        for entry in other.saved.into_iter().chain(other_current) {
            let known = self
                .saved
                .iter()
                .any(|kept| kept.workspace == entry.workspace)
                || self.current.as_ref() == Some(&entry.workspace);
            if !known {
                self.save_as(&entry.name, entry.workspace);
                added += 1;
            }
        }
        for (id, progress) in other.progress {
            let mine = self.progress.entry(id).or_default();
            for goal in progress.goals_met {
                if !mine.goals_met.contains(&goal) {
                    mine.goals_met.push(goal);
                }
            }
            mine.solution_shown |= progress.solution_shown;
            mine.quiz_answer = mine.quiz_answer.or(progress.quiz_answer);
        }
        added
    }

    /// The whole document as JSON (the export file).
    pub fn export(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an exported document (or what localStorage held).
    ///
    /// ```
    /// use session_playground::scenario::saved::{ImportError, SavedWork};
    /// let work = SavedWork::new();
    /// assert_eq!(SavedWork::import(&work.export()), Ok(work));
    /// assert_eq!(SavedWork::import(r#"{"version": 7}"#), Err(ImportError::FutureVersion(7)));
    /// ```
    pub fn import(text: &str) -> Result<SavedWork, ImportError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ImportError::Malformed(e.to_string()))?;
        SavedWork::from_json(value)
    }

    /// Reads the document from its parsed JSON (what the page's storage hands back).
    pub fn from_json(value: serde_json::Value) -> Result<SavedWork, ImportError> {
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(version) if version > u64::from(SAVED_WORK_VERSION) => {
                return Err(ImportError::FutureVersion(
                    u32::try_from(version).unwrap_or(u32::MAX),
                ));
            }
            Some(0) | None => return Err(ImportError::Malformed("no version".into())),
            Some(_) => {}
        }
        let work: SavedWork =
            serde_json::from_value(value).map_err(|e| ImportError::Malformed(e.to_string()))?;
        let states = work
            .current
            .iter()
            .chain(work.saved.iter().map(|saved| &saved.workspace));
        if let Some(state) = states
            .into_iter()
            .find(|state| state.version > SHARE_VERSION)
        {
            return Err(ImportError::FutureVersion(state.version));
        }
        for state in work
            .current
            .iter()
            .chain(work.saved.iter().map(|saved| &saved.workspace))
        {
            state.check_files().map_err(ImportError::Malformed)?;
        }
        Ok(work)
    }
}
