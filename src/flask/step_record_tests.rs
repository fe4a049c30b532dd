//! The step-through's recordings of real apps: which lines ran, what the variables and the
//! session were before each, what each line did to the session — and that watching a request
//! changes nothing about its answer.

use crate::flask::server::FlaskServer;
use crate::flask::server::tests::get;
use crate::flask::step_record::{AccessKind, MAX_LINES, Recording};
use crate::flask::trace::SessionEntry;
use crate::http::Response;

const NOW: i64 = 1767225600;

const COUNTER: &str = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'secret'\n\n@app.route('/count')\ndef count():\n    visits = session.get('visits', 0)\n    visits += 1\n    print('visit', visits)\n    session['visits'] = visits\n    return f\"Visit number: {session['visits']}\"\n";

fn cookie_of(response: &Response) -> Option<String> {
    Some(
        response
            .header("Set-Cookie")?
            .split(';')
            .next()?
            .to_string(),
    )
}

fn recorded(source: &str, path: &str, cookie: Option<&str>) -> (Response, Recording) {
    let mut server = FlaskServer::load(source, NOW).unwrap();
    server.start_recording();
    let response = server.respond(&get(path, cookie), NOW);
    (response, server.stop_recording().expect("a recording"))
}

fn locals(recording: &Recording, index: usize) -> Vec<(&str, &str)> {
    recording.lines[index]
        .locals
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}

#[test]
fn the_counter_view_runs_line_by_line_with_its_variables_and_session() {
    let mut server = FlaskServer::load(COUNTER, NOW).unwrap();
    let first = server.respond(&get("/count", None), NOW);
    let cookie = cookie_of(&first).unwrap();
    server.start_recording();
    let second = server.respond(&get("/count", Some(&cookie)), NOW);
    let recording = server.stop_recording().unwrap();
    assert_eq!(String::from_utf8_lossy(&second.body), "Visit number: 2");
    assert_eq!(recording.exchanges, vec!["GET /count".to_string()]);
    let lines: Vec<usize> = recording.lines.iter().map(|step| step.line).collect();
    assert_eq!(lines, vec![7, 8, 9, 10, 11]);
    assert!(
        recording
            .lines
            .iter()
            .all(|step| step.func == "count" && step.exchange == 0)
    );
    assert_eq!(locals(&recording, 0), vec![]);
    assert_eq!(locals(&recording, 1), vec![("visits", "1")]);
    assert_eq!(locals(&recording, 2), vec![("visits", "2")]);
    let before = |index: usize| recording.lines[index].session.clone().unwrap();
    let visits = |value: &str| {
        vec![SessionEntry {
            key: "'visits'".into(),
            value: value.into(),
        }]
    };
    assert_eq!(before(0), visits("1"));
    assert_eq!(before(3), visits("1"));
    assert_eq!(before(4), visits("2"), "line 10 wrote the new count");
    let accesses: Vec<(usize, AccessKind, &str)> = recording
        .lines
        .iter()
        .flat_map(|step| {
            step.accesses
                .iter()
                .map(move |access| (step.line, access.kind, access.what.as_str()))
        })
        .collect();
    assert_eq!(
        accesses,
        vec![
            (7, AccessKind::Read, "session.get('visits')"),
            (10, AccessKind::Write, "session['visits']"),
            (11, AccessKind::Read, "session['visits']"),
        ]
    );
    assert_eq!(recording.lines[2].printed, "visit 2\n");
    assert!(
        recording
            .lines
            .iter()
            .enumerate()
            .all(|(i, step)| i == 2 || step.printed.is_empty())
    );
    assert!(!recording.truncated);
}

#[test]
fn watching_a_request_changes_nothing_in_its_answer() {
    // A view whose variables hold the session proxy and an object with a `__repr__` that
    // counts its calls: neither the proxy (whose use sets `accessed`, hence `Vary: Cookie`) nor
    // the counter may be disturbed by the recorder's reprs.
    let source = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'k'\ncalls = []\nclass Noisy:\n    def __repr__(self):\n        calls.append(1)\n        return 'Noisy()'\n\n@app.route('/')\ndef index():\n    s = session\n    n = Noisy()\n    n.parts = [n, (1,), {'a': None}]\n    total = 0\n    for i in range(3):\n        total += i\n    return f'{len(calls)} {total}'\n";
    let mut plain = FlaskServer::load(source, NOW).unwrap();
    let expected = plain.respond(&get("/", None), NOW);
    let (watched, recording) = recorded(source, "/", None);
    assert_eq!(watched, expected);
    assert_eq!(String::from_utf8_lossy(&watched.body), "0 3");
    assert!(
        watched.header("Vary").is_none(),
        "the proxy was never used, so no Vary: Cookie"
    );
    let last = recording.lines.last().unwrap();
    assert_eq!(last.line, 18);
    let names: Vec<&str> = last.locals.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, vec!["s", "n", "total", "i"]);
    assert_eq!(last.locals[0].1, "<LocalProxy>");
    assert_eq!(
        last.locals[1].1,
        "<Noisy object: parts=[<Noisy object: parts=[<Noisy object: parts=…>, (…,), {…: …}]>, (1,), {'a': None}]>",
        "its __repr__ is never called; the cycle ends"
    );
}

#[test]
fn an_endless_loop_is_cut_at_the_line_limit_and_still_ends_in_the_step_budget_error() {
    let source = "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    n = 0\n    while True:\n        n += 1\n";
    let (response, recording) = recorded(source, "/", None);
    assert_eq!(response.status, 500);
    assert_eq!(recording.lines.len(), MAX_LINES);
    assert!(recording.truncated);
}

#[test]
fn a_redirect_followed_by_the_browser_is_a_second_exchange_of_the_same_recording() {
    let source = "from flask import Flask, redirect, session\napp = Flask(__name__)\napp.secret_key = 'k'\n\n@app.route('/login')\ndef login():\n    session['user'] = 'alice'\n    return redirect('/')\n\n@app.route('/')\ndef index():\n    return session.get('user', 'nobody')\n";
    let mut server = FlaskServer::load(source, NOW).unwrap();
    server.start_recording();
    let first = server.respond(&get("/login", None), NOW);
    let cookie = cookie_of(&first).unwrap();
    server.respond(&get("/", Some(&cookie)), NOW);
    let recording = server.stop_recording().unwrap();
    assert_eq!(
        recording.exchanges,
        vec!["GET /login".to_string(), "GET /".to_string()]
    );
    let lines: Vec<(usize, usize)> = recording
        .lines
        .iter()
        .map(|step| (step.exchange, step.line))
        .collect();
    assert_eq!(lines, vec![(0, 7), (0, 8), (1, 12)]);
    assert!(
        server.stop_recording().is_none(),
        "a stopped recording is gone"
    );
}
