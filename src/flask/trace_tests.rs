//! The session trace and the server-side store seen through `FlaskServer`, on real apps: what
//! the UI's server view will show for the cases the lessons are built on.

use crate::flask::server::tests::get;
use crate::flask::server::{FlaskServer, SessionMode};
use crate::flask::trace::{CookieOutcome, SessionEntry, SessionSource, SkipReason, WriteReason};
use crate::http::Response;

const NOW: i64 = 1767225600;

/// The `name=value` of the response's session cookie, to send back.
fn cookie_of(response: &Response) -> Option<String> {
    let header = response.header("Set-Cookie")?;
    Some(header.split(';').next()?.to_string())
}

fn e(key: &str, value: &str) -> SessionEntry {
    SessionEntry {
        key: key.into(),
        value: value.into(),
    }
}

const COUNTER: &str = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'secret'\n\n@app.route('/count')\ndef count():\n    session['visits'] = session.get('visits', 0) + 1\n    return f\"Visit number: {session['visits']}\"\n";

#[test]
fn seed_counter_first_visit_adds_then_changes_visits() {
    let mut server = FlaskServer::load(COUNTER, NOW).unwrap();
    let first = server.respond(&get("/count", None), NOW);
    let trace = server.last_session_trace().unwrap().clone();
    assert_eq!(trace.class_name, "SecureCookieSession");
    assert_eq!(trace.source, SessionSource::NoCookie);
    assert!(trace.opened.is_empty());
    assert_eq!(trace.saved, vec![e("'visits'", "1")]);
    assert!(trace.modified && trace.accessed && trace.save_ran);
    assert!(!trace.permanent && !trace.new);
    assert_eq!(trace.cookie, CookieOutcome::Written(WriteReason::Modified));
    assert_eq!(trace.diff().added, vec![e("'visits'", "1")]);

    let cookie = cookie_of(&first).unwrap();
    server.respond(&get("/count", Some(&cookie)), NOW);
    let trace = server.last_session_trace().unwrap();
    assert_eq!(trace.source, SessionSource::Cookie);
    let diff = trace.diff();
    assert!(diff.added.is_empty() && diff.removed.is_empty());
    assert_eq!(
        (
            diff.changed[0].before.as_str(),
            diff.changed[0].after.as_str()
        ),
        ("1", "2")
    );
}

#[test]
fn nested_mutation_shows_the_change_but_nothing_is_saved() {
    let app = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 's'\n@app.route('/start')\ndef start():\n    session['cart'] = ['apple']\n    return 'ok'\n@app.route('/add')\ndef add():\n    session['cart'].append('pear')\n    return repr(session['cart'])\n";
    let mut server = FlaskServer::load(app, NOW).unwrap();
    let start = server.respond(&get("/start", None), NOW);
    let cookie = cookie_of(&start).unwrap();
    let add = server.respond(&get("/add", Some(&cookie)), NOW);
    assert_eq!(add.header("Set-Cookie"), None);
    let trace = server.last_session_trace().unwrap();
    assert_eq!(trace.opened, vec![e("'cart'", "['apple']")]);
    assert_eq!(trace.saved, vec![e("'cart'", "['apple', 'pear']")]);
    assert!(!trace.modified);
    assert_eq!(trace.diff().changed.len(), 1);
    assert_eq!(
        trace.cookie,
        CookieOutcome::NotWritten(SkipReason::NotModified)
    );
}

#[test]
fn permanent_refresh_emptied_and_untouched_sessions_are_explained() {
    // A before_request hook sends every request through the Python dispatcher too.
    let app = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 's'\n@app.before_request\ndef hook():\n    pass\n@app.route('/login')\ndef login():\n    session['user'] = 'alice'\n    session.permanent = True\n    return 'in'\n@app.route('/read')\ndef read():\n    return str(session.get('user'))\n@app.route('/logout')\ndef logout():\n    session.clear()\n    return 'out'\n@app.route('/plain')\ndef plain():\n    return 'plain'\n";
    let mut server = FlaskServer::load(app, NOW).unwrap();
    let login = server.respond(&get("/login", None), NOW);
    let cookie = cookie_of(&login).unwrap();
    let trace = server.last_session_trace().unwrap();
    assert!(trace.permanent);
    assert_eq!(trace.diff().added.len(), 2, "{:?}", trace.saved);
    server.respond(&get("/read", Some(&cookie)), NOW + 60);
    let trace = server.last_session_trace().unwrap();
    assert_eq!(
        trace.cookie,
        CookieOutcome::Written(WriteReason::RefreshPermanent)
    );
    assert!(!trace.modified);
    server.respond(&get("/logout", Some(&cookie)), NOW + 60);
    let trace = server.last_session_trace().unwrap();
    assert_eq!(trace.cookie, CookieOutcome::Deleted);
    assert_eq!(trace.diff().removed.len(), 2);
    server.respond(&get("/plain", None), NOW);
    let trace = server.last_session_trace().unwrap();
    assert!(!trace.accessed);
    assert_eq!(
        trace.cookie,
        CookieOutcome::NotWritten(SkipReason::EmptyNotModified)
    );
}

