//! The total work a replay may take: opening a link, a saved workspace, or the saved work on
//! load replays its actions on the interpreter, and each request is bounded by the step budget
//! (1,000,000 steps), but a link of 10,000 full-budget requests is not bounded as a whole — it
//! would keep the page busy for half an hour, and, saved, on every load again.
//!
//! A [`WorkMeter`] sums the interpreter steps the replayed actions take (the server's own count,
//! `World`'s [`ServerHandle::work_done`]; a code edit's new server counts from its load). Once the
//! sum reaches [`REPLAY_WORK_BUDGET`] the replay stops before the next action: the state so far is
//! shown, a [`ReplayCut`] on the workspace says how far it got (the notice), and while it is there
//! the autosave keeps the saved copy of the link whole instead of writing the cut state as if it
//! were the work (`Workspace::saved_work`). The learner's next action continues from the cut state,
//! which then is the work.
//!
//! Steps, not time: the same link stops at the same action on every machine and in the CLI's
//! `verify`, so a hand-in's code does not depend on who checks it.

use crate::scenario::world::ServerHandle;

/// How many interpreter steps one replay may take in all: the work of 20 requests that each run
/// their full step budget (a few seconds in the page), and more than 100 times what the longest
/// built-in lesson's solution takes, so no real timeline comes near it.
pub const REPLAY_WORK_BUDGET: u64 = 20_000_000;

/// Sums the work of the steps of a replay.
#[derive(Clone, Debug)]
pub struct WorkMeter {
    spent: u64,
    server: ServerHandle,
    mark: u64,
}

impl WorkMeter {
    /// A meter that starts counting now, on `server` (what the start cost is counted too: the
    /// server's count so far).
    pub fn new(server: &ServerHandle) -> WorkMeter {
        WorkMeter {
            spent: server.work_done(),
            server: server.clone(),
            mark: server.work_done(),
        }
    }

    /// Counts what ran since the last count, `server` being the one running now (a new server,
    /// after a code edit, counts all it did: its load).
    pub fn count(&mut self, server: &ServerHandle) {
        let now = server.work_done();
        let since = if *server == self.server {
            now.saturating_sub(self.mark)
        } else {
            now
        };
        self.spent = self.spent.saturating_add(since);
        self.server = server.clone();
        self.mark = now;
    }

    /// The steps counted so far.
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// Whether the replay must stop here.
    pub fn exhausted(&self) -> bool {
        self.spent >= REPLAY_WORK_BUDGET
    }
}

/// A replay that stopped on the budget: how far it got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayCut {
    /// The actions replayed.
    pub done: usize,
    /// The actions the link or saved work has.
    pub total: usize,
    /// The steps they took.
    pub work: u64,
}

