//! `bytes.decode` and `str.encode` for the codecs a WSGI app meets (UTF-8,
//! Latin-1, ASCII) with CPython's error handlers and exact messages
//! (`'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`).
//!
//! The UTF-8 decoder is a transcription of CPython's, because the error
//! ranges it reports (and so the messages and the number of U+FFFD that
//! `errors='replace'` inserts) are CPython's own. Encoding names follow
//! CPython's fast paths and the `encodings.aliases` entries of these three
//! codecs; other codecs raise `LookupError: unknown encoding`.
//! **Not supported:** UTF-16/32 and other codecs, and the `surrogateescape`,
//! `surrogatepass` and `namereplace` handlers (a Rust string cannot hold
//! lone surrogates); they raise `LookupError`.

use super::error::{PyErrorKind, TextError};

/// The codecs this module implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8.
    Utf8,
    /// ISO-8859-1: bytes are code points 0..=255.
    Latin1,
    /// ASCII: bytes 0..=127.
    Ascii,
}

impl Codec {
    /// The name CPython uses in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
        }
    }
}

/// A resolved encoding name: the codec, and whether CPython reaches it
/// through its C fast path (errors from the error handler then propagate
/// as they are) or through the codec registry (they are wrapped as
/// `decoding with 'l1' codec failed (LookupError: ...)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoding {
    /// The codec.
    pub codec: Codec,
    /// The name the caller gave, when it went through the registry.
    pub registry_name: Option<String>,
}

/// Resolves an encoding name as `str.encode`/`bytes.decode` do.
///
/// ```
/// use session_playground::python::text::codecs::{lookup_encoding, Codec};
/// assert_eq!(lookup_encoding("UTF-8").unwrap().codec, Codec::Utf8);
/// assert_eq!(lookup_encoding("l1").unwrap().codec, Codec::Latin1);
/// assert_eq!(lookup_encoding("nope").unwrap_err().message, "unknown encoding: nope");
/// ```
pub fn lookup_encoding(name: &str) -> Result<Encoding, TextError> {
    let normalized = normalize(name);
    let fast = match normalized.as_str() {
        "utf8" | "utf_8" => Some(Codec::Utf8),
        "ascii" | "us_ascii" => Some(Codec::Ascii),
        "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1" => Some(Codec::Latin1),
        _ => None,
    };
    if let Some(codec) = fast {
        return Ok(Encoding {
            codec,
            registry_name: None,
        });
    }
    let alias = normalized.replace('.', "_");
    let codec = match alias.as_str() {
        "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso_8859_1_1987"
        | "iso_ir_100" | "l1" | "latin" => Codec::Latin1,
        "646" | "ansi_x3_4_1968" | "ansi_x3_4_1986" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646_irv_1991" | "iso_ir_6" | "us" => Codec::Ascii,
        _ => {
            return Err(TextError {
                kind: PyErrorKind::LookupError,
                message: format!("unknown encoding: {name}"),
            });
        }
    };
    Ok(Encoding {
        codec,
        registry_name: Some(name.to_string()),
    })
}

/// CPython's `_Py_normalize_encoding`: lower case, runs of other
/// characters than letters, digits and `.` become one `_` (none leading).
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            if !punct && !out.is_empty() {
                out.push('_');
            }
            punct = true;
        }
    }
    out
}

/// `data.decode(encoding, errors)`.
///
/// ```
/// use session_playground::python::text::codecs::decode;
/// assert_eq!(decode(b"caf\xc3\xa9", "utf-8", "strict").unwrap(), "caf\u{e9}");
/// assert_eq!(decode(b"a\xffb", "utf-8", "replace").unwrap(), "a\u{fffd}b");
/// assert_eq!(decode(b"\xff", "utf-8", "strict").unwrap_err().message,
///     "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
/// ```
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> Result<String, TextError> {
    let encoding = lookup_encoding(encoding)?;
    let result = match encoding.codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => decode_with(data, errors, Codec::Ascii, |data, at| {
            if data[at] < 0x80 {
                Ok(1)
            } else {
                Err((1, "ordinal not in range(128)"))
            }
        }),
        Codec::Utf8 => decode_with(data, errors, Codec::Utf8, utf8_step),
    };
    result.map_err(|error| wrap(error, &encoding, "decoding"))
}

