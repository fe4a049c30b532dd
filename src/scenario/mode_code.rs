//! The session modes a lesson can switch between, as the code the simulated server runs: the
//! learner's `app.py` followed by a few lines that install another session interface — the
//! same thing an app author would write. The editor keeps showing the learner's code; the
//! server log names the mode.
//!
//! - `signed`: Flask's default signed cookie; nothing is added.
//! - `unsigned`: a `SessionInterface` that keeps the session as base64 JSON in the cookie,
//!   with no signature — not something Flask ships, a teaching variant that shows what the
//!   signature is for.
//! - `server`: Flask-Session 0.8 (`SESSION_TYPE = "cachelib"`): the cookie carries only a
//!   session id, the data stays in the server's store.

use std::borrow::Cow;

use crate::scenario::action::SessionMode;

/// Added after the app for the `unsigned` mode.
pub const UNSIGNED_INTERFACE: &str = r#"

# --- added by the playground: the "unsigned cookie" session mode (not Flask's default) ---
import base64 as _playground_base64
import json as _playground_json
from flask.sessions import SessionInterface as _PlaygroundSessionInterface
from flask.sessions import SecureCookieSession as _PlaygroundSession


class UnsignedCookieSessionInterface(_PlaygroundSessionInterface):
    """The session as base64 JSON in the cookie, with nothing to detect an edit."""

    def open_session(self, app, request):
        raw = request.cookies.get(self.get_cookie_name(app))
        if not raw:
            return _PlaygroundSession()
        try:
            padded = raw + "=" * (-len(raw) % 4)
            return _PlaygroundSession(_playground_json.loads(_playground_base64.urlsafe_b64decode(padded)))
        except Exception:
            return _PlaygroundSession()

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        path = self.get_cookie_path(app)
        if not session:
            if session.modified:
                response.delete_cookie(name, path=path)
            return
        if not self.should_set_cookie(app, session):
            return
        data = _playground_json.dumps(dict(session), separators=(",", ":"))
        value = _playground_base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")
        response.set_cookie(name, value, expires=self.get_expiration_time(app, session),
                            httponly=self.get_cookie_httponly(app), path=path)


app.session_interface = UnsignedCookieSessionInterface()
"#;

/// Added after the app for the `server` mode.
pub const SERVER_STORE: &str = r#"

# --- added by the playground: the "server-side store" session mode (Flask-Session) ---
from flask_session import Session as _PlaygroundFlaskSession

app.config["SESSION_TYPE"] = "cachelib"
_PlaygroundFlaskSession(app)
"#;

/// The code the server runs for `code` in `mode`.
///
/// ```
/// use session_playground::scenario::SessionMode;
/// use session_playground::scenario::mode_code::serve;
/// assert_eq!(serve("x = 1\n", SessionMode::Signed), "x = 1\n");
/// assert!(serve("x = 1\n", SessionMode::Server).contains("_PlaygroundFlaskSession(app)"));
/// ```
pub fn serve(code: &str, mode: SessionMode) -> Cow<'_, str> {
    match mode {
        SessionMode::Signed => Cow::Borrowed(code),
        SessionMode::Unsigned => Cow::Owned(format!("{code}{UNSIGNED_INTERFACE}")),
        SessionMode::Server => Cow::Owned(format!("{code}{SERVER_STORE}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::{Browser, NavigationRequest};
    use crate::flask::FlaskServer;

    const APP: &str = "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'k'\n\n@app.route('/set')\ndef set_():\n    session['user'] = 'alice'\n    return 'set'\n\n@app.route('/get')\ndef get():\n    return repr(session.get('user'))\n";

    fn visit(mode: SessionMode) -> (String, String, String) {
        let mut server = FlaskServer::load(&serve(APP, mode), 1_767_225_600)
            .unwrap_or_else(|e| panic!("{mode:?}: {}", e.traceback));
        let mut browser = Browser::with_profiles(&["Alice"]);
        browser
            .navigate("Alice", &NavigationRequest::get("/set"), &mut server)
            .unwrap();
        let outcome = browser
            .navigate("Alice", &NavigationRequest::get("/get"), &mut server)
            .unwrap();
        let now = browser.clock.now();
        let cookie = browser.profile("Alice").unwrap().jar.list(now)[0]
            .value
            .clone();
        let set_cookie = crate::http::header(&outcome.hops[0].response.headers, "Set-Cookie")
            .unwrap_or("")
            .to_string();
        (
            String::from_utf8_lossy(&outcome.final_hop().response.body).into_owned(),
            cookie,
            set_cookie,
        )
    }

    #[test]
    fn every_mode_keeps_the_session_across_requests() {
        for mode in [
            SessionMode::Signed,
            SessionMode::Unsigned,
            SessionMode::Server,
        ] {
            let (body, _, _) = visit(mode);
            assert_eq!(body, "'alice'", "{mode:?}");
        }
    }

    #[test]
    fn the_unsigned_cookie_is_readable_json_and_the_server_cookie_is_an_id() {
        let (_, unsigned, _) = visit(SessionMode::Unsigned);
        let decoded = crate::flask::base64_py::decode(unsigned.as_bytes()).expect("base64");
        assert_eq!(String::from_utf8_lossy(&decoded), r#"{"user":"alice"}"#);
        let (_, server, _) = visit(SessionMode::Server);
        assert!(
            !server.contains("alice") && !server.contains('.'),
            "{server}"
        );
    }
}
