//! Fuzz target: text from outside the page never panics the page's state, and a state that
//! opens is the state the link carried. Three doors, picked by the first byte:
//! - 0: the bytes (lossy UTF-8) as a share-link payload, opened as the page opens `#v1....`;
//! - 1: the bytes as the JSON inside a link: when it reads as a shared state, that state is
//!   encoded as the page's Share button would, must decode back to itself, and is opened, so
//!   its actions (requests, clock jumps, code edits, cookie edits) are replayed for real;
//! - 2: the bytes as an exported saved-work file, imported and then each workspace opened.
//!
//! Unlike `set_cookie` and `python_source`, this target links the whole crate (the share
//! decoder is only half of it: opening a link replays the actions through the page's reducer).
//!
//! Seed the corpus with the built-in lessons' scripts (doors 1 and 2), then run:
//!     python3 fuzz/seed_share_link.py
//!     ASAN_OPTIONS=detect_leaks=0 cargo +nightly fuzz run share_link -- \
//!         -max_total_time=600 -timeout=20 -detect_leaks=0 -fork=1 -ignore_ooms=1 -rss_limit_mb=3072
//!
//! The flags are `python_source`'s, for the same reason: every replay starts the simulated
//! Flask, whose interpreter leaks its reference cycles, so one process fills up after some
//! 10,000 inputs; `-fork=1` restarts it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_playground::scenario::share::{SharedState, decode, encode};
use session_playground::ui::state::{Action, Workspace};

fuzz_target!(|data: &[u8]| {
    let Some((&door, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let workspace = Workspace::default();
    match door % 3 {
        0 => {
            let opened = workspace.apply(Action::OpenShared(text.clone()));
            if decode(&text).is_err() {
                // A link that cannot be opened changes nothing but the notice.
                assert!(opened.notice().is_some());
                assert_eq!(opened.code(), workspace.code());
                assert!(opened.timeline().is_empty());
            }
        }
        1 => {
            let Ok(state) = serde_json::from_str::<SharedState>(&text) else {
                return;
            };
            let link = encode(&state);
            if let Ok(decoded) = decode(&link) {
                assert_eq!(decoded, state);
            }
            let _ = workspace.apply(Action::OpenShared(link));
        }
        _ => {
            let imported = workspace.apply(Action::ImportSaved(text));
            let names: Vec<String> = imported
                .saved()
                .saved
                .iter()
                .map(|kept| kept.name.clone())
                .collect();
            for name in names {
                let _ = imported.apply(Action::OpenSaved(name));
            }
        }
    }
});
