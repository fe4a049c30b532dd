//! The step-through through the page's reducer: a request of the timeline re-run line by line.

use super::state::{Action, Workspace};
use crate::flask::step_record::AccessKind;
use crate::flask::trace::SessionEntry;

fn visits(value: &str) -> Option<Vec<SessionEntry>> {
    Some(vec![SessionEntry {
        key: "'visits'".into(),
        value: value.into(),
    }])
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
    let rewind = workspace.rewind().expect("the entry's state is on screen");
    assert_eq!(rewind.entry(), 1);
    let step_through = rewind.step_through().expect("a recording");
    assert_eq!(step_through.title, "Alice: GET /count 200");
    let lines: Vec<usize> = step_through
        .recording
        .lines
        .iter()
        .map(|line| line.line)
        .collect();
    assert_eq!(
        lines,
        vec![8, 9, 12],
        "the `if` branch: the key is there from the first visit"
    );
    assert_eq!(step_through.line_text(9), "        session['visits'] += 1");
    assert_eq!(step_through.current().unwrap().session, visits("1"));
    let accesses = |index: usize| -> Vec<(AccessKind, String)> {
        step_through.recording.lines[index]
            .accesses
            .iter()
            .map(|access| (access.kind, access.what.clone()))
            .collect()
    };
    assert_eq!(
        accesses(0),
        vec![(AccessKind::Test, "'visits' in session".to_string())]
    );
    assert_eq!(
        accesses(1),
        vec![
            (AccessKind::Read, "session['visits']".to_string()),
            (AccessKind::Write, "session['visits']".to_string())
        ]
    );
    assert_eq!(step_through.session_after(1), visits("2"));
    assert_eq!(
        step_through.session_after(2),
        visits("2"),
        "the last line: what Flask saved"
    );
    assert!(
        !step_through.changes_session(0)
            && step_through.changes_session(1)
            && !step_through.changes_session(2)
    );
    // The state on screen is the one right after the entry, as a rewind shows it.
    let viewed = three_visits().apply(Action::ViewEntry(1));
    let shown = |workspace: &Workspace| {
        let state = workspace.shown();
        (
            state.pages().to_vec(),
            state.browser.clone(),
            state.server_log.clone(),
        )
    };
    assert_eq!(shown(&workspace), shown(&viewed));
}

#[test]
fn stepping_moves_within_the_recording_and_leaving_the_entry_ends_it() {
    let workspace = three_visits().apply(Action::StepThrough(0));
    let at = |workspace: &Workspace| {
        workspace
            .rewind()
            .and_then(|rewind| rewind.step_through())
            .map(|s| s.at)
    };
    let first_lines: Vec<usize> = workspace
        .rewind()
        .unwrap()
        .step_through()
        .unwrap()
        .recording
        .lines
        .iter()
        .map(|l| l.line)
        .collect();
    assert_eq!(
        first_lines,
        vec![8, 11, 12],
        "the first visit takes the `else` branch"
    );
    let moved = workspace.apply(Action::StepTo(2));
    assert_eq!(at(&moved), Some(2));
    assert_eq!(
        at(&moved.apply(Action::StepTo(99))),
        Some(2),
        "kept within the recording"
    );
    // Typing in the editor keeps it; another entry, going back to now, or a request ends it.
    assert_eq!(
        at(&moved.apply(Action::EditCode("x = 1\n".into()))),
        Some(2)
    );
    assert_eq!(at(&moved.apply(Action::ViewEntry(2))), None);
    assert_eq!(at(&moved.apply(Action::BackToNow)), None);
    assert_eq!(at(&moved.apply(Action::Navigate("/count".into()))), None);
}

#[test]
fn only_requests_can_be_stepped_through() {
    let workspace = three_visits();
    let clock_jump = workspace.apply(Action::StepThrough(3));
    assert!(clock_jump.rewind().is_none());
    assert!(
        clock_jump
            .notice()
            .unwrap()
            .starts_with("Only a request can be stepped through")
    );
    let missing = workspace.apply(Action::StepThrough(42));
    assert_eq!(
        missing.notice(),
        Some("There is no such entry in the timeline.")
    );
}

#[test]
fn the_lines_the_session_mode_adds_to_the_app_are_not_stepped_through() {
    let mut workspace =
        Workspace::started().apply(Action::SetSessionMode(crate::scenario::SessionMode::Server));
    workspace = workspace.apply(Action::Navigate("/count".into()));
    let entry = workspace.timeline().len() - 1;
    let stepped = workspace.apply(Action::StepThrough(entry));
    let step_through = stepped
        .rewind()
        .and_then(|rewind| rewind.step_through().cloned())
        .expect("a recording");
    let lines: Vec<usize> = step_through
        .recording
        .lines
        .iter()
        .map(|line| line.line)
        .collect();
    assert_eq!(lines, vec![8, 11, 12]);
    // Flask-Session's session (permanent by its default), written on line 11.
    let after = step_through.session_after(1).unwrap();
    assert!(after.contains(&visits("1").unwrap()[0]), "{after:?}");
    assert!(step_through.changes_session(1));
}

#[test]
fn a_changed_variable_is_highlighted_against_the_line_before() {
    let code = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    a = 1\n    b = 2\n    a = 3\n    return str(a + b)\n";
    let workspace = Workspace::started()
        .apply(Action::EditCode(code.into()))
        .apply(Action::ReloadServer)
        .apply(Action::Navigate("/".into()));
    let entry = workspace.timeline().len() - 1;
    let stepped = workspace.apply(Action::StepThrough(entry));
    let step_through = stepped
        .rewind()
        .and_then(|rewind| rewind.step_through().cloned())
        .unwrap();
    let changed = |at: usize| step_through.at(at).changed_locals();
    assert_eq!(changed(1), vec!["a".to_string()]);
    assert_eq!(changed(2), vec!["b".to_string()]);
    assert_eq!(changed(3), vec!["a".to_string()]);
}
