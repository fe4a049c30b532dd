//! `int(text, base)` and `float(text)` parsing with CPython's rules and
//! messages, and ints back to text (`str`, `hex`, `oct`, `bin`) with CPython
//! 3.11's 4300-digit limit for decimal conversions.
//!
//! A transcription of `PyLong_FromString`, `PyFloat_FromString` and
//! `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode whitespace and
//! decimal digits of any script are accepted, underscores only between
//! digits, and errors quote the learner's text with `repr`.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use super::char_class::{decimal_value, is_space};
use super::error::TextError;
use super::str_repr::str_repr;

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `int(text, base)`: base 0 (prefix decides) or 2..=36.
///
/// ```
/// use session_playground::python::text::number_parse::parse_int;
/// assert_eq!(parse_int(" -1_000 ", 10).unwrap().to_string(), "-1000");
/// assert_eq!(parse_int("0x1f", 0).unwrap().to_string(), "31");
/// assert_eq!(parse_int("ten", 10).unwrap_err().message, "invalid literal for int() with base 10: 'ten'");
/// ```
pub fn parse_int(text: &str, base: i64) -> Result<BigInt, TextError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(TextError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        let quoted: String = str_repr(text).chars().take(200).collect();
        TextError::value(format!(
            "invalid literal for int() with base {base}: {quoted}"
        ))
    };
    let Some(ascii) = to_ascii_digits_and_spaces(text) else {
        return Err(invalid());
    };
    let bytes = ascii.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() && is_ascii_space(bytes[pos]) {
        pos += 1;
    }
    let mut negative = false;
    if pos < bytes.len() && (bytes[pos] == b'+' || bytes[pos] == b'-') {
        negative = bytes[pos] == b'-';
        pos += 1;
    }
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(pos) != b'0' {
            10
        } else {
            match at(pos + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // An old C-style octal literal: only zero is allowed.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(pos) == b'0' {
        let marker = at(pos + 1).to_ascii_lowercase();
        if (base == 16 && marker == b'x')
            || (base == 8 && marker == b'o')
            || (base == 2 && marker == b'b')
        {
            pos += 2;
            if at(pos) == b'_' {
                pos += 1;
            }
        }
    }
    if at(pos) == b'_' {
        return Err(invalid());
    }
    let start = pos;
    let mut digits: Vec<u8> = Vec::new();
    let mut previous = 0u8;
    while let Some(&byte) = bytes.get(pos) {
        if byte == b'_' {
            if previous == b'_' {
                return Err(invalid());
            }
        } else if (byte as char).to_digit(36).is_some_and(|d| d < base) {
            digits.push(byte);
        } else {
            break;
        }
        previous = byte;
        pos += 1;
    }
    if previous == b'_' {
        return Err(invalid());
    }
    if !base.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(TextError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    if pos == start {
        return Err(invalid());
    }
    let Some(magnitude) = BigInt::parse_bytes(&digits, base) else {
        return Err(invalid());
    };
    if error_if_nonzero && !magnitude.is_zero() {
        return Err(invalid());
    }
    while pos < bytes.len() && is_ascii_space(bytes[pos]) {
        pos += 1;
    }
    if pos != bytes.len() {
        return Err(invalid());
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// `float(text)`.
///
/// ```
/// use session_playground::python::text::number_parse::parse_float;
/// assert_eq!(parse_float(" 1_000.5 ").unwrap(), 1000.5);
/// assert!(parse_float("-Infinity").unwrap().is_infinite());
/// assert_eq!(parse_float("x").unwrap_err().message, "could not convert string to float: 'x'");
/// ```
pub fn parse_float(text: &str) -> Result<f64, TextError> {
    let invalid = || {
        TextError::value(format!(
            "could not convert string to float: {}",
            str_repr(text)
        ))
    };
    let ascii = to_ascii_digits_and_spaces(text).ok_or_else(invalid)?;
    let without_underscores = if ascii.contains('_') {
        remove_underscores(&ascii).ok_or_else(invalid)?
    } else {
        ascii
    };
    let trimmed =
        without_underscores.trim_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    parse_float_literal(trimmed).ok_or_else(invalid)
}

/// CPython's `_PyOS_ascii_strtod` on a whole string: an optional sign, then
/// `inf`, `infinity`, `nan` (any case) or digits with an optional point and
/// exponent.
fn parse_float_literal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Some(if negative { -f64::NAN } else { f64::NAN });
    }
    let body_bytes = body.as_bytes();
    let mut pos = 0;
    let digits_before = count_digits(body_bytes, pos);
    pos += digits_before;
    let mut digits_after = 0;
    if body_bytes.get(pos) == Some(&b'.') {
        pos += 1;
        digits_after = count_digits(body_bytes, pos);
        pos += digits_after;
    }
    if digits_before + digits_after == 0 {
        return None;
    }
    if matches!(body_bytes.get(pos), Some(b'e' | b'E')) {
        let mut exponent_pos = pos + 1;
        if matches!(body_bytes.get(exponent_pos), Some(b'+' | b'-')) {
            exponent_pos += 1;
        }
        let exponent_digits = count_digits(body_bytes, exponent_pos);
        if exponent_digits > 0 {
            pos = exponent_pos + exponent_digits;
        }
    }
    if pos != body_bytes.len() {
        return None;
    }
    // The grammar is checked; Rust's parser rounds correctly like dtoa.c.
    let value: f64 = body.parse().ok()?;
    Some(if negative { -value } else { value })
}

fn count_digits(bytes: &[u8], from: usize) -> usize {
    bytes.get(from..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// CPython's `_Py_string_to_number_with_underscores`: underscores only
/// between digits.
fn remove_underscores(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut previous = '\0';
    for c in text.chars() {
        if c == '_' {
            if !previous.is_ascii_digit() {
                return None;
            }
        } else {
            if previous == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        previous = c;
    }
    (previous != '_').then_some(out)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII
/// whitespace becomes a space and decimal digits of any script become ASCII
/// digits; any other non-ASCII character (or NUL, which ends the C string)
/// makes the text invalid.
fn to_ascii_digits_and_spaces(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' {
            return None;
        } else if (c as u32) < 127 {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else {
            let digit = decimal_value(c)?;
            out.push(char::from(b'0' + digit as u8));
        }
    }
    Some(out)
}

/// C's `isspace` in the "C" locale, which CPython uses after the transform.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `str(value)` for an int, with CPython 3.11's limit on decimal digits.
///
/// ```
/// use num_bigint::BigInt;
/// use session_playground::python::text::number_parse::int_to_decimal;
/// assert_eq!(int_to_decimal(&BigInt::from(-42)).unwrap(), "-42");
/// let huge = num_traits::pow(BigInt::from(10u8), 4300);
/// assert!(int_to_decimal(&huge).is_err());
/// ```
pub fn int_to_decimal(value: &BigInt) -> Result<String, TextError> {
    // bits * log10(2) bounds the digit count; only near the limit do we
    // need the exact text to decide.
    let bits = value.bits();
    if bits as f64 * std::f64::consts::LOG10_2 > (INT_MAX_STR_DIGITS + 1) as f64 {
        return Err(int_to_str_limit_error());
    }
    let text = value.to_string();
    let digits = text.len() - usize::from(value.is_negative());
    if digits > INT_MAX_STR_DIGITS {
        return Err(int_to_str_limit_error());
    }
    Ok(text)
}

fn int_to_str_limit_error() -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `hex(value)`: `0x1f`, `-0x1f`.
///
/// ```
/// use num_bigint::BigInt;
/// use session_playground::python::text::number_parse::{int_bin, int_hex, int_oct};
/// assert_eq!(int_hex(&BigInt::from(-31)), "-0x1f");
/// assert_eq!(int_oct(&BigInt::from(8)), "0o10");
/// assert_eq!(int_bin(&BigInt::from(5)), "0b101");
/// ```
pub fn int_hex(value: &BigInt) -> String {
    int_with_prefix(value, 16, "0x")
}

/// `oct(value)`: `0o17`.
pub fn int_oct(value: &BigInt) -> String {
    int_with_prefix(value, 8, "0o")
}

/// `bin(value)`: `0b101`.
pub fn int_bin(value: &BigInt) -> String {
    int_with_prefix(value, 2, "0b")
}

fn int_with_prefix(value: &BigInt, radix: u32, prefix: &str) -> String {
    let sign = if value.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", value.abs().to_str_radix(radix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;

    #[test]
    fn int_parsing_matches_cpython() {
        let cases = fixtures::load("int_parse.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let base = case[1].as_i64().unwrap();
            let expected = fixtures::outcome(&case[2]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(parse_int(text, base)).map(|v| v.to_string());
            if actual != expected {
                failures.push(format!(
                    "{text:?} base {base}: expected {expected:?}, got {actual:?}"
                ));
            }
        }
        fixtures::report("int_parse.json", cases.len(), &failures);
    }

    #[test]
    fn float_parsing_matches_cpython() {
        let cases = fixtures::load("float_parse.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let expected = fixtures::outcome(&case[1]).map(|v| v.as_str().unwrap().to_string());
            let actual =
                fixtures::actual(parse_float(text)).map(|v| format!("{:016x}", v.to_bits()));
            // CPython's nan has the sign bit clear unless negated; compare nans by class.
            let same_nan = |a: &Result<String, _>, b: &Result<String, _>| match (a, b) {
                (Ok(a), Ok(b)) => {
                    let (a, b) = (
                        u64::from_str_radix(a, 16).unwrap(),
                        u64::from_str_radix(b, 16).unwrap(),
                    );
                    f64::from_bits(a).is_nan()
                        && f64::from_bits(b).is_nan()
                        && (a >> 63) == (b >> 63)
                }
                _ => false,
            };
            if actual != expected && !same_nan(&actual, &expected) {
                failures.push(format!("{text:?}: expected {expected:?}, got {actual:?}"));
            }
        }
        fixtures::report("float_parse.json", cases.len(), &failures);
    }

    #[test]
    fn int_to_text_matches_cpython() {
        let cases = fixtures::load("int_to_str.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let value = if let Some(hex) = text.strip_prefix("-0x") {
                -BigInt::parse_bytes(hex.as_bytes(), 16).unwrap()
            } else if let Some(hex) = text.strip_prefix("0x") {
                BigInt::parse_bytes(hex.as_bytes(), 16).unwrap()
            } else {
                text.parse().unwrap()
            };
            let expected = fixtures::outcome(&case[1]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(int_to_decimal(&value));
            let bases = [int_hex(&value), int_oct(&value), int_bin(&value)];
            let expected_bases = [
                case[2].as_str().unwrap(),
                case[3].as_str().unwrap(),
                case[4].as_str().unwrap(),
            ];
            if actual != expected || bases != expected_bases {
                failures.push(format!("{text}: expected {expected:?} {expected_bases:?}"));
            }
        }
        fixtures::report("int_to_str.json", cases.len(), &failures);
    }
}
