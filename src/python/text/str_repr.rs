//! `repr()` of `str` and `bytes` exactly as CPython quotes and escapes them.
//!
//! CPython picks single quotes unless the text contains `'` and no `"`;
//! escapes `\t \n \r`, the quote and the backslash; writes other control
//! characters as `\xhh`; and for non-ASCII text keeps printable characters
//! as they are and writes the rest as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.

use super::char_class::is_printable;

/// `repr(text)` for a Python `str`.
///
/// ```
/// use session_playground::python::text::str_repr::str_repr;
/// assert_eq!(str_repr("it's"), "\"it's\"");
/// assert_eq!(str_repr("a\nb"), "'a\\nb'");
/// assert_eq!(str_repr("caf\u{e9}\u{200b}"), "'caf\u{e9}\\u200b'");
/// ```
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => push_hex_escape(&mut out, c as u32),
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

fn push_hex_escape(out: &mut String, code: u32) {
    let text = if code <= 0xff {
        format!("\\x{code:02x}")
    } else if code <= 0xffff {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    };
    out.push_str(&text);
}

pub use crate::text::repr::bytes_repr;

/// `ascii(text)`: like [`str_repr`] but every non-ASCII character escaped.
///
/// ```
/// use session_playground::python::text::str_repr::str_ascii;
/// assert_eq!(str_ascii("caf\u{e9}"), "'caf\\xe9'");
/// ```
pub fn str_ascii(text: &str) -> String {
    escape_non_ascii(&str_repr(text))
}

/// Escapes every non-ASCII character as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`:
/// what `ascii(x)` does to `repr(x)` for any object.
///
/// ```
/// use session_playground::python::text::str_repr::escape_non_ascii;
/// assert_eq!(escape_non_ascii("['caf\u{e9}']"), "['caf\\xe9']");
/// ```
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_hex_escape(&mut out, c as u32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;

    #[test]
    fn str_repr_matches_cpython() {
        let cases = fixtures::load("str_repr.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let expected = case[1].as_str().unwrap();
            let actual = str_repr(text);
            if actual != expected {
                failures.push(format!("{text:?}: expected {expected}, got {actual}"));
            }
        }
        fixtures::report("str_repr.json", cases.len(), &failures);
    }

    #[test]
    fn bytes_repr_matches_cpython() {
        let cases = fixtures::load("bytes_repr.json");
        let mut failures = Vec::new();
        for case in &cases {
            let data: Vec<u8> = case[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8)
                .collect();
            let expected = case[1].as_str().unwrap();
            let actual = bytes_repr(&data);
            if actual != expected {
                failures.push(format!("{data:?}: expected {expected}, got {actual}"));
            }
        }
        fixtures::report("bytes_repr.json", cases.len(), &failures);
    }
}
