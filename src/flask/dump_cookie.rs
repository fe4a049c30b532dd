//! Werkzeug 3.1's `dump_cookie`: the `Set-Cookie` header value for `resp.set_cookie(...)`,
//! `resp.delete_cookie(...)` and Flask's session cookie, byte for byte.
//!
//! Attributes always come in this order, joined by `"; "`:
//! `name=value; Domain; Expires; Max-Age; Secure; HttpOnly; Path; SameSite; Partitioned`.
//! A value with a character outside ``[A-Za-z0-9_!#$%&'()*+-./:<=>?@[]^`{|}~]`` is
//! double-quoted, with `"` and `\` backslash-escaped and the UTF-8 bytes 0x00-0x19, `,`,
//! `;` and 0x7f-0xff written as `\` plus three octal digits (what `http.cookies` does).
//! Dates are `Wdy, DD Mon YYYY HH:MM:SS GMT`.
//!
//! Written by hand because no crate reproduces Werkzeug's quoting and date rules; the
//! unit tests compare it with the real `dump_cookie` on hundreds of generated cases.
//!
//! The returned `String` is the header's bytes read as UTF-8. (Werkzeug returns a `str`
//! that tunnels those bytes through latin-1 for WSGI; a non-ASCII cookie *name* is the
//! only way to see the difference.)

use std::fmt;

use crate::text::calendar;

/// What `expires=` was given as.
#[derive(Clone, Debug, PartialEq)]
pub enum Expires {
    /// An `int` or `float` Unix time (formatted via `email.utils.formatdate`).
    Timestamp(f64),
    /// A `datetime` (naive ones count as UTC), given as whole Unix seconds in UTC.
    DateTime(i64),
    /// A `str`, used verbatim.
    Raw(String),
}

/// The keyword arguments of `dump_cookie` (and `Response.set_cookie`), with Werkzeug's
/// defaults from [`CookieOptions::default`].
#[derive(Clone, Debug, PartialEq)]
pub struct CookieOptions {
    /// `max_age` in seconds (a `timedelta` is `int(total_seconds())` first).
    pub max_age: Option<i64>,
    /// `expires`.
    pub expires: Option<Expires>,
    /// `path`; `Some("/")` by default, `None` leaves the attribute out.
    pub path: Option<String>,
    /// `domain`.
    pub domain: Option<String>,
    /// `secure`.
    pub secure: bool,
    /// `httponly` (`False` by default for `set_cookie`; Flask's session passes `True`).
    pub httponly: bool,
    /// `sync_expires`: derive `Expires` from `max_age` when `expires` is not given.
    pub sync_expires: bool,
    /// `samesite`, any case (`"lax"` becomes `Lax`).
    pub samesite: Option<String>,
    /// `partitioned` (forces `Secure`).
    pub partitioned: bool,
}

impl Default for CookieOptions {
    fn default() -> CookieOptions {
        CookieOptions {
            max_age: None,
            expires: None,
            path: Some("/".to_string()),
            domain: None,
            secure: false,
            httponly: false,
            sync_expires: true,
            samesite: None,
            partitioned: false,
        }
    }
}

/// Why `dump_cookie` raised; `Display` is Python's `str(exc)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DumpCookieError {
    /// `samesite` is not Strict/Lax/None in any case (`ValueError`).
    InvalidSameSite,
    /// The Expires date is outside years 1-9999 (`ValueError`, or `OverflowError` far out).
    ExpiresOutOfRange {
        /// The year it would have been, when representable.
        year: Option<i64>,
    },
    /// `expires` is a NaN or infinite float (`ValueError`).
    ExpiresNotFinite,
    /// A label of the domain is empty or longer than 63 characters (`UnicodeError` from
    /// the `idna` codec).
    DomainLabelEmptyOrTooLong,
    /// The last label of the domain is longer than 63 characters (`UnicodeError`).
    DomainLabelTooLong,
    /// A non-ASCII domain: Python IDNA-encodes it (nameprep + punycode), which is not
    /// simulated. Deliberate difference: real Werkzeug would send `xn--...`.
    DomainNotAscii,
}

