//! Base64 exactly as itsdangerous 2.2 does it on top of CPython 3.11.
//!
//! Encoding is plain URL-safe base64 without `=` padding (the `base64` crate does it).
//! Decoding is written by hand because Python's is *lenient* in ways that decide whether
//! a tampered cookie verifies: itsdangerous pads the input to a multiple of four by its
//! byte length, `base64.urlsafe_b64decode` maps `-_` to `+/` (so `+/` are accepted too),
//! and `binascii.a2b_base64` in non-strict mode skips every byte outside the alphabet and
//! stops at the first complete pad sequence. A strict decoder would reject cookies that
//! Flask accepts (and the other way round).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// URL-safe base64 without padding: itsdangerous's `base64_encode`.
///
/// ```
/// use session_playground::flask::base64_py::encode;
/// assert_eq!(encode(b"{\"visits\":1}"), "eyJ2aXNpdHMiOjF9");
/// assert_eq!(encode(&1767225600u32.to_be_bytes()), "aVW5AA");
/// ```
pub fn encode(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// Why Python's decoder refused the input (`binascii.Error`'s two messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// One data character more than a multiple of four.
    OneCharacterTooMany,
    /// The data ended inside a quad without enough `=`.
    IncorrectPadding,
}

/// itsdangerous's `base64_decode`: pad by length, then CPython's non-strict
/// `urlsafe_b64decode`.
///
/// ```
/// use session_playground::flask::base64_py::decode;
/// assert_eq!(decode(b"aVW5AA").unwrap(), 1767225600u32.to_be_bytes());
/// // Bytes outside the alphabet are skipped, as CPython does...
/// assert_eq!(decode(b"aV!W5AA==").unwrap(), decode(b"aVW5AA").unwrap());
/// // ...but they count for the padding itsdangerous adds, so these lack a `=`.
/// assert!(decode(b"aV!W5AA").is_err() && decode(b"aV!W5AA=").is_err());
/// assert!(decode(b"a").is_err());
/// ```
pub fn decode(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let padding = (4 - data.len() % 4) % 4;
    let padded = data
        .iter()
        .copied()
        .chain(std::iter::repeat_n(b'=', padding));
    a2b_base64_lenient(padded.map(|byte| match byte {
        b'-' => b'+',
        b'_' => b'/',
        other => other,
    }))
}

fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `base64.b64decode(data)` (non-strict): what the `base64` module of the playground uses.
///
/// ```
/// use session_playground::flask::base64_py::b64decode;
/// assert_eq!(b64decode(b"aGk=").unwrap(), b"hi");
/// ```
pub fn b64decode(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    a2b_base64_lenient(data.iter().copied())
}

/// CPython 3.11 `binascii.a2b_base64(data, strict_mode=False)`, step for step.
fn a2b_base64_lenient(data: impl Iterator<Item = u8>) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut quad_pos = 0u8;
    let mut left = 0u8;
    let mut pads = 0u8;
    for byte in data {
        if byte == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    // A complete pad sequence: the rest of the input is not read.
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(value) = sextet(byte) else { continue };
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = value;
            }
            1 => {
                quad_pos = 2;
                out.push((left << 2) | (value >> 4));
                left = value & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((left << 4) | (value >> 2));
                left = value & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((left << 6) | value);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(DecodeError::OneCharacterTooMany),
        _ => Err(DecodeError::IncorrectPadding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_alphabet_is_accepted_too() {
        assert_eq!(decode(b"+/+/").unwrap(), decode(b"-_-_").unwrap());
    }

    #[test]
    fn pad_sequence_stops_reading() {
        // "e30" is "{}"; after "e30=" the rest is ignored, as in CPython.
        assert_eq!(decode(b"e30=AAAA").unwrap(), b"{}");
    }

    #[test]
    fn lone_character_is_an_error() {
        assert_eq!(decode(b"AAAAA"), Err(DecodeError::OneCharacterTooMany));
    }

    #[test]
    fn empty_input_decodes_to_nothing() {
        assert_eq!(decode(b"").unwrap(), b"");
    }
}
