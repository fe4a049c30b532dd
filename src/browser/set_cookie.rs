//! Parsing one `Set-Cookie` header value into a [`SetCookie`] (RFC 6265bis §5.6), or a
//! [`ParseRejection`] saying why the browser ignores the whole header.
//!
//! This module only reads text; it knows nothing of the clock or the jar. What the attributes
//! *mean* (expiry, default path, domain rules, prefixes) is decided when the jar stores the cookie.
//!
//! **Why by hand, not with the `cookie` crate:** that crate parses cookies the way a *server*
//! wants them, and it differs from what browsers do exactly where the lessons look: it refuses a
//! header without `=` and a cookie with an empty name (browsers store both as "nameless" cookies),
//! strips the double quotes around a value (browsers keep and send them), and rejects some
//! attribute spellings the browser ignores one by one. Every web-platform-tests vector would need a
//! work-around, so the ~150 lines of the specification's algorithm are written out here instead.
//!
//! Where RFC 6265bis and Chromium disagree, Chromium wins and the comment says so.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::browser::cookie_date::parse_cookie_date;

/// Name plus value longer than this many bytes: the header is ignored.
pub const MAX_NAME_VALUE_BYTES: usize = 4096;
/// An attribute value longer than this many bytes: that attribute is ignored.
pub const MAX_ATTRIBUTE_VALUE_BYTES: usize = 1024;

/// The `SameSite` attribute as the server wrote it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SameSite {
    /// No `SameSite` attribute (or a value the browser does not know). Chromium treats such a
    /// cookie as `Lax` when deciding whether to send it cross-site; see `jar` for details.
    #[default]
    Unspecified,
    /// `SameSite=Strict`: never sent on a request started from another site.
    Strict,
    /// `SameSite=Lax`: sent cross-site only on a top-level navigation with a safe method (GET).
    Lax,
    /// `SameSite=None`: sent on every request, but only accepted together with `Secure`.
    None,
}

impl fmt::Display for SameSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SameSite::Unspecified => "(unset)",
            SameSite::Strict => "Strict",
            SameSite::Lax => "Lax",
            SameSite::None => "None",
        })
    }
}

/// The `Path` attribute as the server wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PathAttribute {
    /// No `Path` attribute: the jar uses the default path (the request path's directory).
    #[default]
    Absent,
    /// A `Path` that is empty or does not start with `/`: also the default path.
    NotAbsolute(String),
    /// A usable `Path`, starting with `/`.
    Given(String),
}

/// One parsed `Set-Cookie` header: name, value and the attributes that took effect.
///
/// ```
/// use session_playground::browser::set_cookie::{parse_set_cookie, SameSite};
/// let cookie = parse_set_cookie("session=abc; HttpOnly; Path=/; SameSite=Lax").unwrap();
/// assert_eq!((cookie.name.as_str(), cookie.value.as_str()), ("session", "abc"));
/// assert!(cookie.http_only);
/// assert_eq!(cookie.same_site, SameSite::Lax);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetCookie {
    /// The name, trimmed of spaces and tabs; empty for a "nameless" cookie (`Set-Cookie: abc`).
    pub name: String,
    /// The value exactly as sent, double quotes included, trimmed of spaces and tabs.
    pub value: String,
    /// The last valid `Expires`, in Unix seconds.
    pub expires: Option<i64>,
    /// The last valid `Max-Age`, in seconds (saturated to the `i64` range).
    pub max_age: Option<i64>,
    /// The last `Domain`, lower-cased, leading dot removed.
    pub domain: Option<String>,
    /// The last `Path`.
    pub path: PathAttribute,
    /// `Secure` was present.
    pub secure: bool,
    /// `HttpOnly` was present.
    pub http_only: bool,
    /// The last `SameSite`.
    pub same_site: SameSite,
    /// `Partitioned` was present (CHIPS).
    pub partitioned: bool,
    /// Attributes that were ignored, and why (for the learner; they do not stop the cookie).
    pub notes: Vec<AttributeNote>,
}

