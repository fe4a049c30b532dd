//! Fuzz target: the interpreter never panics on any source text. The text is parsed and run as a
//! module under small limits (10,000 steps, 1 MB of objects), and whatever escapes is turned
//! into CPython's traceback text, the way the playground shows it.
//!
//! Input: the bytes as (lossy) UTF-8 source. Seed the corpus with the conformance cases:
//!     mkdir -p fuzz/corpus/python_source
//!     find tests/python/cases -name '*.py' | while read -r f; do
//!         cp "$f" "fuzz/corpus/python_source/$(echo "$f" | tr / _)"; done
//!     ASAN_OPTIONS=detect_leaks=0 cargo +nightly fuzz run python_source -- \
//!         -max_total_time=600 -timeout=10 -detect_leaks=0 -fork=1 -ignore_ooms=1
//!
//! Why those flags: when they were written every interpreter leaked its reference cycles, so
//! LeakSanitizer reported every input and a process filled up after some 10,000 inputs;
//! `-fork=1` restarted it. Dropping an interpreter now frees its cycles (`python::teardown`),
//! and a run without the sanitizer needs none of them:
//!     cargo +nightly fuzz run -s none -O python_source -- -runs=1000000 -timeout=10
//!
//! The interpreter comes from the crate (its standard-library modules are prepared by the
//! crate's build script, so its files cannot be mounted alone any more). Like the CLI, it runs
//! the interpreter on a thread with `CLI_STACK_SIZE` of stack: the evaluator recurses on the
//! native stack, and instrumented frames are large.
#![no_main]

use libfuzzer_sys::fuzz_target;
use session_playground::python::{CLI_STACK_SIZE, HostConfig, Interpreter, RunError};

/// Steps per run: enough for the cases' loops, small enough to keep executions fast.
const STEP_BUDGET: u64 = 10_000;
/// Largest object a program may build, in bytes.
const MEMORY_LIMIT: usize = 1 << 20;

fn run(source: &str) {
    let mut py = Interpreter::new(HostConfig {
        step_budget: STEP_BUDGET,
        memory_limit: MEMORY_LIMIT,
        ..HostConfig::default()
    });
    match py.run_module("__main__", "main.py", source) {
        Ok(_) => {}
        Err(RunError::Syntax(info)) => {
            let _ = info.to_string();
        }
        Err(RunError::Exception(exception)) => {
            assert!(
                exception.traceback.ends_with('\n'),
                "a traceback is whole lines"
            );
        }
    }
    let _ = py.take_output();
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data).into_owned();
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(CLI_STACK_SIZE)
            .spawn_scoped(scope, || run(&source))
            .expect("a worker thread starts");
        // A panic on the worker aborts the process through libfuzzer-sys's hook (reported as
        // a crash with this input); joining only waits.
        let _ = worker.join();
    });
});
