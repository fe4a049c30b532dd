//! Saved work is never lost: the reducer's side of the storage rules (the safe start, "start
//! afresh", another tab's save, the bound on work kept before opening a link), on the real
//! simulated Flask app. The storage calls themselves are driven in a real browser by
//! `tests/browser/storage.test.mjs`.

use super::lesson_run::{AFRESH_NAME, KEPT_WORK_NAME, NOT_RUN_NAME};
use super::state::{Action, Workspace};
use crate::scenario::saved::{MAX_KEPT_WORK, SavedWork};

/// A workspace with some work in it: edited code and one request.
fn worked() -> Workspace {
    let code = format!("{}\n# mine\n", Workspace::started().code());
    Workspace::started()
        .apply(Action::EditCode(code))
        .apply(Action::ReloadServer)
        .apply(Action::Navigate("/count".into()))
}

#[test]
fn the_safe_start_keeps_the_work_it_does_not_run() {
    let saved = worked().saved_work();
    let current = saved.current.clone().unwrap();
    let opened = Workspace::started().apply(Action::RestoreWithoutRunning(Box::new(saved)));
    assert!(opened.timeline().is_empty(), "nothing was replayed");
    assert_eq!(
        opened.code(),
        Workspace::started().code(),
        "the page starts fresh"
    );
    let kept = opened
        .saved()
        .saved
        .iter()
        .find(|entry| entry.name == NOT_RUN_NAME)
        .expect("the work is kept by name");
    assert_eq!(kept.workspace, current);
    assert!(opened.notice().unwrap().contains(NOT_RUN_NAME));
    // Opening it later runs it as it was.
    let reopened = opened.apply(Action::OpenSaved(NOT_RUN_NAME.into()));
    assert_eq!(reopened.timeline().len(), worked().timeline().len());
    assert!(reopened.code().contains("# mine"));
}

#[test]
fn starting_afresh_keeps_the_work_on_screen_and_nothing_is_kept_twice() {
    let fresh = worked().apply(Action::StartAfresh);
    assert!(fresh.timeline().is_empty());
    assert_eq!(fresh.saved().saved.len(), 1);
    assert_eq!(fresh.saved().saved[0].name, AFRESH_NAME);
    assert!(fresh.notice().unwrap().contains(AFRESH_NAME));
    // A pristine workspace has nothing to keep.
    let again = fresh.apply(Action::StartAfresh);
    assert_eq!(again.saved().saved.len(), 1);
    // The fresh workspace answers requests.
    assert!(
        again
            .apply(Action::Navigate("/count".into()))
            .active_page()
            .is_some()
    );
}

#[test]
fn another_tabs_saved_workspaces_join_this_tabs_and_progress_is_a_union() {
    let here = worked().apply(Action::Share);
    let mut theirs = SavedWork::new();
    theirs.current = Some(worked().shared_state());
    let mut other_state = worked().shared_state();
    other_state.code = Some("print('other tab')\n".into());
    theirs.save_as("From the other tab", other_state);
    theirs
        .progress
        .entry("count".into())
        .or_default()
        .goals_met
        .push("first".into());
    let merged = here.apply(Action::OtherTabSaved(Box::new(theirs.clone())));
    assert_eq!(
        merged.saved().saved.len(),
        1,
        "the other tab's named workspace is here; its current is not copied"
    );
    assert_eq!(merged.saved().saved[0].name, "From the other tab");
    assert_eq!(merged.saved().progress["count"].goals_met, ["first"]);
    assert!(merged.notice().unwrap().contains("Another tab"));
    assert_eq!(
        merged.timeline().len(),
        here.timeline().len(),
        "nothing on screen changes"
    );
    // The same save arriving twice adds nothing and says nothing.
    let twice = merged.apply(Action::OtherTabSaved(Box::new(theirs)));
    assert_eq!(twice.saved().saved.len(), 1);
    assert_eq!(twice.notice(), merged.notice());
}

#[test]
fn work_kept_before_opening_links_is_bounded_oldest_first_and_the_notice_says_so() {
    let mut workspace = worked();
    let link = |n: usize| {
        let mut state = Workspace::started().shared_state();
        state.code = Some(format!("print({n})\n"));
        crate::scenario::share::encode(&state)
    };
    for n in 0..MAX_KEPT_WORK + 2 {
        // Each link's own work is changed a little, so each open keeps something.
        workspace = workspace
            .apply(Action::OpenShared(link(n)))
            .apply(Action::Navigate("/".into()));
    }
    // Each open kept the work of the link before it: the first open kept the original work,
    // then print(0), print(1)... Only the most recent MAX_KEPT_WORK remain, in the order kept.
    let kept: Vec<String> = workspace
        .saved()
        .saved
        .iter()
        .filter(|entry| entry.name.starts_with(KEPT_WORK_NAME))
        .map(|entry| entry.workspace.code.clone().unwrap_or_default())
        .collect();
    let newest: Vec<String> = (1..=MAX_KEPT_WORK)
        .map(|n| format!("print({n})\n"))
        .collect();
    assert_eq!(kept, newest);
    let last = workspace.apply(Action::OpenShared(link(99)));
    assert!(
        last.notice().unwrap().contains("most recent"),
        "{:?}",
        last.notice()
    );
}