/// An attribute the browser ignored while still accepting the cookie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttributeNote {
    /// `Expires` did not follow the cookie-date algorithm.
    UnreadableExpires {
        /// The value as written.
        value: String,
    },
    /// `Max-Age` was not an optional `-` followed by digits.
    UnreadableMaxAge {
        /// The value as written.
        value: String,
    },
    /// `Domain=` with nothing after it.
    EmptyDomain,
    /// `Path` empty or not starting with `/`.
    PathNotAbsolute {
        /// The value as written.
        value: String,
    },
    /// `SameSite` with a value other than Strict, Lax or None.
    UnknownSameSite {
        /// The value as written.
        value: String,
    },
    /// An attribute value over [`MAX_ATTRIBUTE_VALUE_BYTES`].
    AttributeValueTooLong {
        /// The attribute name as written.
        attribute: String,
        /// Its value's length in bytes.
        bytes: usize,
    },
    /// An attribute name the browser does not know (`Version`, `Comment`, typos, ...).
    UnknownAttribute {
        /// The attribute name as written.
        attribute: String,
    },
}

impl fmt::Display for AttributeNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttributeNote::UnreadableExpires { value } => {
                write!(f, "Expires={value} ignored: not a date a browser can read")
            }
            AttributeNote::UnreadableMaxAge { value } => {
                write!(f, "Max-Age={value} ignored: not a whole number of seconds")
            }
            AttributeNote::EmptyDomain => f.write_str("empty Domain= ignored"),
            AttributeNote::PathNotAbsolute { value } => write!(
                f,
                "Path={value} does not start with /: the default path is used instead"
            ),
            AttributeNote::UnknownSameSite { value } => {
                write!(
                    f,
                    "SameSite={value} not understood: treated as if SameSite were absent"
                )
            }
            AttributeNote::AttributeValueTooLong { attribute, bytes } => write!(
                f,
                "{attribute} ignored: its value is {} bytes > {} limit",
                thousands(*bytes),
                thousands(MAX_ATTRIBUTE_VALUE_BYTES)
            ),
            AttributeNote::UnknownAttribute { attribute } => {
                write!(f, "unknown attribute {attribute} ignored")
            }
        }
    }
}

/// Why a `Set-Cookie` header was ignored entirely.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParseRejection {
    /// Both the name and the value are empty (`Set-Cookie: =` or an empty header).
    EmptyNameAndValue,
    /// Name plus value exceed [`MAX_NAME_VALUE_BYTES`].
    TooLarge {
        /// The length of name plus value in bytes.
        bytes: usize,
    },
    /// A control character (other than tab) in the header.
    ControlCharacter {
        /// The character's byte value.
        byte: u8,
        /// Its byte offset in the header.
        offset: usize,
    },
    /// A nameless cookie whose value starts with `__Secure-` or `__Host-`, which would look like a
    /// prefixed cookie in the `Cookie` header.
    NamelessWithPrefix,
}

impl fmt::Display for ParseRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseRejection::EmptyNameAndValue => f.write_str("name and value are both empty"),
            ParseRejection::TooLarge { bytes } => write!(
                f,
                "{} bytes > {} limit for name + value",
                thousands(*bytes),
                thousands(MAX_NAME_VALUE_BYTES)
            ),
            ParseRejection::ControlCharacter { byte, offset } => {
                write!(f, "control character 0x{byte:02X} at byte {offset}")
            }
            ParseRejection::NamelessWithPrefix => f.write_str(
                "a cookie without a name cannot have a value starting with __Secure- or __Host-",
            ),
        }
    }
}

impl std::error::Error for ParseRejection {}

