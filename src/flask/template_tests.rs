//! A server start copies the prelude's template (`server::Template`, `python::fork`) instead of
//! running the prelude again: these tests check that a start behaves exactly as a fresh run of
//! the prelude would (the same responses, log and errors, apps compared both ways), and that
//! what one app does to the `flask` module, its classes or markupsafe is not seen by the next.

use super::FlaskServer;
use super::project::ProjectFiles;
use super::server::starts_from_template;
use super::server::tests::get;
use crate::python::HostConfig;

const NOW: i64 = 1_767_225_600;

/// Everything a start and its requests showed: each response and the log, or the start error.
fn run(source: &str, paths: &[&str], config: &HostConfig, copy: bool) -> String {
    let server = FlaskServer::start(source, &ProjectFiles::default(), NOW, config.clone(), copy);
    let mut server = match server {
        Ok(server) => server,
        Err(error) => return format!("start error: {error:?}"),
    };
    let mut seen = String::new();
    for (at, path) in paths.iter().enumerate() {
        let response = server.respond(&get(path, None), NOW + at as i64);
        seen.push_str(&format!(
            "{} {:?}\n{}\n{:?}\n",
            response.status,
            response.headers,
            String::from_utf8_lossy(&response.body),
            server.last_error
        ));
    }
    seen.push_str(&server.log);
    seen
}

/// Apps whose behaviour depends on the prelude's state, the host's seed and environment.
const APPS: &[(&str, &[&str])] = &[
    (crate::ui::SEED_APP, &["/count", "/count", "/missing"]),
    (
        "import random, os\nfrom flask import Flask, session, jsonify\nimport flask, markupsafe, werkzeug.exceptions\napp = Flask(__name__)\napp.secret_key = os.environ.get('KEY', 'none')\nprint(random.random(), werkzeug.exceptions.NotFound is flask.abort.__globals__.get('NotFound'))\n@app.route('/')\ndef index():\n    session['r'] = random.randint(0, 10**6)\n    return jsonify(r=session['r'], key=app.secret_key, m=str(markupsafe.escape('<b>')))\n@app.route('/boom')\ndef boom():\n    return 1 / 0\n",
        &["/", "/boom", "/"],
    ),
    (
        "from flask import Flask\nraise ValueError('at import')\n",
        &[],
    ),
    (
        "from flask import Flask\napp = Flask(__name__)\nfor x in range(10**9):\n    pass\n",
        &[],
    ),
];

#[test]
fn a_copied_start_behaves_as_a_fresh_one() {
    let config = HostConfig {
        seed: 7,
        environ: vec![("KEY".into(), "from the host".into())],
        ..HostConfig::default()
    };
    for (source, paths) in APPS {
        let fresh = run(source, paths, &config, false);
        let copied = run(source, paths, &config, true);
        assert_eq!(copied, fresh, "{source}");
    }
    assert!(starts_from_template(), "the starts copied the template");
}

#[test]
fn what_an_app_changes_in_flask_is_not_seen_by_the_next_start() {
    let changer = "import flask, markupsafe, jinja2\nfrom flask import Flask\nflask.marker = 'changed'\nFlask.extra = lambda self: 'changed'\nFlask.default_config['SESSION_COOKIE_NAME'] = 'changed'\nmarkupsafe.Markup.extra = 'changed'\njinja2.marker = 'changed'\nflask.session = None\napp = Flask(__name__)\napp.secret_key = 'k'\n@app.route('/')\ndef index():\n    return 'changed'\n";
    let reader = "import flask, markupsafe, jinja2\nfrom flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'k'\n@app.route('/')\ndef index():\n    session['x'] = 1\n    return repr([hasattr(flask, 'marker'), hasattr(Flask, 'extra'), app.config['SESSION_COOKIE_NAME'], hasattr(markupsafe.Markup, 'extra'), hasattr(jinja2, 'marker'), flask.session is session])\n";
    let config = HostConfig::default();
    let before = run(reader, &["/"], &config, true);
    let changed = run(changer, &["/"], &config, true);
    assert!(changed.contains("changed"), "{changed}");
    let after = run(reader, &["/"], &config, true);
    assert_eq!(after, before);
    assert_eq!(after, run(reader, &["/"], &config, false));
    assert!(
        after.contains("[False, False, 'session', False, False, True]"),
        "{after}"
    );
    assert!(starts_from_template(), "the starts copied the template");
}
