//! The step-through: a request of the timeline re-run line by line. The request is replayed on a
//! fresh server exactly as it ran (the steps before it rebuild the server's state, as rewind
//! does), with the Flask layer's recorder attached ([`crate::flask::step_record`]); the
//! learner then moves through the recorded lines, seeing the variables and the session before
//! each line, what the line read or wrote, and the session after it.
//!
//! This module is the recording as data and where the learner is in it; the workspace makes
//! one (`Workspace::record_step_through`), the page renders it and dispatches `StepTo`.

use std::rc::Rc;

use crate::flask::step_record::{LineStep, Recording};
use crate::flask::trace::{SessionEntry, SessionTrace};

/// A recorded request and where the learner is in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepThrough {
    /// The lines of the learner's code that ran (lines the page's session-mode code adds to
    /// the app are left out), with what the recorder saw.
    pub recording: Rc<Recording>,
    /// The line on screen (an index into `recording.lines`).
    pub at: usize,
    /// The code the request ran, as the learner wrote it.
    pub source: Rc<str>,
    /// The session each exchange saved (what the last line's changes led to), when it ran.
    pub saved: Rc<Vec<Option<Vec<SessionEntry>>>>,
    /// What the request was, e.g. `Alice: GET /count → 200`.
    pub title: String,
}

impl StepThrough {
    /// The recording of a request whose code was `source` (lines past the learner's code —
    /// what the session mode adds — are left out), at its first line; `traces` are the
    /// request's session traces (one per exchange), `title` what the request was.
    pub fn new(
        mut recording: Recording,
        source: &str,
        traces: &[Option<SessionTrace>],
        title: String,
    ) -> StepThrough {
        let learner_lines = source.lines().count();
        recording.lines.retain(|line| line.line <= learner_lines);
        let saved = traces
            .iter()
            .map(|trace| trace.as_ref().map(|trace| trace.saved.clone()))
            .collect();
        StepThrough {
            recording: Rc::new(recording),
            at: 0,
            source: source.into(),
            saved: Rc::new(saved),
            title,
        }
    }

    /// The same recording at line `at` (kept within the recording).
    pub fn at(&self, at: usize) -> StepThrough {
        StepThrough {
            at: at.min(self.recording.lines.len().saturating_sub(1)),
            ..self.clone()
        }
    }

    /// The line on screen, if any line of the learner's code ran.
    pub fn current(&self) -> Option<&LineStep> {
        self.recording.lines.get(self.at)
    }

    /// The text of line `line` (1-based) of the code the request ran.
    pub fn line_text(&self, line: usize) -> &str {
        self.source.lines().nth(line.wrapping_sub(1)).unwrap_or("")
    }

    /// The session right after the line at `index`: the next line's "before" in the same
    /// exchange, or what the exchange saved after its last line.
    pub fn session_after(&self, index: usize) -> Option<Vec<SessionEntry>> {
        let lines = &self.recording.lines;
        let line = lines.get(index)?;
        match lines.get(index + 1) {
            Some(next) if next.exchange == line.exchange => next.session.clone(),
            _ => self.saved.get(line.exchange).cloned().flatten(),
        }
    }

    /// Whether the line at `index` changed the session's data.
    pub fn changes_session(&self, index: usize) -> bool {
        let before = self
            .recording
            .lines
            .get(index)
            .and_then(|line| line.session.clone());
        before.is_some()
            && self
                .session_after(index)
                .is_some_and(|after| Some(after) != before)
    }

    /// The names of the variables whose value the line on screen differs in from the line
    /// before it (new ones included), to highlight them.
    pub fn changed_locals(&self) -> Vec<String> {
        let Some(line) = self.current() else {
            return Vec::new();
        };
        let previous = self
            .at
            .checked_sub(1)
            .and_then(|at| self.recording.lines.get(at))
            .filter(|previous| previous.exchange == line.exchange && previous.func == line.func);
        line.locals
            .iter()
            .filter(|(name, value)| {
                previous.is_none_or(|previous| {
                    !previous.locals.iter().any(|(n, v)| n == name && v == value)
                })
            })
            .map(|(name, _)| name.clone())
            .collect()
    }
}