/// Parses one `Set-Cookie` header value the way Chromium does.
///
/// ```
/// use session_playground::browser::set_cookie::{parse_set_cookie, ParseRejection};
/// // The double quotes are part of the value; everything after the first `;` is attributes.
/// assert_eq!(parse_set_cookie("a=\"1;2\"").unwrap().value, "\"1");
/// // No `=`: a nameless cookie whose value is the whole pair.
/// let nameless = parse_set_cookie("token").unwrap();
/// assert_eq!((nameless.name.as_str(), nameless.value.as_str()), ("", "token"));
/// assert_eq!(parse_set_cookie("="), Err(ParseRejection::EmptyNameAndValue));
/// ```
pub fn parse_set_cookie(header: &str) -> Result<SetCookie, ParseRejection> {
    // Chromium (unlike the RFC, which rejects them) treats CR, LF and NUL as the end of the
    // header; the WPT vector "Set cookie but ignore value after LF" checks exactly this.
    let header = match header.find(['\r', '\n', '\0']) {
        Some(end) => &header[..end],
        None => header,
    };
    if let Some((offset, byte)) = header
        .bytes()
        .enumerate()
        .find(|&(_, byte)| (byte < 0x20 && byte != b'\t') || byte == 0x7F)
    {
        return Err(ParseRejection::ControlCharacter { byte, offset });
    }

    let (pair, attributes) = match header.split_once(';') {
        Some((pair, attributes)) => (pair, Some(attributes)),
        None => (header, None),
    };
    let (name, value) = match pair.split_once('=') {
        Some((name, value)) => (trim_wsp(name), trim_wsp(value)),
        None => ("", trim_wsp(pair)),
    };
    if name.is_empty() && value.is_empty() {
        return Err(ParseRejection::EmptyNameAndValue);
    }
    // Chromium 156 rejects a tab *inside* a name, value, or attribute (the RFC allows it); tabs
    // around them are trimmed like spaces.
    reject_inner_tab(header, name)?;
    reject_inner_tab(header, value)?;
    let bytes = name.len() + value.len();
    if bytes > MAX_NAME_VALUE_BYTES {
        return Err(ParseRejection::TooLarge { bytes });
    }
    if name.is_empty()
        && (starts_with_ignore_case(value, "__Secure-")
            || starts_with_ignore_case(value, "__Host-"))
    {
        return Err(ParseRejection::NamelessWithPrefix);
    }

    for attribute in attributes.into_iter().flat_map(|text| text.split(';')) {
        let (attribute_name, attribute_value) =
            attribute.split_once('=').unwrap_or((attribute, ""));
        reject_inner_tab(header, trim_wsp(attribute_name))?;
        reject_inner_tab(header, trim_wsp(attribute_value))?;
    }

    let mut cookie = SetCookie {
        name: name.to_string(),
        value: value.to_string(),
        ..SetCookie::default()
    };
    for attribute in attributes.into_iter().flat_map(|text| text.split(';')) {
        apply_attribute(&mut cookie, attribute);
    }
    Ok(cookie)
}

/// A tab inside `part` (a sub-slice of `header`), reported at its offset in the header.
fn reject_inner_tab(header: &str, part: &str) -> Result<(), ParseRejection> {
    match part.find('\t') {
        Some(index) => Err(ParseRejection::ControlCharacter {
            byte: b'\t',
            offset: part.as_ptr() as usize - header.as_ptr() as usize + index,
        }),
        None => Ok(()),
    }
}

