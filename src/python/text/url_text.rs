//! `urllib.parse` text functions as CPython 3.11 has them: `quote`,
//! `quote_plus`, `unquote`, `unquote_plus`, `parse_qsl` and `urlencode`
//! (for string pairs), e.g. for query strings and form bodies.
//!
//! Transcribed from `Lib/urllib/parse.py`: UTF-8 throughout, malformed
//! `%` escapes kept literally, undecodable bytes replaced by U+FFFD.

use super::codecs::decode;
use super::error::TextError;

/// `quote(text, safe)`: percent-encode the UTF-8 bytes of `text` except
/// letters, digits, `_.-~` and the ASCII characters of `safe`.
///
/// ```
/// use session_playground::python::text::url_text::quote;
/// assert_eq!(quote("a b/\u{e9}", "/"), "a%20b/%C3%A9");
/// ```
pub fn quote(text: &str, safe: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric()
            || b"_.-~".contains(&byte)
            || (byte.is_ascii() && safe.as_bytes().contains(&byte))
        {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `quote_plus(text, safe)`: like [`quote`], with spaces as `+`.
pub fn quote_plus(text: &str, safe: &str) -> String {
    if !text.contains(' ') {
        return quote(text, safe);
    }
    quote(text, &format!("{safe} ")).replace(' ', "+")
}

/// `unquote(text)`: decode `%xx` escapes (as UTF-8, with replacement).
///
/// ```
/// use session_playground::python::text::url_text::unquote;
/// assert_eq!(unquote("a%20b%C3%A9%zz"), "a b\u{e9}%zz");
/// ```
pub fn unquote(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    // CPython decodes each run of ASCII characters on its own and keeps
    // the non-ASCII runs between them as they are.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii_end = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
        if ascii_end > 0 {
            let bytes = unquote_to_bytes(&rest[..ascii_end]);
            out.push_str(&decode(&bytes, "utf-8", "replace").unwrap_or_default());
        }
        rest = &rest[ascii_end..];
        let other_end = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        out.push_str(&rest[..other_end]);
        rest = &rest[other_end..];
    }
    out
}

/// `unquote_plus(text)`: `+` as space, then [`unquote`].
pub fn unquote_plus(text: &str) -> String {
    unquote(&text.replace('+', " "))
}

/// `unquote_to_bytes(text)`.
pub fn unquote_to_bytes(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut parts = bytes.split(|&b| b == b'%');
    out.extend_from_slice(parts.next().unwrap_or_default());
    for part in parts {
        let hex = |i: usize| part.get(i).and_then(|&b| (b as char).to_digit(16));
        match (hex(0), hex(1)) {
            (Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                out.extend_from_slice(&part[2..]);
            }
            _ => {
                out.push(b'%');
                out.extend_from_slice(part);
            }
        }
    }
    out
}

/// How [`parse_qsl`] treats fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueryOptions {
    /// `keep_blank_values`: keep `name=` and bare `name` fields.
    pub keep_blank_values: bool,
    /// `strict_parsing`: raise on a field without `=` or an empty field.
    pub strict_parsing: bool,
}

/// `parse_qsl(query, ...)` with the `&` separator.
///
/// ```
/// use session_playground::python::text::url_text::{parse_qsl, QueryOptions};
/// let pairs = parse_qsl("a=1&b=x+y&c=&d", QueryOptions::default()).unwrap();
/// assert_eq!(pairs, [("a".to_string(), "1".to_string()), ("b".to_string(), "x y".to_string())]);
/// ```
pub fn parse_qsl(query: &str, options: QueryOptions) -> Result<Vec<(String, String)>, TextError> {
    let mut pairs = Vec::new();
    if query.is_empty() {
        return Ok(pairs);
    }
    for field in query.split('&') {
        if field.is_empty() && !options.strict_parsing {
            continue;
        }
        let (name, value) = match field.split_once('=') {
            Some((name, value)) => (name, value),
            None if options.strict_parsing => {
                return Err(TextError::value(format!(
                    "bad query field: {}",
                    super::str_repr::str_repr(field)
                )));
            }
            None if options.keep_blank_values => (field, ""),
            None => continue,
        };
        if !value.is_empty() || options.keep_blank_values {
            pairs.push((unquote_plus(name), unquote_plus(value)));
        }
    }
    Ok(pairs)
}

/// `urlencode(pairs)` for string pairs: `quote_plus` on both sides.
///
/// ```
/// use session_playground::python::text::url_text::urlencode;
/// assert_eq!(urlencode(&[("q", "a b&c"), ("n", "1")]), "q=a+b%26c&n=1");
/// ```
pub fn urlencode<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                quote_plus(k.as_ref(), ""),
                quote_plus(v.as_ref(), "")
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::{Value, json};

    fn pairs(list: Result<Vec<(String, String)>, TextError>) -> Result<Value, (String, String)> {
        fixtures::actual(list).map(|l| {
            json!(
                l.into_iter()
                    .map(|(a, b)| json!([a, b]))
                    .collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn urllib_parse_matches_cpython() {
        let cases = fixtures::load("urllib_parse.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case["text"].as_str().unwrap();
            let safe = case["safe"].as_str().unwrap();
            let blank = QueryOptions {
                keep_blank_values: true,
                ..QueryOptions::default()
            };
            let strict = QueryOptions {
                keep_blank_values: true,
                strict_parsing: true,
            };
            let actual = json!({
                "text": text,
                "safe": safe,
                "quote": quote(text, safe),
                "quote_plus": quote_plus(text, safe),
                "unquote": unquote(text),
                "unquote_plus": unquote_plus(text),
                "parse_qsl": pairs(parse_qsl(text, QueryOptions::default())).unwrap(),
                "parse_qsl_blank": pairs(parse_qsl(text, blank)).unwrap(),
                "parse_qsl_strict": match pairs(parse_qsl(text, strict)) {
                    Ok(v) => json!({"ok": v}),
                    Err((kind, message)) => json!({"err": [kind, message]}),
                },
                "urlencode": urlencode(&[(text, safe), (safe, text)]),
            });
            if &actual != case {
                failures.push(format!("expected {case}\n     got {actual}"));
            }
        }
        fixtures::report("urllib_parse.json", cases.len(), &failures);
    }
}
