//! Replays `chromium/stylesheets.json` — what Chromium sent for a page's stylesheets when real
//! Flask served the page (recorded by `chromium/generate_stylesheets.py`) — through a `World`
//! running the same app on the simulated Flask: each stylesheet request carries the headers
//! Chromium sent, in its order (the identity headers the playground never sends left out), the
//! cookie a stylesheet's response set is sent on the next navigation, and a sheet applies
//! exactly where Chromium applied it.

use std::path::PathBuf;

use serde::Deserialize;
use session_playground::browser::subresource::Load;
use session_playground::scenario::action::get;
use session_playground::scenario::{EffectKind, SessionMode, World};

/// Chromium's request headers the playground sends; the rest (Connection, User-Agent, client
/// hints, Accept-Encoding, Accept-Language) say who the browser is, which no request of the
/// playground says.
const MODELLED: [&str; 7] = [
    "Host",
    "Accept",
    "Sec-Fetch-Site",
    "Sec-Fetch-Mode",
    "Sec-Fetch-Dest",
    "Referer",
    "Cookie",
];

/// The generator's app, on the simulated Flask (its pages and stylesheets answer the same).
const APP: &str = r#"
from flask import Flask, make_response, request

app = Flask(__name__, static_folder=None)
LINKS = {"absolute_path_from_static": '<link rel="stylesheet" href="/static/style.css">',
         "relative_to_the_page_url": '<link rel="stylesheet" href="style.css">',
         "stylesheet_sets_a_cookie": '<link rel="stylesheet" href="/sets-cookie.css">',
         "text_plain_is_not_applied": '<link rel="stylesheet" href="/plain.css">',
         "not_found_is_not_applied": '<link rel="stylesheet" href="/missing.css">'}
CSS = "h1 { color: rgb(1, 2, 3); }\n"


@app.route("/")
@app.route("/lessons/one")
def page():
    response = make_response("<!DOCTYPE html><html><head>" + LINKS[request.args["case"]]
                             + "</head><body><h1>Hi</h1></body></html>")
    response.set_cookie("page", "1")
    response.set_cookie("strict", "1", samesite="Strict")
    return response


@app.route("/static/style.css")
@app.route("/lessons/style.css")
def style():
    return CSS, 200, {"Content-Type": "text/css; charset=utf-8"}


@app.route("/sets-cookie.css")
def sets_cookie():
    response = make_response(CSS, 200, {"Content-Type": "text/css; charset=utf-8"})
    response.set_cookie("css", "1")
    return response


@app.route("/plain.css")
def plain():
    return CSS, 200, {"Content-Type": "text/plain; charset=utf-8"}


@app.route("/missing.css")
def missing():
    return CSS, 404, {"Content-Type": "text/css; charset=utf-8"}


@app.route("/read")
def read():
    return "ok"
"#;

#[derive(Deserialize)]
struct Fixture {
    chromium: String,
    css: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    page: String,
    requests: Vec<Recorded>,
    h1_color: String,
}

#[derive(Deserialize)]
struct Recorded {
    path: String,
    headers: Vec<(String, String)>,
}

fn modelled(headers: &[(String, String)]) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(name, _)| MODELLED.contains(&name.as_str()))
        .cloned()
        .collect()
}

#[test]
fn stylesheets_are_requested_stored_and_applied_as_chromium_did() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser_layer/chromium/stylesheets.json");
    let fixture: Fixture = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(fixture.chromium.starts_with("Chromium "));
    assert_eq!(fixture.cases.len(), 5);
    for case in &fixture.cases {
        let mut world = World::new(&["default".to_string()], 1_772_600_767, SessionMode::Signed);
        assert!(matches!(world.start(APP).kind, EffectKind::Started(Ok(()))));
        let effect = world.apply(&get(&format!("{}?case={}", case.page, case.name)));
        let EffectKind::Request(exchange) = effect.kind else {
            panic!("{}: {:?}", case.name, effect.kind)
        };
        let [_, sheet, read] = &case.requests[..] else {
            panic!(
                "{}: Chromium made {} requests",
                case.name,
                case.requests.len()
            )
        };
        assert_eq!(exchange.subresources.len(), 1, "{}", case.name);
        let loaded = &exchange.subresources[0];
        let Load::Fetched(outcome) = &loaded.load else {
            panic!("{}: {loaded:?}", case.name)
        };
        let hop = outcome.final_hop();
        assert_eq!(hop.url.path, sheet.path, "{}", case.name);
        // Chromium's Referer names the page without the query the replay adds to pick the case.
        let mut ours = hop.request.headers.clone();
        for (name, value) in &mut ours {
            if name == "Referer" {
                *value = value.split('?').next().unwrap().to_string();
            }
        }
        assert_eq!(ours, modelled(&sheet.headers), "{}", case.name);
        let applied = loaded.applied_css();
        assert_eq!(
            applied.is_some(),
            case.h1_color == "rgb(1, 2, 3)",
            "{}: {:?}",
            case.name,
            loaded.not_applied()
        );
        if let Some(css) = applied {
            assert_eq!(css, fixture.css);
        }
        let effect = world.apply(&get("/read"));
        let EffectKind::Request(exchange) = effect.kind else {
            panic!()
        };
        let chromium_cookie = modelled(&read.headers)
            .into_iter()
            .find(|(name, _)| name == "Cookie")
            .map(|(_, value)| value);
        assert_eq!(
            exchange.outcome.final_hop().cookie,
            chromium_cookie,
            "{}",
            case.name
        );
    }
}

#[test]
fn the_v1_runner_loads_no_stylesheet() {
    let mut world =
        World::new(&["default".to_string()], 0, SessionMode::Signed).without_subresources();
    world.start(APP);
    let EffectKind::Request(exchange) = world.apply(&get("/?case=stylesheet_sets_a_cookie")).kind
    else {
        panic!()
    };
    assert!(exchange.subresources.is_empty());
    let EffectKind::Request(exchange) = world.apply(&get("/read")).kind else {
        panic!()
    };
    assert_eq!(
        exchange.outcome.final_hop().cookie.as_deref(),
        Some("page=1; strict=1")
    );
}