/// Applies one `cookie-av`; later attributes of the same name override earlier ones.
fn apply_attribute(cookie: &mut SetCookie, attribute: &str) {
    let (name, value) = match attribute.split_once('=') {
        Some((name, value)) => (trim_wsp(name), trim_wsp(value)),
        None => (trim_wsp(attribute), ""),
    };
    if name.is_empty() {
        return;
    }
    if value.len() > MAX_ATTRIBUTE_VALUE_BYTES {
        cookie.notes.push(AttributeNote::AttributeValueTooLong {
            attribute: name.to_string(),
            bytes: value.len(),
        });
        return;
    }
    let note = |cookie: &mut SetCookie, note| cookie.notes.push(note);
    match name.to_ascii_lowercase().as_str() {
        "expires" => match parse_cookie_date(value) {
            Some(instant) => cookie.expires = Some(instant),
            None => note(
                cookie,
                AttributeNote::UnreadableExpires {
                    value: value.to_string(),
                },
            ),
        },
        "max-age" => match parse_max_age(value) {
            Some(seconds) => cookie.max_age = Some(seconds),
            None => note(
                cookie,
                AttributeNote::UnreadableMaxAge {
                    value: value.to_string(),
                },
            ),
        },
        "domain" => {
            // The RFC leaves an empty Domain undefined and suggests ignoring it; Chromium does.
            let domain = value.strip_prefix('.').unwrap_or(value);
            if value.is_empty() {
                note(cookie, AttributeNote::EmptyDomain);
            } else {
                cookie.domain = Some(domain.to_ascii_lowercase());
            }
        }
        "path" => {
            if value.starts_with('/') {
                cookie.path = PathAttribute::Given(value.to_string());
            } else {
                note(
                    cookie,
                    AttributeNote::PathNotAbsolute {
                        value: value.to_string(),
                    },
                );
                cookie.path = PathAttribute::NotAbsolute(value.to_string());
            }
        }
        "secure" => cookie.secure = true,
        "httponly" => cookie.http_only = true,
        "partitioned" => cookie.partitioned = true,
        "samesite" => {
            cookie.same_site = match value.to_ascii_lowercase().as_str() {
                "strict" => SameSite::Strict,
                "lax" => SameSite::Lax,
                "none" => SameSite::None,
                _ => {
                    note(
                        cookie,
                        AttributeNote::UnknownSameSite {
                            value: value.to_string(),
                        },
                    );
                    SameSite::Unspecified
                }
            }
        }
        _ => note(
            cookie,
            AttributeNote::UnknownAttribute {
                attribute: name.to_string(),
            },
        ),
    }
}

/// `Max-Age`: an optional `-` or `+` then one or more digits; too many digits saturate (as
/// Chromium's `StringToInt64` does) rather than making the attribute unreadable. RFC 6265bis
/// §5.6.2 would ignore `+0`; Chromium 156 reads it as 0 and deletes the cookie
/// (`tests/browser_layer/chromium/`, case `max_age_plus_zero`).
fn parse_max_age(value: &str) -> Option<i64> {
    let (negative, digits) = match (value.strip_prefix('-'), value.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, value),
    };
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0i64, |acc, digit| {
        acc.saturating_mul(10)
            .saturating_add(i64::from(digit - b'0'))
    });
    Some(if negative { -magnitude } else { magnitude })
}

