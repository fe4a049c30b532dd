//! The step-through: a request of the timeline re-run line by line. The request is replayed on a
//! fresh server exactly as it ran (the steps before it rebuild the server's state, as rewind
//! does), with the Flask layer's recorder attached ([`crate::flask::step_record`]); the
//! learner then moves through the recorded lines, seeing the variables and the session before
//! each line, what the line read or wrote, and the session after it.
//!
//! Everything here is a pure function of the workspace's start and log; the page only renders
//! a [`StepThrough`] and dispatches `StepTo`.

use std::rc::Rc;

use super::history::{Start, Step};
use super::state::{TimelineKind, Workspace};
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
    /// Re-runs the request of timeline entry `entry` line by line. Returns the state right after
    /// the entry (the same state a rewind to it shows) and the recording, or why the entry
    /// cannot be stepped through.
    pub fn record(start: &Start, log: &[Step], workspace: &Workspace, entry: usize) -> Result<(Workspace, StepThrough), String> {
        let Some(item) = workspace.timeline.get(entry) else {
            return Err("There is no such entry in the timeline.".to_string());
        };
        if item.kind != TimelineKind::Request || item.steps == 0 || item.steps > log.len() {
            return Err("Only a request can be stepped through: pick one in the timeline or the network list.".to_string());
        }
        let mut state = Workspace::replay(start, &log[..item.steps - 1]);
        state.server.start_recording();
        state.step(log[item.steps - 1].clone());
        let mut recording = state.server.stop_recording().unwrap_or_default();
        state.notice = None;
        let source: Rc<str> = state.served_code.as_str().into();
        let learner_lines = source.lines().count();
        recording.lines.retain(|line| line.line <= learner_lines);
        let saved = state
            .timeline
            .get(entry)
            .map(|item| item.traces.iter().map(|trace| trace.as_ref().map(saved_entries)).collect())
            .unwrap_or_default();
        let title = format!("{}: {}", item.profile.clone().unwrap_or_default(), item.summary);
        let step_through = StepThrough { recording: Rc::new(recording), at: 0, source, saved: Rc::new(saved), title };
        Ok((state, step_through))
    }

    /// The same recording at line `at` (kept within the recording).
    pub fn at(&self, at: usize) -> StepThrough {
        StepThrough { at: at.min(self.recording.lines.len().saturating_sub(1)), ..self.clone() }
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
        let before = self.recording.lines.get(index).and_then(|line| line.session.clone());
        before.is_some() && self.session_after(index).is_some_and(|after| Some(after) != before)
    }

    /// The names of the variables whose value the line on screen differs in from the line
    /// before it (new ones included), to highlight them.
    pub fn changed_locals(&self) -> Vec<String> {
        let Some(line) = self.current() else { return Vec::new() };
        let previous = self
            .at
            .checked_sub(1)
            .and_then(|at| self.recording.lines.get(at))
            .filter(|previous| previous.exchange == line.exchange && previous.func == line.func);
        line.locals
            .iter()
            .filter(|(name, value)| {
                previous.is_none_or(|previous| !previous.locals.iter().any(|(n, v)| n == name && v == value))
            })
            .map(|(name, _)| name.clone())
            .collect()
    }
}

