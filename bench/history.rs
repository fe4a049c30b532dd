//! Issues 14 and 21: the page's state on a long history. A learner presses Enter 1,000 times
//! (`GET /count`); then each further Enter is one reduce of the page's `Workspace`, and a click
//! on the first entry is a rewind.
//!
//! Always checks what makes those cheap: a reduce shares the timeline and the step log with the
//! state before it (nothing of the history is copied), and the rewind to entry 1 shows a kept
//! view (the right page, no server started, the history shared). With `PLAYGROUND_BENCH=1` it
//! also times both natively and prints `BENCH` lines (median of the rounds, in microseconds);
//! `tests/browser/perf.test.mjs` measures the same two in the page, render included.

use std::time::Instant;

use session_playground::flask::server::starts;
use session_playground::ui::state::{Action, Workspace};

/// The history's length (issue 21's figure).
const ENTRIES: usize = 1_000;
/// Timed rounds; the median is reported.
const ROUNDS: usize = 31;

fn enter() -> Action {
    Action::Navigate("/count".into())
}

/// The seed app after `entries` presses of Enter on `/count`.
fn long_history(entries: usize) -> Workspace {
    let mut workspace = Workspace::started();
    for _ in 0..entries {
        workspace = workspace.apply(enter());
    }
    workspace
}

fn body(workspace: &Workspace) -> String {
    workspace
        .active_page()
        .map(|page| page.body.clone())
        .unwrap_or_default()
}

fn median_us(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn timing() -> bool {
    std::env::var_os("PLAYGROUND_BENCH").is_some()
}

#[test]
fn enter_and_rewind_on_a_thousand_entries_copy_no_history() {
    let workspace = long_history(ENTRIES);
    assert_eq!(workspace.timeline().len(), ENTRIES);
    assert_eq!(body(&workspace), format!("Visit number: {ENTRIES}"));

    // Enter: the next state reads the same timeline and log; the one before keeps its own.
    let next = workspace.apply(enter());
    assert_eq!(body(&next), format!("Visit number: {}", ENTRIES + 1));
    assert!(next.timeline().shares_storage_with(workspace.timeline()));
    assert!(next.log().shares_storage_with(workspace.log()));
    assert_eq!(
        (workspace.timeline().len(), next.timeline().len()),
        (ENTRIES, ENTRIES + 1)
    );

    // Rewind to entry 1: its kept view, with no server started and the history shared.
    let started = starts();
    let rewound = workspace.apply(Action::ViewEntry(0));
    assert_eq!(starts(), started, "the rewind started a server (a replay)");
    let shown = rewound.shown();
    assert_eq!(body(shown), "Visit number: 1");
    assert_eq!(shown.timeline().len(), 1);
    assert!(shown.timeline().shares_storage_with(workspace.timeline()));
    // The present is untouched behind it.
    assert_eq!(body(&rewound), format!("Visit number: {ENTRIES}"));

    if !timing() {
        return;
    }
    let mut enters = Vec::new();
    let mut rewinds = Vec::new();
    let mut state = workspace;
    for _ in 0..ROUNDS {
        let at = Instant::now();
        let next = state.apply(enter());
        enters.push(at.elapsed().as_secs_f64() * 1e6);
        let at = Instant::now();
        let rewound = next.apply(Action::ViewEntry(0));
        rewinds.push(at.elapsed().as_secs_f64() * 1e6);
        assert_eq!(body(rewound.shown()), "Visit number: 1");
        state = next;
    }
    let mut short = long_history(10);
    let mut enters_short = Vec::new();
    for _ in 0..ROUNDS {
        let at = Instant::now();
        short = short.apply(enter());
        enters_short.push(at.elapsed().as_secs_f64() * 1e6);
    }
    println!(
        "BENCH reduce_enter_10_entries_us {:.1}",
        median_us(enters_short)
    );
    println!(
        "BENCH reduce_enter_1000_entries_us {:.1}",
        median_us(enters)
    );
    println!(
        "BENCH reduce_rewind_entry_1_of_1000_us {:.1}",
        median_us(rewinds)
    );
}