/// Trims the RFC's WSP (space and horizontal tab) only: other whitespace is data.
fn trim_wsp(text: &str) -> &str {
    text.trim_matches([' ', '\t'])
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// A byte count the way the learner-facing reasons write it (`4,123`).
fn thousands(number: usize) -> String {
    crate::text::number::thousands(number as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(header: &str) -> SetCookie {
        parse_set_cookie(header).unwrap()
    }

    #[test]
    fn name_and_value_are_trimmed_of_spaces_and_tabs_only() {
        let cookie = parse(" \tname \t=\t value\u{a0}; Path=/");
        assert_eq!(cookie.name, "name");
        assert_eq!(cookie.value, "value\u{a0}");
    }

    #[test]
    fn value_keeps_quotes_and_inner_equals_signs() {
        assert_eq!(parse("a=\"b=c\"").value, "\"b=c\"");
        assert_eq!(parse("a==").value, "=");
    }

    #[test]
    fn pair_without_equals_is_a_nameless_cookie() {
        let cookie = parse("  lonely value ; Path=/");
        assert_eq!(cookie.name, "");
        assert_eq!(cookie.value, "lonely value");
    }

    #[test]
    fn empty_name_and_value_is_rejected() {
        assert_eq!(parse_set_cookie(""), Err(ParseRejection::EmptyNameAndValue));
        assert_eq!(
            parse_set_cookie(" = ; Path=/"),
            Err(ParseRejection::EmptyNameAndValue)
        );
        assert_eq!(
            ParseRejection::EmptyNameAndValue.to_string(),
            "name and value are both empty"
        );
    }

    #[test]
    fn name_plus_value_over_4096_bytes_is_rejected_with_the_count() {
        let exactly = format!("n={}", "v".repeat(4095));
        assert!(parse_set_cookie(&exactly).is_ok());
        let over = format!("n={}", "v".repeat(4122));
        let rejection = parse_set_cookie(&over).unwrap_err();
        assert_eq!(rejection, ParseRejection::TooLarge { bytes: 4123 });
        assert_eq!(
            rejection.to_string(),
            "4,123 bytes > 4,096 limit for name + value"
        );
    }

    #[test]
    fn cr_lf_and_nul_end_the_header() {
        assert_eq!(parse("a=1\r\nSet-Cookie: b=2").value, "1");
        assert!(!parse("a=1\0; Secure").secure);
    }

    #[test]
    fn other_control_characters_reject_the_header() {
        let rejection = parse_set_cookie("a=1\u{7};").unwrap_err();
        assert_eq!(
            rejection,
            ParseRejection::ControlCharacter { byte: 7, offset: 3 }
        );
        assert_eq!(rejection.to_string(), "control character 0x07 at byte 3");
        assert!(parse_set_cookie("a=1; Path=/\u{1b}").is_err());
        assert!(parse_set_cookie("a=1\u{7f}").is_err());
        assert_eq!(parse("a=\t1\t").value, "1");
        assert_eq!(
            parse_set_cookie("a=1\tx"),
            Err(ParseRejection::ControlCharacter { byte: 9, offset: 3 })
        );
        assert!(parse_set_cookie("a\tb=1").is_err());
        assert!(parse_set_cookie("a=1; Foo=a\tb").is_err());
        assert!(parse_set_cookie("a=1;\tPath=/\t").is_ok());
    }

    #[test]
    fn nameless_cookie_cannot_fake_a_prefix() {
        assert_eq!(
            parse_set_cookie("__Host-x"),
            Err(ParseRejection::NamelessWithPrefix)
        );
        assert_eq!(
            parse_set_cookie("=__secure-x"),
            Err(ParseRejection::NamelessWithPrefix)
        );
        assert!(parse_set_cookie("x__Host-").is_ok());
    }

    #[test]
    fn attributes_are_case_insensitive_and_the_last_one_wins() {
        let cookie = parse(
            "a=1; PATH=/x; path=/y; SECURE; httponly; SameSite=STRICT; samesite=lax; partitioned",
        );
        assert_eq!(cookie.path, PathAttribute::Given("/y".into()));
        assert!(cookie.secure && cookie.http_only && cookie.partitioned);
        assert_eq!(cookie.same_site, SameSite::Lax);
    }

    #[test]
    fn unreadable_expires_is_ignored_and_an_earlier_valid_one_stays() {
        let cookie = parse("a=1; Expires=Fri, 01 Jan 2038 00:00:00 GMT; Expires=soon");
        assert_eq!(cookie.expires, Some(2_145_916_800));
        assert_eq!(
            cookie.notes,
            [AttributeNote::UnreadableExpires {
                value: "soon".into()
            }]
        );
        assert_eq!(
            cookie.notes[0].to_string(),
            "Expires=soon ignored: not a date a browser can read"
        );
    }

    #[test]
    fn max_age_must_be_an_optional_minus_and_digits() {
        assert_eq!(parse("a=1; Max-Age=60").max_age, Some(60));
        assert_eq!(parse("a=1; Max-Age=-5").max_age, Some(-5));
        assert_eq!(parse("a=1; Max-Age=0").max_age, Some(0));
        // A leading + is read, as Chromium does (case max_age_plus_zero); a second sign is not
        // (cases max_age_lone_plus, max_age_plus_minus, max_age_minus_plus, max_age_double_plus_zero).
        assert_eq!(parse("a=1; Max-Age=+5").max_age, Some(5));
        assert_eq!(parse("a=1; Max-Age=+0").max_age, Some(0));
        for bad in [
            "50,399", "2.63,", "+", "+-5", "-+5", "++0", "", "-", "1e3", " 5x",
        ] {
            let cookie = parse(&format!("a=1; Max-Age={bad}"));
            assert_eq!(cookie.max_age, None, "{bad}");
            assert_eq!(cookie.notes.len(), 1, "{bad}");
        }
        assert_eq!(
            parse("a=1; Max-Age=99999999999999999999999").max_age,
            Some(i64::MAX)
        );
        assert_eq!(
            parse("a=1; Max-Age=-99999999999999999999999").max_age,
            Some(-i64::MAX)
        );
        assert_eq!(
            AttributeNote::UnreadableMaxAge {
                value: "50,399".into()
            }
            .to_string(),
            "Max-Age=50,399 ignored: not a whole number of seconds"
        );
    }

    #[test]
    fn domain_loses_its_leading_dot_and_case() {
        assert_eq!(
            parse("a=1; Domain=.LocalHost").domain.as_deref(),
            Some("localhost")
        );
        let empty = parse("a=1; Domain=");
        assert_eq!(empty.domain, None);
        assert_eq!(empty.notes, [AttributeNote::EmptyDomain]);
    }

    #[test]
    fn relative_path_falls_back_to_the_default_path() {
        let cookie = parse("a=1; Path=/ok; Path=admin");
        assert_eq!(cookie.path, PathAttribute::NotAbsolute("admin".into()));
        assert_eq!(
            cookie.notes[0].to_string(),
            "Path=admin does not start with /: the default path is used instead"
        );
    }

    #[test]
    fn unknown_same_site_value_counts_as_absent() {
        let cookie = parse("a=1; SameSite=Lax; SameSite=Sometimes");
        assert_eq!(cookie.same_site, SameSite::Unspecified);
        assert_eq!(
            cookie.notes[0].to_string(),
            "SameSite=Sometimes not understood: treated as if SameSite were absent"
        );
    }

    #[test]
    fn attribute_value_over_1024_bytes_is_ignored() {
        let path = format!("/{}", "p".repeat(1024));
        let cookie = parse(&format!("a=1; Path=/short; Path={path}"));
        assert_eq!(cookie.path, PathAttribute::Given("/short".into()));
        assert_eq!(
            cookie.notes[0].to_string(),
            "Path ignored: its value is 1,025 bytes > 1,024 limit"
        );
    }

    #[test]
    fn unknown_attributes_are_noted_and_ignored() {
        let cookie = parse("a=1; Version=1; Comment=hi; ; =x");
        assert_eq!(
            cookie.notes,
            [
                AttributeNote::UnknownAttribute {
                    attribute: "Version".into()
                },
                AttributeNote::UnknownAttribute {
                    attribute: "Comment".into()
                },
            ]
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(4_123), "4,123");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn absurd_inputs_never_panic() {
        let huge = "a".repeat(1 << 20);
        let many_attributes = format!("a=b{}", "; x".repeat(100_000));
        let inputs = [
            huge.as_str(),
            many_attributes.as_str(),
            ";;;;",
            "=;=;=",
            "é=ü; Path=/é; Domain=é",
            "a=1; Expires=\u{1F600}",
            "a=1; Max-Age=-",
        ];
        for input in inputs {
            let _ = parse_set_cookie(input);
        }
    }
}
