//! Replays the browser side of every scenario in `tests/scenarios/` against the responses real
//! Flask gave (recorded in `<name>.expected.json` by the fidelity oracle), and checks that this
//! browser sends the same `Cookie` header and ends each step with the same jar.
//!
//! The server here is a script: it answers each hop with the next recorded response (redirects,
//! then the final one). If the browser followed a redirect the oracle did not, or stopped where
//! it went on, the script runs out and the step fails.

use std::collections::VecDeque;
use std::path::PathBuf;

use serde_json::Value;
use session_playground::browser::profile::DEFAULT_PROFILE;
use session_playground::browser::{Browser, NavigationRequest, VirtualClock};
use session_playground::http::{Request, Response};

fn scenarios_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

fn pairs(value: &Value) -> Vec<(String, String)> {
    match value {
        Value::Array(items) => items
            .iter()
            .map(|item| {
                (
                    item[0].as_str().unwrap().to_string(),
                    item[1].as_str().unwrap().to_string(),
                )
            })
            .collect(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

fn recorded_response(hop: &Value) -> Response {
    Response {
        status: hop["status"].as_u64().unwrap() as u16,
        headers: pairs(&hop["headers"]),
        body: Vec::new(),
    }
}

fn navigation_request(request: &Value) -> NavigationRequest {
    match request {
        Value::String(line) => {
            let (method, target) = line.split_once(' ').unwrap();
            NavigationRequest {
                method: method.into(),
                url: target.into(),
                ..NavigationRequest::default()
            }
        }
        object => NavigationRequest {
            method: object["method"].as_str().unwrap().into(),
            url: object["path"].as_str().unwrap().into(),
            form: pairs(&object["form"]),
            headers: pairs(&object["headers"]),
            ..NavigationRequest::default()
        },
    }
}

/// Replays one scenario; returns a description of each difference and the number of steps
/// compared.
fn replay(name: &str) -> (Vec<String>, usize) {
    let read = |file: String| -> Value {
        serde_json::from_str(&std::fs::read_to_string(scenarios_dir().join(file)).unwrap()).unwrap()
    };
    let scenario = read(format!("{name}.json"));
    let expected = read(format!("{name}.expected.json"));
    if !expected["startup_error"].is_null() {
        return (Vec::new(), 0);
    }
    let mut browser = Browser::default();
    if let Some(clock) = scenario["clock"].as_str() {
        browser.clock = VirtualClock::parse(clock).unwrap();
    }
    let mut differences = Vec::new();
    let mut compared = 0;
    let steps = scenario["steps"].as_array().unwrap();
    for (index, (step, outcome)) in steps
        .iter()
        .zip(expected["steps"].as_array().unwrap())
        .enumerate()
    {
        let profile = step["browser"]
            .as_str()
            .unwrap_or(DEFAULT_PROFILE)
            .to_string();
        browser.profile_or_create(&profile);
        let now = browser.clock.now();
        if let Some(request) = step.get("request") {
            let mut script: VecDeque<Response> = outcome["redirects"]
                .as_array()
                .unwrap()
                .iter()
                .chain(std::iter::once(outcome))
                .map(recorded_response)
                .collect();
            let mut server = |_: &Request, _: i64| {
                script.pop_front().unwrap_or(Response {
                    status: 599,
                    headers: Vec::new(),
                    body: Vec::new(),
                })
            };
            let result = browser
                .navigate(&profile, &navigation_request(request), &mut server)
                .unwrap();
            if result.redirects().len() != outcome["redirects"].as_array().unwrap().len()
                || result.final_hop().response.status != outcome["status"].as_u64().unwrap() as u16
            {
                differences.push(format!(
                    "step {index}: followed {} redirects",
                    result.redirects().len()
                ));
            }
            let cookie = result.final_hop().cookie.clone();
            if cookie.as_deref() != outcome["request_cookie"].as_str() {
                differences.push(format!(
                    "step {index}: Cookie {cookie:?}, oracle {}",
                    outcome["request_cookie"]
                ));
            }
        } else if step.get("close_browser").is_some() {
            browser.close(&profile);
        } else if let Some(seconds) = step["advance_clock"].as_u64() {
            browser.clock.advance(seconds);
        } else if let Some(set) = step.get("set_cookie") {
            let jar = &mut browser.profile_mut(&profile).unwrap().jar;
            jar.set_value(
                "localhost",
                set["name"].as_str().unwrap(),
                set["value"].as_str().unwrap(),
                now,
            );
        } else if let Some(name) = step["delete_cookie"].as_str() {
            browser
                .profile_mut(&profile)
                .unwrap()
                .jar
                .delete_named(name);
        }
        let now = browser.clock.now();
        let jar: Vec<Value> = browser
            .profile(&profile)
            .unwrap()
            .jar
            .list(now)
            .iter()
            .map(|cookie| serde_json::json!({"name": cookie.name, "value": cookie.value, "expires": cookie.expires}))
            .collect();
        compared += 1;
        if Value::Array(jar.clone()) != outcome["jar"] {
            differences.push(format!(
                "step {index}: jar {}, oracle {}",
                Value::Array(jar),
                outcome["jar"]
            ));
        }
    }
    (differences, compared)
}

#[test]
fn browser_decisions_match_the_oracle_on_every_recorded_scenario() {
    let Ok(entries) = std::fs::read_dir(scenarios_dir()) else {
        panic!("tests/scenarios is part of the repository");
    };
    let mut names: Vec<String> = entries
        .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
        .filter_map(|file| file.strip_suffix(".expected.json").map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    let mut compared = 0;
    for name in &names {
        let (differences, steps) = replay(name);
        compared += steps;
        failures.extend(
            differences
                .into_iter()
                .map(|difference| format!("{name}: {difference}")),
        );
    }
    // The oracle's scenarios hold a few hundred steps; a sudden drop means they went missing.
    assert!(compared >= 200, "only {compared} steps compared");
    assert!(
        failures.is_empty(),
        "{} differences over {} scenarios:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