fn saved_entries(trace: &SessionTrace) -> Vec<SessionEntry> {
    trace.saved.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flask::step_record::AccessKind;
    use crate::ui::state::Action;

    fn visits(value: &str) -> Option<Vec<SessionEntry>> {
        Some(vec![SessionEntry { key: "'visits'".into(), value: value.into() }])
    }

    /// The seed app after three visits and a clock jump.
    fn three_visits() -> Workspace {
        let mut workspace = Workspace::started();
        for _ in 0..3 {
            workspace = workspace.apply(Action::Navigate("/count".into()));
        }
        workspace.apply(Action::AdvanceClock("1h".into()))
    }

    #[test]
    fn the_second_visit_steps_through_the_seed_app_line_by_line() {
        let workspace = three_visits().apply(Action::StepThrough(1));
        let rewind = workspace.rewind.as_ref().expect("the entry's state is on screen");
        assert_eq!(rewind.entry, 1);
        let step_through = rewind.step_through.as_ref().expect("a recording");
        assert_eq!(step_through.title, "Alice: GET /count 200");
        let lines: Vec<usize> = step_through.recording.lines.iter().map(|line| line.line).collect();
        assert_eq!(lines, vec![8, 9, 12], "the `if` branch: the key is there from the first visit");
        assert_eq!(step_through.line_text(9), "        session['visits'] += 1");
        assert_eq!(step_through.current().unwrap().session, visits("1"));
        let accesses = |index: usize| -> Vec<(AccessKind, String)> {
            step_through.recording.lines[index].accesses.iter().map(|access| (access.kind, access.what.clone())).collect()
        };
        assert_eq!(accesses(0), vec![(AccessKind::Test, "'visits' in session".to_string())]);
        assert_eq!(
            accesses(1),
            vec![(AccessKind::Read, "session['visits']".to_string()), (AccessKind::Write, "session['visits']".to_string())]
        );
        assert_eq!(step_through.session_after(1), visits("2"));
        assert_eq!(step_through.session_after(2), visits("2"), "the last line: what Flask saved");
        assert!(!step_through.changes_session(0) && step_through.changes_session(1) && !step_through.changes_session(2));
        // The state on screen is the one right after the entry, as a rewind shows it.
        let viewed = three_visits().apply(Action::ViewEntry(1));
        let shown = |workspace: &Workspace| {
            let state = workspace.shown();
            (state.pages.clone(), state.browser.clone(), state.server_log.clone())
        };
        assert_eq!(shown(&workspace), shown(&viewed));
    }

    #[test]
    fn stepping_moves_within_the_recording_and_leaving_the_entry_ends_it() {
        let workspace = three_visits().apply(Action::StepThrough(0));
        let at = |workspace: &Workspace| workspace.rewind.as_ref().and_then(|rewind| rewind.step_through.as_ref()).map(|s| s.at);
        let first_lines: Vec<usize> = workspace.rewind.as_ref().unwrap().step_through.as_ref().unwrap().recording.lines.iter().map(|l| l.line).collect();
        assert_eq!(first_lines, vec![8, 11, 12], "the first visit takes the `else` branch");
        let moved = workspace.apply(Action::StepTo(2));
        assert_eq!(at(&moved), Some(2));
        assert_eq!(at(&moved.apply(Action::StepTo(99))), Some(2), "kept within the recording");
        // Typing in the editor keeps it; another entry, going back to now, or a request ends it.
        assert_eq!(at(&moved.apply(Action::EditCode("x = 1\n".into()))), Some(2));
        assert_eq!(at(&moved.apply(Action::ViewEntry(2))), None);
        assert_eq!(at(&moved.apply(Action::BackToNow)), None);
        assert_eq!(at(&moved.apply(Action::Navigate("/count".into()))), None);
    }

    #[test]
    fn only_requests_can_be_stepped_through() {
        let workspace = three_visits();
        let clock_jump = workspace.apply(Action::StepThrough(3));
        assert!(clock_jump.rewind.is_none());
        assert!(clock_jump.notice.as_deref().unwrap().starts_with("Only a request can be stepped through"));
        let missing = workspace.apply(Action::StepThrough(42));
        assert_eq!(missing.notice.as_deref(), Some("There is no such entry in the timeline."));
    }

    #[test]
    fn the_lines_the_session_mode_adds_to_the_app_are_not_stepped_through() {
        let mut workspace = Workspace::started().apply(Action::SetSessionMode(crate::scenario::SessionMode::Server));
        workspace = workspace.apply(Action::Navigate("/count".into()));
        let entry = workspace.timeline.len() - 1;
        let stepped = workspace.apply(Action::StepThrough(entry));
        let step_through = stepped.rewind.as_ref().and_then(|rewind| rewind.step_through.clone()).expect("a recording");
        let lines: Vec<usize> = step_through.recording.lines.iter().map(|line| line.line).collect();
        assert_eq!(lines, vec![8, 11, 12]);
        // Flask-Session's session (permanent by its default), written on line 11.
        let after = step_through.session_after(1).unwrap();
        assert!(after.contains(&visits("1").unwrap()[0]), "{after:?}");
        assert!(step_through.changes_session(1));
    }

    #[test]
    fn a_changed_variable_is_highlighted_against_the_line_before() {
        let code = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    a = 1\n    b = 2\n    a = 3\n    return str(a + b)\n";
        let workspace = Workspace::started().apply(Action::EditCode(code.into())).apply(Action::ReloadServer).apply(Action::Navigate("/".into()));
        let entry = workspace.timeline.len() - 1;
        let stepped = workspace.apply(Action::StepThrough(entry));
        let step_through = stepped.rewind.as_ref().and_then(|rewind| rewind.step_through.clone()).unwrap();
        let changed = |at: usize| step_through.at(at).changed_locals();
        assert_eq!(changed(1), vec!["a".to_string()]);
        assert_eq!(changed(2), vec!["b".to_string()]);
        assert_eq!(changed(3), vec!["a".to_string()]);
    }
}