/// Wraps a handler's `LookupError`/`TypeError` the way the codec registry does.
fn wrap(error: TextError, encoding: &Encoding, action: &str) -> TextError {
    match (&encoding.registry_name, error.kind) {
        (Some(name), PyErrorKind::LookupError | PyErrorKind::TypeError) => TextError {
            kind: error.kind,
            message: format!(
                "{action} with '{name}' codec failed ({}: {})",
                error.kind.name(),
                error.message
            ),
        },
        _ => error,
    }
}

/// One decoding step at `data[at..]`: the length of a valid character, or
/// the length of the invalid range and the reason.
type Step = fn(&[u8], usize) -> Result<usize, (usize, &'static str)>;

fn decode_with(data: &[u8], errors: &str, codec: Codec, step: Step) -> Result<String, TextError> {
    let mut out = String::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        match step(data, at) {
            Ok(length) => {
                // The step validated the sequence, so this cannot fail.
                out.push_str(std::str::from_utf8(&data[at..at + length]).unwrap_or("\u{fffd}"));
                at += length;
            }
            Err((length, reason)) => {
                let end = at + length;
                match errors {
                    "strict" => {
                        let message = if length == 1 {
                            format!(
                                "'{}' codec can't decode byte 0x{:02x} in position {at}: {reason}",
                                codec.name(),
                                data[at]
                            )
                        } else {
                            format!(
                                "'{}' codec can't decode bytes in position {at}-{}: {reason}",
                                codec.name(),
                                end - 1
                            )
                        };
                        return Err(TextError {
                            kind: PyErrorKind::UnicodeDecodeError,
                            message,
                        });
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for byte in &data[at..end] {
                            out.push_str(&format!("\\x{byte:02x}"));
                        }
                    }
                    "xmlcharrefreplace" | "namereplace" => {
                        return Err(TextError::type_error(
                            "don't know how to handle UnicodeDecodeError in error callback",
                        ));
                    }
                    _ => return Err(unknown_handler(errors)),
                }
                at = end;
            }
        }
    }
    Ok(out)
}

fn unknown_handler(name: &str) -> TextError {
    TextError {
        kind: PyErrorKind::LookupError,
        message: format!("unknown error handler name '{name}'"),
    }
}

/// CPython's UTF-8 decoding step (`Objects/stringlib/codecs.h`).
fn utf8_step(data: &[u8], at: usize) -> Result<usize, (usize, &'static str)> {
    const INVALID_START: (usize, &str) = (1, "invalid start byte");
    let continuation = |n: usize| (n, "invalid continuation byte");
    let is_cont = |i: usize| data.get(at + i).is_some_and(|&b| (0x80..0xc0).contains(&b));
    let left = data.len() - at;
    let end_of_data = (left, "unexpected end of data");
    let first = data[at];
    match first {
        0x00..=0x7f => Ok(1),
        0x80..=0xc1 => Err(INVALID_START),
        0xc2..=0xdf => {
            if left < 2 {
                return Err(end_of_data);
            }
            if !is_cont(1) {
                return Err(continuation(1));
            }
            Ok(2)
        }
        0xe0..=0xef => {
            let second_ok = |b: u8| match first {
                0xe0 => b >= 0xa0,
                0xed => b < 0xa0,
                _ => true,
            };
            if left < 3 {
                if left < 2 {
                    return Err(end_of_data);
                }
                if !is_cont(1) || !second_ok(data[at + 1]) {
                    return Err(continuation(1));
                }
                return Err(end_of_data);
            }
            if !is_cont(1) || !second_ok(data[at + 1]) {
                return Err(continuation(1));
            }
            if !is_cont(2) {
                return Err(continuation(2));
            }
            Ok(3)
        }
        0xf0..=0xf4 => {
            let second_ok = |b: u8| match first {
                0xf0 => b >= 0x90,
                0xf4 => b < 0x90,
                _ => true,
            };
            if left < 4 {
                if left < 2 {
                    return Err(end_of_data);
                }
                if !is_cont(1) || !second_ok(data[at + 1]) {
                    return Err(continuation(1));
                }
                if left < 3 {
                    return Err(end_of_data);
                }
                if !is_cont(2) {
                    return Err(continuation(2));
                }
                return Err(end_of_data);
            }
            if !is_cont(1) || !second_ok(data[at + 1]) {
                return Err(continuation(1));
            }
            if !is_cont(2) {
                return Err(continuation(2));
            }
            if !is_cont(3) {
                return Err(continuation(3));
            }
            Ok(4)
        }
        _ => Err(INVALID_START),
    }
}

