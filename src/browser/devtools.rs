//! What Chromium's dev tools accept when a learner sets or edits a cookie by hand (the
//! Application panel, the DevTools protocol's `Network.setCookie`) — and so what a dev-tools
//! step, typed or carried by a link, may put in the jar.
//!
//! A `Set-Cookie` header is parsed leniently (`set_cookie`: the value ends at the first `;`);
//! a hand-set pair is not parsed at all, it is checked and refused whole. The rules, recorded
//! from Chromium 156 by `tests/browser_layer/chromium/devtools_values.mjs`: no control character
//! (tab included) and no `;` in the name or the value, no `=` in the name, no space or tab at
//! either end of either, name + value at most 4,096 bytes, not both empty, a nameless cookie's
//! value without `=`, and the `__Secure-`/`__Host-` names only from a secure origin (the
//! playground's sites are `http://`, so never).

use std::fmt;

use super::set_cookie::MAX_NAME_VALUE_BYTES;

/// Which half of the pair a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The cookie's name.
    Name,
    /// The cookie's value.
    Value,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Name => "name",
            Part::Value => "value",
        })
    }
}

/// Why Chromium's dev tools would refuse a pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DevtoolsRejection {
    /// A `;` (it would end the cookie in a `Cookie` header).
    Semicolon {
        /// Where.
        part: Part,
        /// Its 1-based character position.
        at: usize,
    },
    /// A control character (0x00–0x1F, 0x7F; tab included).
    Control {
        /// Where.
        part: Part,
        /// The character's code.
        code: u32,
        /// Its 1-based character position.
        at: usize,
    },
    /// An `=` in the name.
    EqualsInName,
    /// A space or tab at the start or the end.
    Padding(Part),
    /// More than 4,096 bytes of name and value together.
    TooLarge {
        /// How many.
        bytes: usize,
    },
    /// Neither a name nor a value.
    Empty,
    /// No name, and an `=` in the value (it would read as a name in a `Cookie` header).
    NamelessWithEquals,
    /// A `__Secure-` or `__Host-` name, which only a secure origin may set.
    Prefix,
}

impl fmt::Display for DevtoolsRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DevtoolsRejection::Semicolon { part, at } => {
                write!(f, "the {part} has a ';' (character {at})")
            }
            DevtoolsRejection::Control { part, code, at } => write!(
                f,
                "the {part} has the control character U+{code:04X} (character {at})"
            ),
            DevtoolsRejection::EqualsInName => f.write_str("the name has an '='"),
            DevtoolsRejection::Padding(part) => {
                write!(f, "the {part} starts or ends with a space or tab")
            }
            DevtoolsRejection::TooLarge { bytes } => write!(
                f,
                "name and value are {} bytes together; a cookie holds at most {}",
                crate::text::number::thousands(*bytes as u64),
                crate::text::number::thousands(MAX_NAME_VALUE_BYTES as u64)
            ),
            DevtoolsRejection::Empty => f.write_str("it has neither a name nor a value"),
            DevtoolsRejection::NamelessWithEquals => {
                f.write_str("a cookie without a name cannot have an '=' in its value")
            }
            DevtoolsRejection::Prefix => {
                f.write_str("a __Secure- or __Host- cookie can only be set by an https:// site")
            }
        }
    }
}

impl std::error::Error for DevtoolsRejection {}

/// Whether Chromium's dev tools would store `name=value` for an `http://` site.
///
/// ```
/// use session_playground::browser::devtools::{check_pair, DevtoolsRejection, Part};
/// assert_eq!(check_pair("session", "eyJ1c2VyIjoiYm9iIn0.aVZmgA.sig"), Ok(()));
/// assert_eq!(check_pair("session", "a b"), Ok(()));
/// assert_eq!(check_pair("session", "a;b"), Err(DevtoolsRejection::Semicolon { part: Part::Value, at: 2 }));
/// assert_eq!(check_pair("session", " x"), Err(DevtoolsRejection::Padding(Part::Value)));
/// ```
pub fn check_pair(name: &str, value: &str) -> Result<(), DevtoolsRejection> {
    for (part, text) in [(Part::Name, name), (Part::Value, value)] {
        for (i, c) in text.chars().enumerate() {
            if c == ';' {
                return Err(DevtoolsRejection::Semicolon { part, at: i + 1 });
            }
            if c.is_ascii_control() {
                return Err(DevtoolsRejection::Control {
                    part,
                    code: c as u32,
                    at: i + 1,
                });
            }
        }
    }
    if name.contains('=') {
        return Err(DevtoolsRejection::EqualsInName);
    }
    for (part, text) in [(Part::Name, name), (Part::Value, value)] {
        let padded = |c: Option<char>| matches!(c, Some(' ' | '\t'));
        if padded(text.chars().next()) || padded(text.chars().last()) {
            return Err(DevtoolsRejection::Padding(part));
        }
    }
    let bytes = name.len() + value.len();
    if bytes > MAX_NAME_VALUE_BYTES {
        return Err(DevtoolsRejection::TooLarge { bytes });
    }
    if name.is_empty() && value.is_empty() {
        return Err(DevtoolsRejection::Empty);
    }
    if name.is_empty() && value.contains('=') {
        return Err(DevtoolsRejection::NamelessWithEquals);
    }
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("__secure-") || lower.starts_with("__host-") {
        return Err(DevtoolsRejection::Prefix);
    }
    Ok(())
}
