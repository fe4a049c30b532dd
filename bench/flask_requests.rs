//! Issue 5 benchmark: the seed `/count` app answering 10,000 requests through the Flask layer,
//! each carrying the session cookie the previous response set (what a browser does).
//!
//! Always checks the count (`Visit number: 10` on the 10th request). With `PLAYGROUND_BENCH=1`
//! it also times 10,000 requests and prints a `BENCH` line that `bench/run.sh` sets against
//! Flask 3.1.3's own test client doing the same (`bench/flask_requests.py`).

use std::time::Instant;

use session_playground::flask::FlaskServer;
use session_playground::ui::SEED_APP;

#[path = "count_requests.rs"]
mod count_requests;
use count_requests::{cookie_pair, count_request};
use session_playground::http::Response;

/// Requests per timed round (the figure).
const REQUESTS: usize = 10_000;
/// Timed rounds; the fastest is reported.
const ROUNDS: usize = 3;
/// Virtual time of the first request (2026-01-01T00:00:00Z); each request is a second later.
const START: i64 = 1_767_225_600;

/// Sends `count` requests, carrying the cookie, and returns the last response.
fn visit(server: &mut FlaskServer, count: usize) -> Option<Response> {
    let mut cookie: Option<String> = None;
    let mut last = None;
    for index in 0..count {
        let response = server.respond(&count_request(cookie.as_deref()), START + index as i64);
        if let Some(pair) = cookie_pair(&response) {
            cookie = Some(pair);
        }
        last = Some(response);
    }
    last
}

#[test]
fn seed_app_counts_ten_visits() {
    let mut server = FlaskServer::load(SEED_APP, START).expect("the seed app loads");
    let last = visit(&mut server, 10).expect("ten responses");
    assert_eq!(last.status, 200);
    assert_eq!(String::from_utf8_lossy(&last.body), "Visit number: 10");

    if std::env::var("PLAYGROUND_BENCH").as_deref() != Ok("1") {
        return;
    }
    let best = (0..ROUNDS)
        .map(|_| {
            let mut server = FlaskServer::load(SEED_APP, START).expect("the seed app loads");
            let start = Instant::now();
            let last = visit(&mut server, REQUESTS);
            let elapsed = start.elapsed().as_nanos();
            let body = last.map(|response| response.body).unwrap_or_default();
            assert_eq!(
                String::from_utf8_lossy(&body),
                format!("Visit number: {REQUESTS}")
            );
            elapsed
        })
        .min()
        .unwrap_or(0);
    println!(
        "BENCH flask_request_us {:.2}",
        best as f64 / REQUESTS as f64 / 1000.0
    );
}
