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
    /// The lesson's own code (what `code_unchanged` compares with).
    #[serde(default)]
    pub lesson_code: String,
    /// The virtual time the lesson started at, Unix seconds (what `clock_at_least` counts from).
    #[serde(default)]
    pub start_clock: i64,
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

impl ErrorSummary {
    /// The summary of a server-layer exception.
    pub fn of(error: &crate::flask::AppError) -> ErrorSummary {
        ErrorSummary {
            type_name: error.type_name.clone(),
            message: error.message.clone(),
        }
    }
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
    /// Navigations since the browser was last closed (the last page is the first one after
    /// reopening when this is 1).
    #[serde(default)]
    pub navigations_since_open: u32,
    /// The names of every cookie the server set in this browser since the lesson started.
    #[serde(default)]
    pub received_cookies: Vec<String>,
    /// The names of the cookies the learner deleted from this browser's jar in the dev tools
    /// since the lesson started.
    #[serde(default)]
    pub deleted_cookies: Vec<String>,
}

impl ProfileState {
    /// Name, open flag and jar from the browser layer's profile at `now`; the page and the
    /// session seen are the caller's to fill in.
    pub fn from_profile(profile: &Profile, now: i64) -> ProfileState {
        ProfileState {
            name: profile.name.clone(),
            open: profile.open,
            jar: profile
                .jar
                .list(now)
                .into_iter()
                .map(JarEntry::from_cookie)
                .collect(),
            last_page: None,
            session_seen: None,
            navigations_since_open: profile.navigations_since_open,
            received_cookies: Vec::new(),
            deleted_cookies: Vec::new(),
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
    /// The names of the cookies the navigation's first request carried (what the browser had
    /// before the server answered).
    #[serde(default)]
    pub sent_cookies: Vec<String>,
    /// The unhandled exception of the final response.
    pub error: Option<ErrorSummary>,
    /// The origin of the other site's page that started the navigation (a link, form or image
    /// on it); `None` for the address bar and the same site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
}

/// The cookie name of a `Set-Cookie` value.
pub fn set_cookie_name(header: &str) -> &str {
    header
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map_or("", |(name, _)| name.trim())
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
            sent_cookies: outcome
                .hops
                .first()
                .and_then(|hop| hop.cookie.as_deref())
                .map(|header| {
                    crate::flask::server::parse_cookie_header(header)
                        .into_iter()
                        .map(|(name, _)| name.to_string())
                        .collect()
                })
                .unwrap_or_default(),
            error,
            started_by: None,
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
    /// The session mode the app ran in for this request (the world that made it stamps it): a
    /// goal about one mode judges only a request made in it, not one made before the learner
    /// switched (issue 17).
    #[serde(default)]
    pub mode: SessionMode,
}

impl SeenSession {
    /// What a signed-cookie app with `settings` saw for a request carrying `cookie_header`
    /// (the `Cookie` header of the final hop) at `now`.
    ///
    /// ```
    /// use session_playground::flask::server::SessionSettings;
    /// use session_playground::scenario::state::{SeenSession, SeenVerdict};
    /// let settings = SessionSettings { cookie_name: "session".into(), secret_key: Some(b"secret".to_vec()), max_age: 2_678_400, fallback_keys: vec![] };
    /// let seen = SeenSession::from_cookie_header(Some("session=eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"), &settings, 1_767_225_600);
    /// assert_eq!(seen.verdict, SeenVerdict::Accepted);
    /// assert_eq!(seen.data["visits"], 1);
    /// let forged = SeenSession::from_cookie_header(Some("session=eyJ2aXNpdHMiOjk5fQ.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"), &settings, 1_767_225_600);
    /// assert!(matches!(forged.verdict, SeenVerdict::Rejected(_)) && forged.data.is_empty());
    /// ```
    /// What an app with another session interface (the `unsigned` and `server` modes) opened,
    /// from the server's own trace of the request. Values arrive as Python reprs; the plain
    /// ones (strings, numbers, booleans, `None`) become their JSON, anything else stays the
    /// repr text.
    ///
    /// ```
    /// use session_playground::flask::trace::{CookieOutcome, SessionEntry, SessionSource, SessionTrace, SkipReason};
    /// use session_playground::scenario::state::{SeenSession, SeenVerdict};
    /// let trace = SessionTrace { class_name: "FileSystemSession".into(), source: SessionSource::Interface("CacheLibSessionInterface".into()),
    ///     sid: Some("abc".into()), opened: vec![SessionEntry { key: "'user'".into(), value: "'alice'".into() }], saved: vec![],
    ///     save_ran: true, modified: false, permanent: false, new: false, accessed: true, cookie: CookieOutcome::NotWritten(SkipReason::NotModified) };
    /// let seen = SeenSession::from_trace(&trace);
    /// assert_eq!((seen.verdict, seen.data["user"].as_str()), (SeenVerdict::Accepted, Some("alice")));
    /// ```
    pub fn from_trace(trace: &crate::flask::trace::SessionTrace) -> SeenSession {
        use crate::flask::trace::SessionSource;
        let verdict = match &trace.source {
            SessionSource::NoCookie => SeenVerdict::NoCookie,
            SessionSource::NoSecretKey => SeenVerdict::NoSecretKey,
            SessionSource::Rejected(why) => SeenVerdict::Rejected(why.clone()),
            SessionSource::OpenFailed => {
                SeenVerdict::Rejected("the session could not be opened".into())
            }
            SessionSource::Cookie | SessionSource::Interface(_) => SeenVerdict::Accepted,
        };
        let data = trace
            .opened
            .iter()
            .map(|entry| {
                (
                    repr_to_json(&entry.key)
                        .as_str()
                        .map_or(entry.key.clone(), str::to_string),
                    repr_to_json(&entry.value),
                )
            })
            .collect();
        SeenSession {
            verdict,
            data,
            mode: SessionMode::default(),
        }
    }

    /// What the server makes of a request's `Cookie` header: the signed session cookie under
    /// the app's cookie name, read with its key and lifetime at `now`.
    pub fn from_cookie_header(
        cookie_header: Option<&str>,
        settings: &SessionSettings,
        now: i64,
    ) -> SeenSession {
        let empty = BTreeMap::new();
        // Werkzeug parses the header and keeps the first cookie of a repeated name.
        let value = cookie_header.and_then(|header| {
            crate::flask::server::parse_cookie_header(header)
                .into_iter()
                .find(|(name, _)| *name == settings.cookie_name)
                .map(|(_, value)| value)
        });
        let Some(value) = value else {
            return SeenSession {
                verdict: SeenVerdict::NoCookie,
                data: empty,
                mode: SessionMode::default(),
            };
        };
        let mut inspection = inspect(
            &value,
            settings.secret_key.as_deref(),
            now,
            settings.max_age,
        );
        // Flask 3.1: a cookie the current key does not verify may verify with one of
        // SECRET_KEY_FALLBACKS (only when there is a current key at all).
        if matches!(inspection.verdict, Verdict::Rejected(_))
            && settings.secret_key.is_some()
            && let Some(found) = settings
                .fallback_keys
                .iter()
                .map(|key| inspect(&value, Some(key), now, settings.max_age))
                .find(|fallback| matches!(fallback.verdict, Verdict::Valid))
        {
            inspection = found;
        }
        match &inspection.verdict {
            Verdict::Valid => {
                let data = inspection
                    .payload_json
                    .as_deref()
                    .and_then(|json| {
                        serde_json::from_str::<BTreeMap<String, serde_json::Value>>(json).ok()
                    })
                    .unwrap_or_default();
                SeenSession {
                    verdict: SeenVerdict::Accepted,
                    data,
                    mode: SessionMode::default(),
                }
            }
            Verdict::NoSecretKey => SeenSession {
                verdict: SeenVerdict::NoSecretKey,
                data: empty,
                mode: SessionMode::default(),
            },
            Verdict::Rejected(_) => SeenSession {
                verdict: SeenVerdict::Rejected(inspection.verdict.to_string()),
                data: empty,
                mode: SessionMode::default(),
            },
        }
    }
}

/// A Python repr as JSON where the two agree on a plain value (`'a'`, `3`, `1.5`, `True`,
/// `None`); anything else is kept as its repr text.
fn repr_to_json(repr: &str) -> serde_json::Value {
    match repr {
        "True" => return serde_json::Value::Bool(true),
        "False" => return serde_json::Value::Bool(false),
        "None" => return serde_json::Value::Null,
        _ => {}
    }
    if let Some(inner) = repr
        .strip_prefix('\'')
        .and_then(|rest| rest.strip_suffix('\''))
        && !inner.contains('\\')
        && !inner.contains('\'')
    {
        return serde_json::Value::String(inner.to_string());
    }
    if let Ok(number) = repr.parse::<i64>() {
        return number.into();
    }
    if let Ok(number) = repr.parse::<f64>()
        && let Some(number) = serde_json::Number::from_f64(number)
    {
        return serde_json::Value::Number(number);
    }
    serde_json::Value::String(repr.to_string())
}