#[test]
fn tampered_cookie_and_missing_secret_key_are_named() {
    let mut server = FlaskServer::load(COUNTER, NOW).unwrap();
    server.respond(
        &get(
            "/count",
            Some("session=eyJ2aXNpdHMiOjl9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"),
        ),
        NOW,
    );
    let trace = server.last_session_trace().unwrap();
    match &trace.source {
        SessionSource::Rejected(why) => assert!(why.contains("does not match"), "{why}"),
        other => panic!("{other:?}"),
    }
    let no_key = COUNTER.replace("app.secret_key = 'secret'\n", "");
    let mut server = FlaskServer::load(&no_key, NOW).unwrap();
    let response = server.respond(&get("/count", None), NOW);
    assert_eq!(response.status, 500);
    let trace = server.last_session_trace().unwrap();
    assert_eq!(trace.source, SessionSource::NoSecretKey);
    assert_eq!(trace.class_name, "NullSession");
    assert_eq!(
        trace.cookie,
        CookieOutcome::NotWritten(SkipReason::NullSession)
    );
}

#[test]
fn flask_session_keeps_the_data_in_the_store_and_only_the_id_in_the_cookie() {
    let app = "from flask import Flask, session\nfrom flask_session import Session\napp = Flask(__name__)\napp.config['SESSION_TYPE'] = 'filesystem'\nSession(app)\n@app.route('/count')\ndef count():\n    session['visits'] = session.get('visits', 0) + 1\n    return str(session['visits'])\n";
    let mut server = FlaskServer::load(app, NOW).unwrap();
    assert_eq!(
        server.session_mode(),
        SessionMode::ServerSide {
            interface: "FileSystemSessionInterface".into()
        }
    );
    let first = server.respond(&get("/count", None), NOW);
    let cookie = cookie_of(&first).unwrap();
    let trace = server.last_session_trace().unwrap().clone();
    let sid = trace.sid.clone().unwrap();
    assert_eq!(cookie, format!("session={sid}"));
    assert_eq!(sid.len(), 43);
    assert_eq!(trace.class_name, "FileSystemSession");
    assert_eq!(
        trace.source,
        SessionSource::Interface("FileSystemSessionInterface".into())
    );
    assert_eq!(trace.opened, vec![e("'_permanent'", "True")]);
    assert_eq!(trace.cookie, CookieOutcome::Written(WriteReason::Interface));
    let store = server.server_store(NOW);
    assert_eq!(store.len(), 1);
    assert_eq!(store[0].key, format!("session:{sid}"));
    assert_eq!(
        store[0].entries,
        vec![e("'_permanent'", "True"), e("'visits'", "1")]
    );
    assert_eq!(store[0].expires, Some(NOW + 31 * 86400));
    assert!(server.server_store(NOW + 31 * 86400 + 1)[0].expired);

    // The store survives a restart when the host carries it over (the "filesystem" case).
    let snapshot = server.store_snapshot();
    let mut restarted = FlaskServer::load(app, NOW).unwrap();
    restarted.restore_store(snapshot);
    let again = restarted.respond(&get("/count", Some(&cookie)), NOW);
    assert_eq!(again.body, b"2");
}

#[test]
fn a_custom_interface_that_raises_in_open_session_is_a_500_with_no_save() {
    let app = "from flask import Flask, session\nfrom flask.sessions import SessionInterface\nclass Broken(SessionInterface):\n    def open_session(self, app, request):\n        raise ValueError('no store')\napp = Flask(__name__)\napp.session_interface = Broken()\n@app.route('/')\ndef index():\n    return 'never'\n";
    let mut server = FlaskServer::load(app, NOW).unwrap();
    assert_eq!(
        server.session_mode(),
        SessionMode::Custom {
            interface: "Broken".into()
        }
    );
    let response = server.respond(&get("/", None), NOW);
    assert_eq!(response.status, 500);
    assert_eq!(server.last_error.as_ref().unwrap().message, "no store");
    let trace = server.last_session_trace().unwrap();
    assert_eq!(trace.source, SessionSource::OpenFailed);
    assert!(!trace.save_ran);
}
