//! A stop asked for from outside the running program: the command line's wall-clock time limit.
//!
//! Every run already ends on the step budget or the heap budget, but a scenario of many
//! full-budget requests can still run for minutes; the CLI's `--time-limit` ends it. A timer
//! thread of the host calls [`request`]; the interpreter looks at the flag at every step and
//! every work charge (one relaxed load, beside the heap budget's; not every N steps, because one
//! step of a native like `sorted` can take tens of milliseconds) and raises
//! `StepLimitExceeded` — the playground's own "too much work" error, which `except Exception`
//! does not catch — naming the limit and the line. The flag stays set: the host ends the run.
//!
//! The interpreter itself never reads the wall clock (determinism): the host decides when to
//! stop. The page does not use it — a runaway run there is stopped by ending the worker that
//! runs it (`ui::engine_worker`) — so the wasm build leaves the check out.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// 0: no stop asked for; otherwise the limit that passed, in seconds (for the message).
static STOP_AFTER: AtomicU64 = AtomicU64::new(0);

/// Asks the running program (and every later one in this process) to stop: the time limit of
/// `seconds` has passed.
pub fn request(seconds: u64) {
    STOP_AFTER.store(seconds.max(1), Relaxed);
}

/// The limit that passed, if a stop was asked for.
pub fn requested() -> Option<u64> {
    match STOP_AFTER.load(Relaxed) {
        0 => None,
        seconds => Some(seconds),
    }
}

/// The error's text: what stopped the program, and where.
pub fn message(seconds: u64, line: usize) -> String {
    format!(
        "stopped after {seconds} s: the time limit of the command line (--time-limit) passed at line {line}"
    )
}
