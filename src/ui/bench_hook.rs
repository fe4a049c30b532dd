//! Issue 3's interpreter benchmark in the page's own wasm: `bench/handler_body.py`, the same
//! Flask-shaped handler body `bench/handler.rs` times natively, run through the host API as
//! the Flask layer calls a view. The browser tests call it as `wasmBindings.benchHandler(n,
//! inPython)` and compare it with `python3 bench/handler.py` in the same run
//! (`tests/browser/perf.test.mjs`). Timing uses the page's `performance.now()` — the UI layer may
//! read a clock; nothing the learner's code sees does.
//!
//! Issue 21's in-page figures sit beside it: `benchRequest` (a full request of the seed app:
//! browser, jar, server, signing) and `benchRestart` (a server restart after an edit), timing
//! the work `bench_work` defines.

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

fn clock() -> Result<web_sys::Performance, JsValue> {
    web_sys::window()
        .and_then(|window| window.performance())
        .ok_or_else(|| JsValue::from_str("no performance clock"))
}

/// Microseconds per full request over `requests` `GET /count` requests of the seed app from the
/// first browser (its jar carrying the session cookie), after one untimed request. Fails if the
/// count is not right, so a broken build cannot report a fast time.
#[wasm_bindgen(js_name = benchRequest)]
pub fn bench_request(requests: u32) -> Result<f64, JsValue> {
    let fail = |why: String| JsValue::from_str(&why);
    let performance = clock()?;
    let mut world = super::bench_work::seed_world().map_err(fail)?;
    let step = super::bench_work::count_step();
    super::bench_work::request_count(&mut world, &step).map_err(fail)?;
    let start = performance.now();
    let mut body = String::new();
    for _ in 0..requests {
        body = super::bench_work::request_count(&mut world, &step).map_err(fail)?;
    }
    let elapsed_ms = performance.now() - start;
    if body != format!("Visit number: {}", requests + 1) {
        return Err(fail(format!("the app answered {body:?}")));
    }
    Ok(elapsed_ms * 1e3 / f64::from(requests.max(1)))
}

/// The milliseconds each of `restarts` server restarts on the seed app took (what the reloader
/// does after an edit), after a first start.
#[wasm_bindgen(js_name = benchRestart)]
pub fn bench_restart(restarts: u32) -> Result<Vec<f64>, JsValue> {
    let fail = |why: String| JsValue::from_str(&why);
    let performance = clock()?;
    let mut world = super::bench_work::seed_world().map_err(fail)?;
    let mut times = Vec::with_capacity(restarts as usize);
    for _ in 0..restarts {
        let start = performance.now();
        super::bench_work::restart(&mut world).map_err(fail)?;
        times.push(performance.now() - start);
    }
    Ok(times)
}

/// How many servers the page has started so far (the load path's check: a link's result
/// needs one).
#[wasm_bindgen(js_name = serverStarts)]
pub fn server_starts() -> f64 {
    crate::flask::server::starts() as f64
}
