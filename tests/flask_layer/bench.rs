//! The issue's benchmark, native side: the seed `/count` app, 10,000 requests through the
//! scenario runner (virtual browser + simulated Flask: open the session, run the view, sign,
//! store the cookie). `bench_flask.py` does the same with Flask's own test client.
//!
//!     cargo test --release --test flask_bench -- --ignored --nocapture
//!     tests/oracle/.venv/bin/python tests/flask_layer/bench_flask.py
//!
//! It is `#[ignore]`d because timing belongs in a release build, not in every `cargo test`.

use std::time::Instant;

use session_playground::scenario::{parse_scenario, run_scenario};

const SEED_APP: &str = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'secret'\n\n@app.route('/count')\ndef count():\n    session['visits'] = session.get('visits', 0) + 1\n    return f\"Visit number: {session['visits']}\"\n";
const REQUESTS: usize = 10_000;

#[test]
#[ignore = "a timing run: use --release --ignored --nocapture"]
fn seed_count_app_10000_requests() {
    let steps: Vec<String> = (0..REQUESTS)
        .map(|_| r#"{"request": "GET /count"}"#.to_string())
        .collect();
    let text = format!(
        r#"{{"version": 1, "code": {}, "steps": [{}]}}"#,
        serde_json::to_string(SEED_APP).unwrap(),
        steps.join(",")
    );
    let scenario = parse_scenario(&text).unwrap();
    let start = Instant::now();
    let transcript = run_scenario(&scenario);
    let elapsed = start.elapsed();
    let last = transcript.steps.last().unwrap();
    assert_eq!(
        last.body.as_deref(),
        Some(format!("Visit number: {REQUESTS}").as_str())
    );
    println!(
        "simulated Flask (runner, native): {REQUESTS} requests in {:.3} s ({:.1} µs/request)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / REQUESTS as f64
    );
}
