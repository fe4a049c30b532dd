//! The session decoder of the dev tools: what anyone holding a Flask session cookie can read
//! (the payload is only base64, perhaps zlib-compressed), when it was signed, and whether it
//! verifies with a given secret key — and if not, why, in the learner's words.

use super::base64_py;
use super::signing::{self, SigningKey, UnsignError};

/// A session cookie value taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInspection {
    /// The decoded JSON payload (readable without any key), if the payload part decodes.
    pub payload_json: Option<String>,
    /// Whether the payload was zlib-compressed (the value starts with `.`).
    pub compressed: bool,
    /// When it was signed (Unix seconds), if the timestamp part decodes.
    pub signed_at: Option<u64>,
    /// The signature part as it appears in the cookie.
    pub signature: String,
    /// Whether the app would accept it, and why not.
    pub verdict: Verdict,
}

/// Whether the app accepts the cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Signed with the app's key, within the lifetime: the app sees this session.
    Valid,
    /// The app has no secret key: it ignores every session cookie.
    NoSecretKey,
    /// Rejected: the app silently starts an empty session.
    Rejected(UnsignError),
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Valid => f.write_str("valid: the signature matches the app's secret key"),
            Verdict::NoSecretKey => f.write_str("not checked: the app has no secret key, so it ignores the cookie"),
            Verdict::Rejected(UnsignError::SignatureMismatch { .. }) => f.write_str(
                "rejected: the signature does not match (the payload was edited, or signed with another key); the app sees an empty session",
            ),
            Verdict::Rejected(UnsignError::Expired { age, max_age }) => write!(
                f,
                "rejected: signed {age} s ago, older than PERMANENT_SESSION_LIFETIME ({max_age} s); the app sees an empty session"
            ),
            Verdict::Rejected(error) => write!(f, "rejected ({}: {error}); the app sees an empty session", error.python_type()),
        }
    }
}

/// Takes a session cookie `value` apart and checks it as the app would at `now`.
///
/// ```
/// use session_playground::flask::session_inspect::{inspect, Verdict};
/// let cookie = "eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY";
/// let seen = inspect(cookie, Some(b"secret"), 1_767_225_600, 31 * 86_400);
/// assert_eq!(seen.payload_json.as_deref(), Some(r#"{"visits":1}"#));
/// assert_eq!(seen.signed_at, Some(1_767_225_600));
/// assert_eq!(seen.verdict, Verdict::Valid);
/// let forged = inspect("eyJ2aXNpdHMiOjk5fQ.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY", Some(b"secret"), 1_767_225_600, 31 * 86_400);
/// assert_eq!(forged.payload_json.as_deref(), Some(r#"{"visits":99}"#));
/// assert!(forged.verdict.to_string().starts_with("rejected: the signature does not match"));
/// ```
pub fn inspect(value: &str, secret: Option<&[u8]>, now: i64, max_age: i64) -> SessionInspection {
    let mut parts = value.rsplitn(3, '.');
    let signature = parts.next().unwrap_or_default().to_string();
    let timestamp = parts.next();
    let payload = parts.next();
    let signed_at = timestamp
        .and_then(|part| base64_py::decode(part.as_bytes()).ok())
        .and_then(|raw| signing::bytes_to_int(&raw));
    let decoded = payload.and_then(|part| signing::decode_payload(part.as_bytes()).ok());
    let verdict = match secret {
        None => Verdict::NoSecretKey,
        Some(secret) => match signing::loads(
            &SigningKey::derive(secret, signing::SESSION_SALT),
            value,
            now,
            Some(max_age),
        ) {
            Ok(_) => Verdict::Valid,
            Err(error) => Verdict::Rejected(error),
        },
    };
    SessionInspection {
        compressed: decoded.as_ref().is_some_and(|(_, compressed)| *compressed),
        payload_json: decoded.map(|(json, _)| json),
        signed_at,
        signature,
        verdict,
    }
}