impl DumpCookieError {
    /// The Python exception class name.
    pub fn python_type(&self) -> &'static str {
        match self {
            DumpCookieError::InvalidSameSite | DumpCookieError::ExpiresNotFinite => "ValueError",
            DumpCookieError::ExpiresOutOfRange { year: Some(_) } => "ValueError",
            DumpCookieError::ExpiresOutOfRange { year: None } => "OverflowError",
            DumpCookieError::DomainLabelEmptyOrTooLong | DumpCookieError::DomainLabelTooLong => {
                "UnicodeError"
            }
            DumpCookieError::DomainNotAscii => "NotImplementedError",
        }
    }
}

impl fmt::Display for DumpCookieError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DumpCookieError::InvalidSameSite => {
                formatter.write_str("SameSite must be 'Strict', 'Lax', or 'None'.")
            }
            DumpCookieError::ExpiresOutOfRange { year: Some(year) } => {
                write!(formatter, "year {year} is out of range")
            }
            DumpCookieError::ExpiresOutOfRange { year: None } => {
                formatter.write_str("timestamp out of range for platform time_t")
            }
            DumpCookieError::ExpiresNotFinite => {
                formatter.write_str("Invalid value NaN (not a number)")
            }
            DumpCookieError::DomainLabelEmptyOrTooLong => formatter.write_str(
                "encoding with 'idna' codec failed (UnicodeError: label empty or too long)",
            ),
            DumpCookieError::DomainLabelTooLong => formatter
                .write_str("encoding with 'idna' codec failed (UnicodeError: label too long)"),
            DumpCookieError::DomainNotAscii => {
                formatter.write_str("the playground does not IDNA-encode non-ASCII cookie domains")
            }
        }
    }
}

impl std::error::Error for DumpCookieError {}

/// `dump_cookie(key, value, **options)` with the clock at `now` (Unix seconds; only used
/// to derive `Expires` from `max_age`).
///
/// ```
/// use session_playground::flask::dump_cookie::{dump_cookie, CookieOptions};
/// let now = 1767225600; // 2026-01-01T00:00:00Z
/// let theme = CookieOptions { max_age: Some(60), ..CookieOptions::default() };
/// assert_eq!(
///     dump_cookie("theme", "dark", &theme, now).unwrap(),
///     "theme=dark; Expires=Thu, 01 Jan 2026 00:01:00 GMT; Max-Age=60; Path=/"
/// );
/// assert_eq!(
///     dump_cookie("greeting", "hello world; ok", &CookieOptions::default(), now).unwrap(),
///     r#"greeting="hello world\073 ok"; Path=/"#
/// );
/// let strict = CookieOptions { samesite: Some("strict".into()), partitioned: true, ..CookieOptions::default() };
/// assert_eq!(dump_cookie("s", "v", &strict, now).unwrap(), "s=v; Secure; Path=/; SameSite=Strict; Partitioned");
/// ```
pub fn dump_cookie(
    key: &str,
    value: &str,
    options: &CookieOptions,
    now: i64,
) -> Result<String, DumpCookieError> {
    let path = options.path.as_deref().map(quote_path);
    let domain = match options.domain.as_deref() {
        // `if domain:` — an empty string is kept as it is (and printed as `Domain=`).
        Some(domain) if !domain.is_empty() => Some(encode_domain(domain)?),
        other => other.map(str::to_string),
    };
    let expires = match &options.expires {
        Some(Expires::Raw(text)) => Some(text.clone()),
        Some(Expires::DateTime(seconds)) => Some(http_date(*seconds)?),
        Some(Expires::Timestamp(seconds)) => Some(format_timestamp(*seconds)?),
        None => match options.max_age {
            // datetime.now(tz=utc).timestamp() + max_age, a float, as Werkzeug computes it.
            Some(max_age) if options.sync_expires => {
                Some(format_timestamp(now as f64 + max_age as f64)?)
            }
            _ => None,
        },
    };
    let samesite = match options.samesite.as_deref() {
        Some(samesite) => {
            Some(canonical_samesite(samesite).ok_or(DumpCookieError::InvalidSameSite)?)
        }
        None => None,
    };
    let secure = options.secure || options.partitioned;

    let mut parts = vec![format!("{key}={}", quote_value(value))];
    if let Some(domain) = domain {
        parts.push(format!("Domain={domain}"));
    }
    if let Some(expires) = expires {
        parts.push(format!("Expires={expires}"));
    }
    if let Some(max_age) = options.max_age {
        parts.push(format!("Max-Age={max_age}"));
    }
    if secure {
        parts.push("Secure".to_string());
    }
    if options.httponly {
        parts.push("HttpOnly".to_string());
    }
    if let Some(path) = path {
        parts.push(format!("Path={path}"));
    }
    if let Some(samesite) = samesite {
        parts.push(format!("SameSite={samesite}"));
    }
    if options.partitioned {
        parts.push("Partitioned".to_string());
    }
    Ok(parts.join("; "))
}

