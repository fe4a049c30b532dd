//! The transcript of a scenario run, as the contract (`docs/scenario-format.md`) defines it:
//! plain data that [`crate::scenario::run`] fills from each step's effect and
//! [`crate::scenario::pretty`] writes out.

use serde::Serialize;

/// An exception in the transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorInfo {
    /// `type(exc).__name__`.
    #[serde(rename = "type")]
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
}

/// A followed redirect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RedirectInfo {
    /// Its status.
    pub status: u16,
    /// Its `Location`.
    pub location: String,
    /// Its headers.
    pub headers: Vec<(String, String)>,
}

/// A cookie in the jar after a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JarCookie {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
    /// Unix seconds, or `None` for a session cookie.
    pub expires: Option<i64>,
}

/// The record of one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepRecord {
    /// Final status (request steps only).
    pub status: Option<u16>,
    /// Final body as UTF-8 (lossy).
    pub body: Option<String>,
    /// Final response headers.
    pub headers: Vec<(String, String)>,
    /// The Cookie header sent on the final request.
    pub request_cookie: Option<String>,
    /// Redirects followed.
    pub redirects: Vec<RedirectInfo>,
    /// The unhandled exception of the final response.
    pub error: Option<ErrorInfo>,
    /// The profile's jar after the step.
    pub jar: Vec<JarCookie>,
    /// The cross-site extension, only on request steps with `host` or `from`: who started the
    /// request, in words (`a form posted from http://attacker.test`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The cross-site extension, only on request steps with `host` or `from`: every cookie the
    /// jar held for the final request, sent or withheld, with the reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cookies: Option<Vec<CookieReason>>,
}

/// One cookie's fate on a request, as the jar decided it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CookieReason {
    /// Its name.
    pub name: String,
    /// Its domain (host-only cookies: their host).
    pub domain: String,
    /// Whether it went in the `Cookie` header.
    pub sent: bool,
    /// Why, in the learner's words.
    pub reason: String,
}

/// A whole transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transcript {
    /// Set when the app could not start.
    pub startup_error: Option<ErrorInfo>,
    /// One record per step.
    pub steps: Vec<StepRecord>,
}