/// The cookie value a learner sends after editing the decoded payload without the key: the
/// payload part encoded as Flask encodes it (base64, zlib-compressed when that is shorter), the
/// timestamp and signature kept as they were — so the signature no longer matches, which is what
/// the experiment shows. A value with no timestamp and signature (the unsigned mode's) becomes
/// the payload alone, as that mode writes it: plain base64, never compressed.
///
/// ```
/// use session_playground::flask::session_inspect::with_payload;
/// assert_eq!(
///     with_payload("eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY", r#"{"visits":99}"#),
///     "eyJ2aXNpdHMiOjk5fQ.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY"
/// );
/// assert_eq!(with_payload("eyJ2aXNpdHMiOjF9", r#"{"visits":99}"#), "eyJ2aXNpdHMiOjk5fQ");
/// ```
pub fn with_payload(value: &str, json: &str) -> String {
    let mut parts = value.rsplitn(3, '.');
    let signature = parts.next().unwrap_or_default();
    match (parts.next(), parts.next()) {
        (Some(timestamp), Some(_)) => {
            format!("{}.{timestamp}.{signature}", signing::encode_payload(json))
        }
        _ => base64_py::encode(json.as_bytes()),
    }
}

/// Whether `text` can be a session's payload (a JSON object); the error says what it is instead,
/// in the learner's words (it reads after "the payload is").
///
/// ```
/// use session_playground::flask::session_inspect::check_payload;
/// assert!(check_payload(r#"{"user": "alice", "is_admin": true}"#).is_ok());
/// assert!(check_payload("[1, 2]").unwrap_err().starts_with("not a JSON object"));
/// assert!(check_payload(r#"{"user": "alice""#).unwrap_err().starts_with("not JSON"));
/// ```
pub fn check_payload(text: &str) -> Result<(), String> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(_) => Err("not a JSON object (a session is one: write it between { and })".to_string()),
        Err(error) => Err(format!("not JSON ({error})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTH: i64 = 31 * 86_400;
    const START: i64 = 1_767_225_600;

    fn signed(json: &str, secret: &str, at: u64) -> String {
        signing::dumps(&SigningKey::for_session(secret), json, at)
    }

    #[test]
    fn a_cookie_signed_with_another_key_is_readable_but_rejected() {
        let cookie = signed(r#"{"user":"alice"}"#, "other", START as u64);
        let seen = inspect(&cookie, Some(b"secret"), START, MONTH);
        assert_eq!(seen.payload_json.as_deref(), Some(r#"{"user":"alice"}"#));
        assert!(matches!(
            seen.verdict,
            Verdict::Rejected(UnsignError::SignatureMismatch { .. })
        ));
    }

    #[test]
    fn an_old_cookie_is_rejected_one_second_after_the_lifetime() {
        let cookie = signed(r#"{"a":1}"#, "secret", START as u64);
        assert_eq!(
            inspect(&cookie, Some(b"secret"), START + MONTH, MONTH).verdict,
            Verdict::Valid
        );
        let late = inspect(&cookie, Some(b"secret"), START + MONTH + 1, MONTH);
        assert_eq!(
            late.verdict.to_string(),
            format!(
                "rejected: signed {} s ago, older than PERMANENT_SESSION_LIFETIME ({MONTH} s); the app sees an empty session",
                MONTH + 1
            )
        );
    }

    #[test]
    fn a_compressed_payload_is_decoded() {
        let json = format!(r#"{{"note":"{}"}}"#, "hello ".repeat(200));
        let cookie = signed(&json, "secret", START as u64);
        assert!(cookie.starts_with('.'));
        let seen = inspect(&cookie, Some(b"secret"), START, MONTH);
        assert!(seen.compressed);
        assert_eq!(seen.payload_json.as_deref(), Some(json.as_str()));
    }

    #[test]
    fn garbage_never_panics_and_is_rejected() {
        for value in ["", ".", "..", "...", "abc", "a.b.c", ".!!.x.y", "ééé.é.é"] {
            let seen = inspect(value, Some(b"secret"), START, MONTH);
            assert!(matches!(seen.verdict, Verdict::Rejected(_)), "{value}");
            assert_eq!(
                inspect(value, None, START, MONTH).verdict,
                Verdict::NoSecretKey
            );
        }
    }
}