/// `samesite.title()` checked against `{"Strict", "Lax", "None"}`.
fn canonical_samesite(samesite: &str) -> Option<&'static str> {
    let titled = python_title(samesite);
    ["Strict", "Lax", "None"]
        .into_iter()
        .find(|candidate| *candidate == titled)
}

/// `str.title()`: a cased character after an uncased one is upper-cased, others lower-cased.
fn python_title(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_cased = false;
    for character in text.chars() {
        let cased = character.is_lowercase() || character.is_uppercase();
        if previous_cased {
            out.extend(character.to_lowercase());
        } else {
            out.extend(character.to_uppercase());
        }
        previous_cased = cased;
    }
    out
}

fn is_unquoted_value_char(character: char) -> bool {
    character.is_ascii_alphanumeric() || "_!#$%&'()*+-./:<=>?@[]^`{|}~".contains(character)
}

/// Werkzeug's value quoting (`_cookie_no_quote_re`, `_cookie_slash_re`, `_cookie_slash_map`).
fn quote_value(value: &str) -> String {
    if value.chars().all(is_unquoted_value_char) {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for &byte in value.as_bytes() {
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            // Werkzeug's regex stops at 0x19: 0x1a-0x1f stay raw although its map has them.
            0x00..=0x19 | b',' | b';' | 0x7f..=0xff => out.push_str(&format!("\\{byte:03o}")),
            _ => out.push(char::from(byte)),
        }
    }
    out.push('"');
    out
}

/// `urllib.parse.quote(path, safe="%!$&'()*+,/:=@")` over the UTF-8 bytes.
fn quote_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"_.-~%!$&'()*+,/:=@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `domain.partition(":")[0].lstrip(".").encode("idna")` for ASCII names.
fn encode_domain(domain: &str) -> Result<String, DumpCookieError> {
    let host = domain
        .split(':')
        .next()
        .unwrap_or("")
        .trim_start_matches('.');
    if !host.is_ascii() {
        return Err(DumpCookieError::DomainNotAscii);
    }
    let labels: Vec<&str> = host.split('.').collect();
    if let Some((last, rest)) = labels.split_last() {
        if rest
            .iter()
            .any(|label| label.is_empty() || label.len() >= 64)
        {
            return Err(DumpCookieError::DomainLabelEmptyOrTooLong);
        }
        if last.len() >= 64 {
            return Err(DumpCookieError::DomainLabelTooLong);
        }
    }
    Ok(host.to_string())
}

/// `email.utils.formatdate(seconds, usegmt=True)`: `datetime.fromtimestamp(seconds, utc)`
/// (microseconds rounded half-even, then dropped) formatted.
fn format_timestamp(seconds: f64) -> Result<String, DumpCookieError> {
    if !seconds.is_finite() {
        return Err(DumpCookieError::ExpiresNotFinite);
    }
    // _PyTime_ObjectToTimeval with ROUND_HALF_EVEN: split, round the microseconds, carry.
    // Only the whole seconds are printed, so the carry is all that matters here.
    let mut whole = seconds.trunc();
    let micros = ((seconds - whole) * 1e6).round_ties_even();
    if micros >= 1e6 {
        whole += 1.0;
    } else if micros < 0.0 {
        whole -= 1.0;
    }
    // Outside time_t CPython raises OverflowError before any year check.
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&whole) {
        return Err(DumpCookieError::ExpiresOutOfRange { year: None });
    }
    http_date(whole as i64)
}