/// `text.encode(encoding, errors)`.
///
/// ```
/// use session_playground::python::text::codecs::encode;
/// assert_eq!(encode("caf\u{e9}", "latin-1", "strict").unwrap(), b"caf\xe9");
/// assert_eq!(encode("caf\u{e9}", "ascii", "replace").unwrap(), b"caf?");
/// assert_eq!(encode("caf\u{e9}", "ascii", "strict").unwrap_err().message,
///     "'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)");
/// ```
pub fn encode(text: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, TextError> {
    let encoding = lookup_encoding(encoding)?;
    let limit = match encoding.codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Latin1 => 0x100,
        Codec::Ascii => 0x80,
    };
    encode_limited(text, errors, encoding.codec, limit)
        .map_err(|error| wrap(error, &encoding, "encoding"))
}

fn encode_limited(
    text: &str,
    errors: &str,
    codec: Codec,
    limit: u32,
) -> Result<Vec<u8>, TextError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut at = 0;
    while at < chars.len() {
        if (chars[at] as u32) < limit {
            out.push(chars[at] as u32 as u8);
            at += 1;
            continue;
        }
        // CPython reports the whole run of unencodable characters at once.
        let mut end = at;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let reason = format!("ordinal not in range({limit})");
                let message = if end == at + 1 {
                    format!(
                        "'{}' codec can't encode character '{}' in position {at}: {reason}",
                        codec.name(),
                        escape_code_point(chars[at])
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {at}-{}: {reason}",
                        codec.name(),
                        end - 1
                    )
                };
                return Err(TextError {
                    kind: PyErrorKind::UnicodeEncodeError,
                    message,
                });
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - at)),
            "backslashreplace" => {
                for &c in &chars[at..end] {
                    out.extend(escape_code_point(c).bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[at..end] {
                    out.extend(format!("&#{};", c as u32).bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        at = end;
    }
    Ok(out)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point of 0x80 or more.
fn escape_code_point(c: char) -> String {
    let code = c as u32;
    if code < 0x100 {
        format!("\\x{code:02x}")
    } else if code < 0x10000 {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::json;

    #[test]
    fn decoding_matches_cpython() {
        let cases = fixtures::load("codec_decode.json");
        let mut failures = Vec::new();
        for case in &cases {
            let data: Vec<u8> = case[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8)
                .collect();
            let (encoding, errors) = (case[1].as_str().unwrap(), case[2].as_str().unwrap());
            let expected = fixtures::outcome(&case[3]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(decode(&data, encoding, errors));
            if actual != expected {
                failures.push(format!("{data:?}.decode({encoding:?}, {errors:?}): expected {expected:?}, got {actual:?}"));
            }
        }
        fixtures::report("codec_decode.json", cases.len(), &failures);
    }

    #[test]
    fn encoding_matches_cpython() {
        let cases = fixtures::load("codec_encode.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let (encoding, errors) = (case[1].as_str().unwrap(), case[2].as_str().unwrap());
            let expected = fixtures::outcome(&case[3]).cloned();
            let actual = fixtures::actual(encode(text, encoding, errors)).map(|bytes| json!(bytes));
            if actual != expected {
                failures.push(format!("{text:?}.encode({encoding:?}, {errors:?}): expected {expected:?}, got {actual:?}"));
            }
        }
        fixtures::report("codec_encode.json", cases.len(), &failures);
    }
}
