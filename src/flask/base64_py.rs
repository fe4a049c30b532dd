//! Base64 exactly as itsdangerous 2.2 does it on top of CPython 3.11.
//!
//! Encoding is plain URL-safe base64 without `=` padding (the `base64` crate does it).
//! Decoding is the interpreter's `binascii.a2b_base64` (`python::binascii`), because Python's
//! is *lenient* in ways that decide whether a tampered cookie verifies: itsdangerous pads the input to a multiple of four by its
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

/// CPython 3.11 `binascii.a2b_base64(data)` (non-strict): the interpreter's decoder, so the
/// cookie and the learner's `base64.b64decode` can never disagree.
fn a2b_base64_lenient(data: impl Iterator<Item = u8>) -> Result<Vec<u8>, DecodeError> {
    let data: Vec<u8> = data.collect();
    crate::python::binascii::a2b_base64(&data, false).map_err(|message| {
        if message.starts_with("Invalid") {
            DecodeError::OneCharacterTooMany
        } else {
            DecodeError::IncorrectPadding
        }
    })
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
