//! Issue 21 benchmark: what one server start costs natively, and where the time goes. The page
//! starts a server for a link, after every edit (the reloader) and for a rewind, so this is the
//! floor of those paths.
//!
//! Always checks that two starts in a row each answer the seed app's first `/count`. With
//! `PLAYGROUND_BENCH=1` it also times, each as the fastest of several rounds: a fresh
//! interpreter (`Interp::new`), the Flask prelude's modules run in it (markupsafe, jinja2, flask:
//! what a start cost before the template), a whole start of the seed app (`FlaskServer::load`,
//! which copies the prelude's template from the second start on), and a start plus its first
//! request.

use std::rc::Rc;
use std::time::Instant;

use session_playground::flask::FlaskServer;
use session_playground::flask::context::Shared;
use session_playground::flask::natives;
use session_playground::flask::server::{
    FLASK_PRELUDE, JINJA2_PRELUDE, MARKUPSAFE_PRELUDE, starts_from_template,
};
use session_playground::python::{HostConfig, Interp};
use session_playground::ui::SEED_APP;

#[path = "count_requests.rs"]
mod count_requests;
use count_requests::{cookie_pair, count_request};

/// Virtual time of the start (2026-01-01T00:00:00Z).
const START: i64 = 1_767_225_600;
/// Starts per timed round.
const STARTS: u32 = 50;
/// Timed rounds; the fastest is reported.
const ROUNDS: usize = 5;

/// The seed app started and asked for `/count` once: the page's first result for a link (its
/// body, and whether it set the session cookie).
fn start_and_count() -> (String, bool) {
    let mut server = FlaskServer::load(SEED_APP, START).expect("the seed app loads");
    let response = server.respond(&count_request(None), START);
    let body = String::from_utf8_lossy(&response.body).into_owned();
    (body, cookie_pair(&response).is_some())
}

/// The prelude's three modules run in a fresh interpreter, as a start runs them.
fn prelude_only() {
    let mut interp = Interp::new(HostConfig::default());
    natives::register(&mut interp, Rc::new(Shared::default()));
    for (name, file, source) in [
        ("markupsafe", "markupsafe/__init__.py", MARKUPSAFE_PRELUDE),
        ("jinja2", "jinja2/__init__.py", JINJA2_PRELUDE),
        ("flask", "flask/__init__.py", FLASK_PRELUDE),
    ] {
        if interp.run_module(name, file, source).is_err() {
            panic!("the prelude module {name} runs");
        }
    }
}

/// Microseconds per call of `work`, the fastest of `ROUNDS` rounds of `STARTS` calls.
fn time(mut work: impl FnMut()) -> f64 {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..STARTS {
                work();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(STARTS)
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn every_start_answers_the_first_count() {
    let first = Instant::now();
    let expected = ("Visit number: 1".to_string(), true);
    assert_eq!(start_and_count(), expected);
    let first_us = first.elapsed().as_secs_f64() * 1e6;
    // The second start makes the prelude's template, the third copies it.
    assert_eq!(start_and_count(), expected);
    assert_eq!(start_and_count(), expected);
    assert!(starts_from_template(), "later starts copy the template");

    if std::env::var("PLAYGROUND_BENCH").as_deref() != Ok("1") {
        return;
    }
    // The first start of a thread also parses the prelude (later ones reuse its tree).
    println!("BENCH first_start_and_request_us {first_us:.1}");
    let new = time(|| drop(Interp::new(HostConfig::default())));
    println!("BENCH interp_new_us {new:.1}");
    let prelude = time(prelude_only);
    println!("BENCH interp_and_prelude_us {prelude:.1}");
    let load = time(|| drop(FlaskServer::load(SEED_APP, START)));
    println!("BENCH server_start_us {load:.1}");
    let count = time(|| drop(start_and_count()));
    println!("BENCH server_start_and_request_us {count:.1}");
}
