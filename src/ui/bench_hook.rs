//! Issue 3's interpreter benchmark in the page's own wasm: `bench/handler_body.py`, the same
//! Flask-shaped handler body `bench/handler.rs` times natively, run through the host API as
//! the Flask layer calls a view. The browser tests call it as `wasmBindings.benchHandler(n,
//! inPython)` and compare it with `python3 bench/handler.py` in the same run
//! (`tests/browser/perf.test.mjs`). Timing uses the page's `performance.now()` — the UI layer may
//! read a clock; nothing the learner's code sees does.

use wasm_bindgen::prelude::*;

use crate::python::{Dict, HostConfig, Interpreter, Value};

/// Nanoseconds per execution of the handler body over `executions` runs: called from the host
/// (`in_python` false) or from the loop inside the module (`in_python` true). Fails (with the
/// reason) if the handler does not count the visits right, so a broken build cannot report a
/// fast time.
#[wasm_bindgen(js_name = benchHandler)]
pub fn bench_handler(executions: u32, in_python: bool) -> Result<f64, JsValue> {
    let fail = |what: &str| JsValue::from_str(what);
    let mut py = Interpreter::new(HostConfig {
        step_budget: u64::MAX,
        ..HostConfig::default()
    });
    let module = py
        .run_module(
            "handler_body",
            "handler_body.py",
            include_str!("../../bench/handler_body.py"),
        )
        .map_err(|_| fail("the handler body did not run"))?;
    let handler = py
        .get_attr(&module, "handler")
        .map_err(|_| fail("no handler"))?;
    let looper = py.get_attr(&module, "loop").map_err(|_| fail("no loop"))?;
    let session = Value::dict(Dict::new());
    let performance = web_sys::window()
        .and_then(|window| window.performance())
        .ok_or_else(|| fail("no performance clock"))?;
    let start = performance.now();
    if in_python {
        py.call_host(
            &looper,
            vec![session.clone(), Value::Int(i64::from(executions))],
            vec![],
        )
        .map_err(|_| fail("the loop raised"))?;
    } else {
        for _ in 0..executions {
            py.call_host(&handler, vec![session.clone()], vec![])
                .map_err(|_| fail("the handler raised"))?;
        }
    }
    let elapsed_ms = performance.now() - start;
    let counted = py.repr(&session).map_err(|_| fail("no repr"))?;
    if counted != format!("{{'visits': {executions}}}") {
        return Err(fail(&format!("the handler counted {counted}")));
    }
    Ok(elapsed_ms * 1e6 / f64::from(executions.max(1)))
}
