//! The snapshot goals are checked on: plain data that both the native runner
//! ([`crate::scenario::play`]) and the page's reducer can build from what they hold — the code,
//! each profile's jar and last page, the session the server saw, the server log.
//!
//! Nothing here refers to a running server, so a snapshot can be cloned, compared, stored and
//! checked by pure functions ([`crate::scenario::goal::check`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::browser::{Cookie, NavigationOutcome, Profile, SameSite};
use crate::flask::server::SessionSettings;
use crate::flask::session_inspect::{Verdict, inspect};
use crate::scenario::action::SessionMode;

/// Everything a goal may look at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonState {
    /// The code in the editor.
    pub code: String,
    /// The virtual time, Unix seconds.
    pub clock: i64,
    /// How the app keeps its session.
    pub session_mode: SessionMode,
    /// Why the code failed to start, if it did.
    pub startup_error: Option<ErrorSummary>,
    /// Every profile, the lesson's own first, in order.
    pub profiles: Vec<ProfileState>,
    /// The server log: start-ups, what the app printed, tracebacks.
    pub server_log: String,
}

impl LessonState {
    /// The profile called `name`; `None` picks the first profile.
    pub fn profile(&self, name: Option<&str>) -> Option<&ProfileState> {
        match name {
            Some(name) => self.profiles.iter().find(|profile| profile.name == name),
            None => self.profiles.first(),
        }
    }
}

/// An exception: its class name and `str(exc)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorSummary {
    /// `type(exc).__name__`.
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
}

/// One browser profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileState {
    /// The profile's name.
    pub name: String,
    /// Whether the browser is open.
    pub open: bool,
    /// The unexpired cookies, in creation order.
    pub jar: Vec<JarEntry>,
    /// The page of its last request (absent before the first and after the browser closed).
    pub last_page: Option<PageState>,
    /// The session the server saw on its last request (absent before the first).
    pub session_seen: Option<SeenSession>,
}

impl ProfileState {
    /// Name, open flag and jar from the browser layer's profile at `now`; the page and the
    /// session seen are the caller's to fill in.
    pub fn from_profile(profile: &Profile, now: i64) -> ProfileState {
        ProfileState {
            name: profile.name.clone(),
            open: profile.open,
            jar: profile.jar.list(now).into_iter().map(JarEntry::from_cookie).collect(),
            last_page: None,
            session_seen: None,
        }
    }
}

/// A cookie in a jar, with the flags a goal may ask about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JarEntry {
    /// Name.
    pub name: String,
    /// Raw value.
    pub value: String,
    /// Path.
    pub path: String,
    /// Unix seconds, or `None` for a session cookie (gone when the browser closes).
    pub expires: Option<i64>,
    /// `HttpOnly`: page scripts cannot read it.
    pub http_only: bool,
    /// `Secure`: sent over HTTPS only (and to localhost).
    pub secure: bool,
    /// `Strict`, `Lax`, `None`, or empty when unspecified.
    pub same_site: String,
}

impl JarEntry {
    /// The goal's view of a browser-layer cookie.
    pub fn from_cookie(cookie: &Cookie) -> JarEntry {
        JarEntry {
            name: cookie.name.clone(),
            value: cookie.value.clone(),
            path: cookie.path.clone(),
            expires: cookie.expires,
            http_only: cookie.http_only,
            secure: cookie.secure,
            same_site: match cookie.same_site {
                SameSite::Unspecified => String::new(),
                SameSite::Strict => "Strict".into(),
                SameSite::Lax => "Lax".into(),
                SameSite::None => "None".into(),
            },
        }
    }
}

/// What a profile's last request got back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageState {
    /// The final status.
    pub status: u16,
    /// The final body, decoded as UTF-8 (invalid bytes become U+FFFD).
    pub body: String,
    /// The final response's headers.
    pub headers: Vec<(String, String)>,
    /// Every `Set-Cookie` value of the navigation, redirects included, in order (a login
    /// usually sets its cookie on the redirect, not on the page shown).
    pub set_cookies: Vec<String>,
    /// The unhandled exception of the final response.
    pub error: Option<ErrorSummary>,
}