/// `Wdy, DD Mon YYYY HH:MM:SS GMT` for whole Unix seconds in years 1-9999.
///
/// ```
/// use session_playground::flask::dump_cookie::http_date;
/// assert_eq!(http_date(0).unwrap(), "Thu, 01 Jan 1970 00:00:00 GMT");
/// assert_eq!(http_date(1769904000).unwrap(), "Sun, 01 Feb 2026 00:00:00 GMT");
/// ```
pub fn http_date(seconds: i64) -> Result<String, DumpCookieError> {
    let (year, _, _) = calendar::civil_from_days(seconds.div_euclid(86_400));
    if !(1..=9999).contains(&year) {
        return Err(DumpCookieError::ExpiresOutOfRange { year: Some(year) });
    }
    Ok(calendar::http_date(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct ExpiresJson {
        kind: String,
        value: Option<serde_json::Value>,
        unix: Option<i64>,
    }

    #[derive(Deserialize)]
    struct PythonError {
        #[serde(rename = "type")]
        kind: String,
        message: String,
    }

    #[derive(Deserialize)]
    struct Case {
        key: String,
        value: String,
        max_age: Option<i64>,
        expires: Option<ExpiresJson>,
        path: Option<String>,
        domain: Option<String>,
        secure: bool,
        httponly: bool,
        sync_expires: bool,
        samesite: Option<String>,
        partitioned: bool,
        now: i64,
        header: Option<String>,
        error: Option<PythonError>,
    }

    fn expires(json: &ExpiresJson) -> Expires {
        match json.kind.as_str() {
            "timestamp" => Expires::Timestamp(
                json.value
                    .as_ref()
                    .and_then(serde_json::Value::as_f64)
                    .unwrap(),
            ),
            "datetime" => Expires::DateTime(json.unix.unwrap()),
            _ => Expires::Raw(
                json.value
                    .as_ref()
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string(),
            ),
        }
    }

    #[test]
    fn matches_werkzeug_on_every_fixture() {
        let cases: Vec<Case> = serde_json::from_str(include_str!(
            "../../tests/oracle/primitives/dump_cookie.json"
        ))
        .unwrap();
        assert!(cases.len() > 300);
        for case in &cases {
            let options = CookieOptions {
                max_age: case.max_age,
                expires: case.expires.as_ref().map(expires),
                path: case.path.clone(),
                domain: case.domain.clone(),
                secure: case.secure,
                httponly: case.httponly,
                sync_expires: case.sync_expires,
                samesite: case.samesite.clone(),
                partitioned: case.partitioned,
            };
            let got = dump_cookie(&case.key, &case.value, &options, case.now);
            let context = format!("dump_cookie({:?}, {:?}, {options:?})", case.key, case.value);
            match (&got, &case.header, &case.error) {
                (Ok(header), Some(expected), None) => assert_eq!(header, expected, "{context}"),
                (Err(err), None, Some(error)) => {
                    assert_eq!(err.python_type(), error.kind, "{context}");
                    assert_eq!(err.to_string(), error.message, "{context}");
                }
                _ => panic!(
                    "{context}: got {got:?}, expected {:?} / {:?}",
                    case.header,
                    case.error.as_ref().map(|e| &e.message)
                ),
            }
        }
    }

    #[test]
    fn set_cookie_table_from_flask_facts() {
        let now = 1_767_225_600;
        let deletion = CookieOptions {
            max_age: Some(0),
            expires: Some(Expires::Timestamp(0.0)),
            ..CookieOptions::default()
        };
        assert_eq!(
            dump_cookie("theme", "", &deletion, now).unwrap(),
            "theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"
        );
        assert_eq!(
            dump_cookie("visited", "yes", &CookieOptions::default(), now).unwrap(),
            "visited=yes; Path=/"
        );
    }
}
