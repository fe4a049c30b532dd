//! Werkzeug 3.1's `uri_to_iri` for the two URL parts a request shows: escapes that decode to
//! UTF-8 text are shown as that text (`caf%C3%A9` → `café`, `%41` → `A`), while the escapes of
//! characters that must stay quoted in that part stay as written (controls, space, `%`, DEL,
//! and `/?#` in a path or `&=+#` in a query), and bytes that are not UTF-8 stay escaped, in
//! upper case. `request.url` and the development server's access line both show URLs this way.
//!
//! Written by hand: it is Werkzeug's rule, not a URL standard's, and it is small. Checked against
//! the real Werkzeug through `dev_server_log`'s fixtures and the `request_url_escapes` scenario.

use crate::python::text::url_text::unquote_to_bytes;

/// A path as `uri_to_iri` shows it.
///
/// ```
/// use session_playground::flask::iri::path;
/// assert_eq!(path("/caf%C3%A9/a%2Fb%20c"), "/café/a%2Fb%20c");
/// ```
pub fn path(text: &str) -> String {
    unquote_part(text, b"/?#")
}

/// A query string as `uri_to_iri` shows it.
///
/// ```
/// use session_playground::flask::iri::query;
/// assert_eq!(query("d=%3C%41%2f&e=%2B%26&f=%C3%A9%FF"), "d=<A/&e=%2B%26&f=é%FF");
/// ```
pub fn query(text: &str) -> String {
    unquote_part(text, b"&=+#")
}

/// Werkzeug's `_unquote_partial`: runs of escapes of the characters that must stay quoted stay
/// as written; every other run is decoded as UTF-8, undecodable bytes written back as `%XX`.
fn unquote_part(text: &str, kept: &[u8]) -> String {
    let bytes = text.as_bytes();
    let is_kept = |at: usize| -> bool {
        if bytes.get(at) != Some(&b'%') {
            return false;
        }
        let hex = |i: usize| bytes.get(at + i).and_then(|&b| (b as char).to_digit(16));
        match (hex(1), hex(2)) {
            (Some(high), Some(low)) => {
                let byte = (high * 16 + low) as u8;
                byte <= 0x20 || byte == b'%' || byte == 0x7f || kept.contains(&byte)
            }
            _ => false,
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        if is_kept(at) {
            out.push_str(&decode_quoting_invalid(&unquote_to_bytes(&text[start..at])));
            out.push_str(&text[at..at + 3]);
            at += 3;
            start = at;
        } else {
            at += 1;
        }
    }
    out.push_str(&decode_quoting_invalid(&unquote_to_bytes(&text[start..])));
    out
}

/// UTF-8 decoding with Werkzeug's `werkzeug.url_quote` error handler: each undecodable
/// stretch (the maximal subpart, as CPython's decoder reports it) is written as `%XX`.
fn decode_quoting_invalid(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = error.error_len().unwrap_or(rest.len());
                for byte in &rest[..bad] {
                    out.push_str(&format!("%{byte:02X}"));
                }
                bytes = &rest[bad..];
            }
        }
    }
}