impl PageState {
    /// The page of a navigation; `error` is the server's unhandled exception, if any.
    pub fn from_outcome(outcome: &NavigationOutcome, error: Option<ErrorSummary>) -> PageState {
        let last = outcome.final_hop();
        PageState {
            status: last.response.status,
            body: String::from_utf8_lossy(&last.response.body).into_owned(),
            headers: last.response.headers.clone(),
            set_cookies: outcome
                .hops
                .iter()
                .flat_map(|hop| hop.response.headers.iter())
                .filter(|(name, _)| name.eq_ignore_ascii_case("Set-Cookie"))
                .map(|(_, value)| value.clone())
                .collect(),
            error,
        }
    }
}

/// Whether the app accepted the session cookie of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeenVerdict {
    /// No session cookie was sent: the app started an empty session.
    NoCookie,
    /// The cookie verified: the app saw its data.
    Accepted,
    /// The cookie was sent but not accepted (edited, wrong key, too old): the app saw an empty
    /// session. The text says why, in the learner's words.
    Rejected(String),
    /// The app has no secret key, so it ignored the cookie.
    NoSecretKey,
}

/// The session as the server opened it for a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenSession {
    /// Whether and how the app accepted the cookie.
    pub verdict: SeenVerdict,
    /// The session data the view saw (empty unless accepted), in Flask's tagged JSON form.
    pub data: BTreeMap<String, serde_json::Value>,
}

impl SeenSession {
    /// What a signed-cookie app with `settings` saw for a request carrying `cookie_header`
    /// (the `Cookie` header of the final hop) at `now`.
    ///
    /// ```
    /// use session_playground::flask::server::SessionSettings;
    /// use session_playground::scenario::state::{SeenSession, SeenVerdict};
    /// let settings = SessionSettings { cookie_name: "session".into(), secret_key: Some(b"secret".to_vec()), max_age: 2_678_400 };
    /// let seen = SeenSession::from_cookie_header(Some("session=eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"), &settings, 1_767_225_600);
    /// assert_eq!(seen.verdict, SeenVerdict::Accepted);
    /// assert_eq!(seen.data["visits"], 1);
    /// let forged = SeenSession::from_cookie_header(Some("session=eyJ2aXNpdHMiOjk5fQ.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"), &settings, 1_767_225_600);
    /// assert!(matches!(forged.verdict, SeenVerdict::Rejected(_)) && forged.data.is_empty());
    /// ```
    pub fn from_cookie_header(cookie_header: Option<&str>, settings: &SessionSettings, now: i64) -> SeenSession {
        let empty = BTreeMap::new();
        // Werkzeug parses the header and keeps the first cookie of a repeated name.
        let value = cookie_header.and_then(|header| {
            crate::flask::server::parse_cookie_header(header)
                .into_iter()
                .find(|(name, _)| *name == settings.cookie_name)
                .map(|(_, value)| value)
        });
        let Some(value) = value else {
            return SeenSession { verdict: SeenVerdict::NoCookie, data: empty };
        };
        let inspection = inspect(&value, settings.secret_key.as_deref(), now, settings.max_age);
        match &inspection.verdict {
            Verdict::Valid => {
                let data = inspection
                    .payload_json
                    .as_deref()
                    .and_then(|json| serde_json::from_str::<BTreeMap<String, serde_json::Value>>(json).ok())
                    .unwrap_or_default();
                SeenSession { verdict: SeenVerdict::Accepted, data }
            }
            Verdict::NoSecretKey => SeenSession { verdict: SeenVerdict::NoSecretKey, data: empty },
            Verdict::Rejected(_) => SeenSession { verdict: SeenVerdict::Rejected(inspection.verdict.to_string()), data: empty },
        }
    }
}