impl ReplayCut {
    /// What the page says, in the learner's terms.
    ///
    /// ```
    /// use session_playground::ui::replay_budget::ReplayCut;
    /// let cut = ReplayCut { done: 20, total: 10_000, work: 20_000_123 };
    /// assert!(cut.notice().starts_with("The replay stopped after 20 of 10,000 actions:"));
    /// ```
    pub fn notice(&self) -> String {
        use crate::text::number::thousands;
        format!(
            "The replay stopped after {} of {} actions: they took {} steps of Python, more than the {} one replay may take. The page shows the state after action {}; the rest was not run. Your saved copy is kept whole until you act here (your next action continues from this state).",
            thousands(self.done as u64),
            thousands(self.total as u64),
            thousands(self.work),
            thousands(REPLAY_WORK_BUDGET),
            self.done,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::share::{SHARE_VERSION, SharedState, encode};
    use crate::scenario::{Action as StepAction, Step};
    use crate::ui::state::{Action, Workspace};

    /// A link of `count` requests to `/pow`, a handler whose big-number arithmetic is charged
    /// its whole step budget at once (so the test is quick; the budget sees the same work as a
    /// handler that loops to its budget).
    fn heavy_link(count: usize) -> SharedState {
        let code = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/pow')\ndef power():\n    return str(7 ** (10 ** 7))\n";
        let request = Step::new(StepAction::Request(crate::scenario::action::RequestStep {
            method: "GET".into(),
            target: "/pow".into(),
            form: None,
            headers: Vec::new(),
            json: None,
            host: None,
            from: None,
        }));
        SharedState {
            version: SHARE_VERSION,
            code: Some(code.into()),
            actions: vec![request; count],
            ..SharedState::default()
        }
    }

    #[test]
    fn a_link_of_ten_thousand_full_budget_requests_stops_on_the_budget() {
        let link = heavy_link(10_000);
        let payload = encode(&link);
        let opened = Workspace::started().apply(Action::OpenShared(payload));
        let cut = opened.replay_cut().cloned().expect("the replay was cut");
        // Each request counts its whole budget (1,000,000): the 20th reaches the total.
        assert_eq!((cut.done, cut.total), (20, 10_000));
        assert!(cut.work >= REPLAY_WORK_BUDGET, "{cut:?}");
        assert_eq!(opened.requests().count(), 20);
        assert_eq!(opened.active_page().unwrap().status, 500);
        let notice = opened.notice().unwrap();
        assert!(
            notice.starts_with("The replay stopped after 20 of 10,000 actions:"),
            "{notice}"
        );
        // Not saved as if it were the work: the saved copy is the whole link.
        let saved = opened.saved_work();
        assert_eq!(saved.current.as_ref().unwrap().actions.len(), 10_000);
        // The learner's next action continues from the cut state, which is then the work.
        let acted = opened.apply(Action::AdvanceClockSeconds(1));
        assert_eq!(acted.replay_cut(), None);
        assert_eq!(acted.saved_work().current.unwrap().actions.len(), 21);
    }

    /// The hostile browser test opens this link (`tests/browser/heavy-link.txt`): written by the
    /// page's own encoder (`REGENERATE=1 cargo test heavy_link` rewrites it), checked here.
    #[test]
    fn the_browser_tests_heavy_link_is_this_link() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/heavy-link.txt");
        let want = encode(&heavy_link(10_000));
        if std::env::var_os("REGENERATE").is_some() {
            std::fs::write(path, format!("{want}\n")).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            have.trim(),
            want,
            "REGENERATE=1 cargo test heavy_link rewrites it"
        );
    }

    #[test]
    fn restoring_saved_work_is_bounded_the_same_way() {
        let mut saved = crate::scenario::saved::SavedWork::new();
        saved.current = Some(heavy_link(500));
        let restored = Workspace::started().apply(Action::Restore(Box::new(saved)));
        let cut = restored.replay_cut().cloned().expect("cut");
        assert_eq!((cut.done, cut.total), (20, 500));
        assert!(
            restored
                .notice()
                .is_some_and(|notice| notice.starts_with("The replay stopped")),
            "{:?}",
            restored.notice()
        );
        assert_eq!(restored.saved_work().current.unwrap().actions.len(), 500);
    }

    #[test]
    fn a_link_under_the_budget_replays_whole_and_real_lessons_are_far_under_it() {
        let opened = Workspace::started().apply(Action::OpenShared(encode(&heavy_link(19))));
        assert_eq!(opened.replay_cut(), None);
        assert_eq!(opened.requests().count(), 19);
        // Every built-in lesson's solution, replayed as its link: under 1% of the budget.
        for (id, _) in Workspace::lesson_list() {
            let played = Workspace::started()
                .apply(Action::OpenLesson(id.clone()))
                .apply(Action::PlaySolution);
            let link = played.shared_state();
            let start = Workspace::replay(played.start_point(), &[]);
            let mut meter = WorkMeter::new(&start.server);
            let mut replayed = start;
            for step in &link.actions {
                replayed.step(step.clone());
                meter.count(&replayed.server);
            }
            assert!(
                meter.spent() < REPLAY_WORK_BUDGET / 100,
                "{id}: {} steps",
                meter.spent()
            );
        }
    }
}
