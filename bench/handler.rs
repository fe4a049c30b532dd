//! Issue 3 benchmark: a Flask-shaped handler body (`bench/handler_body.py`) run through the
//! interpreter's host API, the way the Flask layer calls a view.
//!
//! Always checks that the handler behaves (`Visit number: 3` after three calls, the same count
//! from a loop inside Python). With `PLAYGROUND_BENCH=1` it also times 100,000 host calls and
//! 100,000 in-Python calls and prints `BENCH` lines that `bench/run.sh` turns into ratios
//! against `python3` running the same file. Build in release for meaningful figures.

use std::time::Instant;

use session_playground::python::{Dict, HostConfig, Interpreter, Value};

/// The handler's source, shared byte for byte with the CPython side (`bench/handler.py`).
const SOURCE: &str = include_str!("handler_body.py");
/// Executions per timed round (the figure); `PLAYGROUND_BENCH_EXECUTIONS` lowers it, so
/// that a run under callgrind (instruction counts, which the machine's load does not move) ends
/// in seconds.
fn executions() -> usize {
    std::env::var("PLAYGROUND_BENCH_EXECUTIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}
/// Timed rounds; the fastest is reported (the machine is shared, slow rounds are noise).
const ROUNDS: usize = 5;

/// An interpreter with the handler loaded and no step budget in the way of the in-Python loop.
fn load() -> (Interpreter, Value, Value) {
    let config = HostConfig {
        step_budget: u64::MAX,
        ..HostConfig::default()
    };
    let mut py = Interpreter::new(config);
    let module = py
        .run_module("handler_body", "handler_body.py", SOURCE)
        .expect("the handler body runs");
    let handler = py.get_attr(&module, "handler").expect("defines handler");
    let looper = py.get_attr(&module, "loop").expect("defines loop");
    (py, handler, looper)
}

/// The session dict as Python prints it.
fn visits(py: &mut Interpreter, session: &Value) -> String {
    py.repr(session).expect("repr of a dict")
}

#[test]
fn handler_counts_visits() {
    let (mut py, handler, looper) = load();
    let session = Value::dict(Dict::new());
    let mut last = String::new();
    for _ in 0..3 {
        let result = py
            .call_host(&handler, vec![session.clone()], vec![])
            .expect("the handler returns");
        last = py.to_str(&result).expect("a str");
    }
    assert_eq!(last, "Visit number: 3");
    py.call_host(&looper, vec![session.clone(), Value::Int(7)], vec![])
        .expect("the loop runs");
    assert_eq!(visits(&mut py, &session), "{'visits': 10}");

    if std::env::var("PLAYGROUND_BENCH").as_deref() != Ok("1") {
        return;
    }
    let executions = executions();
    let host_ns = best_of(|| {
        let (mut py, handler, _) = load();
        let session = Value::dict(Dict::new());
        let start = Instant::now();
        for _ in 0..executions {
            let result = py.call_host(&handler, vec![session.clone()], vec![]);
            std::hint::black_box(result.is_ok());
        }
        start.elapsed().as_nanos()
    });
    let loop_ns = best_of(|| {
        let (mut py, _, looper) = load();
        let session = Value::dict(Dict::new());
        let count = Value::Int(executions as i64);
        let start = Instant::now();
        let result = py.call_host(&looper, vec![session.clone(), count], vec![]);
        let elapsed = start.elapsed().as_nanos();
        assert!(result.is_ok());
        elapsed
    });
    let per = |total: u128| total as f64 / executions as f64;
    println!("BENCH handler_host_call_ns {:.1}", per(host_ns));
    println!("BENCH handler_python_loop_ns {:.1}", per(loop_ns));
}

/// The fastest of [`ROUNDS`] timings, in nanoseconds per round.
fn best_of(mut round: impl FnMut() -> u128) -> u128 {
    (0..ROUNDS).map(|_| round()).min().unwrap_or(0)
}
