//! Floats as CPython writes them: `repr(float)`, the digit layouts behind
//! `format()`/`%`-formatting (CPython's `PyOS_double_to_string`), `round()`
//! and `int(float)`.
//!
//! Written by hand because no crate reproduces CPython's layout rules
//! (`1e+16` but `1000000000000000.0`, `1e-05`, `inf`, `-0.0`). The digits
//! themselves come from Rust's formatter: correctly rounded (ties-to-even on
//! the exact binary value) digits for a precision, as CPython's `dtoa.c`; and
//! for `repr` the shortest round-tripping digits, where one more step is
//! needed (see [`shortest_digits`]).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Zero};

use super::error::TextError;

/// Which layout [`double_to_string`] produces (CPython's format codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatCode {
    /// `'e'`: exponent notation with `precision` digits after the point.
    Exponent,
    /// `'f'`: fixed point with `precision` digits after the point.
    Fixed,
    /// `'g'`: `precision` significant digits, fixed or exponent by size.
    General,
    /// `'r'`: the shortest round-tripping digits, as `repr()` (precision unused).
    Repr,
}

/// Options of [`double_to_string`], CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// Always write a sign (`+` for non-negative numbers).
    pub sign: bool,
    /// Add `.0` when the result would look like an integer (`repr`, `str`).
    pub add_dot_0: bool,
    /// Alternate form (`#`): keep the decimal point and trailing zeros.
    pub alt: bool,
    /// Write `0.0`, not `-0.0`, when the value rounds to zero (`z`).
    pub no_neg_0: bool,
    /// Upper case: `E`, `INF`, `NAN` (the `E`, `F`, `G` format codes).
    pub upper: bool,
}

/// `repr(x)` (and `str(x)`) for a Python float.
///
/// ```
/// use session_playground::python::text::float_repr::float_repr;
/// assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(1e15), "1000000000000000.0");
/// assert_eq!(float_repr(1e-5), "1e-05");
/// assert_eq!(float_repr(-0.0), "-0.0");
/// assert_eq!(float_repr(f64::NAN), "nan");
/// assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
/// ```
pub fn float_repr(x: f64) -> String {
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    double_to_string(x, FloatCode::Repr, 0, flags)
}

/// CPython's `PyOS_double_to_string`: lay out `x` in the given code and
/// precision. `precision` counts digits after the point for `Exponent` and
/// `Fixed`, significant digits for `General` (0 means 1), and is ignored
/// for `Repr`.
///
/// ```
/// use session_playground::python::text::float_repr::{double_to_string, FloatCode, FloatFlags};
/// let plain = FloatFlags::default();
/// assert_eq!(double_to_string(2.5, FloatCode::Fixed, 0, plain), "2");
/// assert_eq!(double_to_string(1234.5, FloatCode::Exponent, 2, plain), "1.23e+03");
/// assert_eq!(double_to_string(0.0001, FloatCode::General, 6, plain), "0.0001");
/// ```
pub fn double_to_string(x: f64, code: FloatCode, precision: usize, flags: FloatFlags) -> String {
    let mut out = String::new();
    if !x.is_finite() {
        // CPython ignores the sign of a nan.
        let negative = x.is_infinite() && x < 0.0;
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if flags.upper {
            word.to_ascii_uppercase()
        } else {
            word.to_string()
        });
        return out;
    }
    // The digit string (no trailing zeros, "0" for zero) and the position
    // of the decimal point relative to its start, like dtoa's output.
    let mut precision = precision as i64;
    let (digits, mut decpt) = match code {
        FloatCode::Repr => shortest_digits(x),
        FloatCode::Exponent => {
            precision += 1;
            significant_digits(x, precision as usize)
        }
        FloatCode::General => {
            if precision == 0 {
                precision = 1;
            }
            significant_digits(x, precision as usize)
        }
        FloatCode::Fixed => fixed_digits(x, precision as usize),
    };
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && digits.bytes().all(|b| b == b'0') {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        FloatCode::Exponent => {
            use_exp = true;
            vdigits_end = precision;
        }
        FloatCode::Fixed => vdigits_end = decpt + precision,
        FloatCode::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        FloatCode::Repr => {
            // CPython switches to exponent notation at 1e16, not 1e17.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

/// Shortest round-tripping digits of `|x|` and the decimal point position.
///
/// Rust's `{:e}` finds how many digits are needed, but when two strings of that length both
/// round-trip it does not always take the one nearest the exact value: for 999999999999999.25
/// (`-0.75 + 1000**5`) it writes `...999.3` where CPython writes `...999.2`, the nearer digit
/// on the tie, chosen half-to-even. CPython's rule is the nearest string of the shortest length
/// among those that round-trip, so the correctly rounded digits of that length are taken
/// whenever they read back as `x` (near a power of two the nearest string may fall outside the
/// narrower half of the rounding interval; then Rust's choice stands).
fn shortest_digits(x: f64) -> (String, i64) {
    let x = x.abs();
    let (digits, decpt) = split_exponent_form(&format!("{x:e}"));
    let (nearest, nearest_decpt) = significant_digits(x, digits.len());
    let reads_back = format!("0.{nearest}e{nearest_decpt}").parse::<f64>() == Ok(x);
    if nearest.len() <= digits.len() && reads_back {
        (nearest, nearest_decpt)
    } else {
        (digits, decpt)
    }
}

/// `n` (≥ 1) correctly rounded significant digits of `|x|`, trailing zeros
/// removed, and the decimal point position.
fn significant_digits(x: f64, n: usize) -> (String, i64) {
    split_exponent_form(&format!("{:.*e}", n - 1, x.abs()))
}

/// Digits of `|x|` rounded to `n` places after the point, with leading and
/// trailing zeros removed, and the decimal point position.
fn fixed_digits(x: f64, n: usize) -> (String, i64) {
    let text = format!("{:.*}", n, x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let all: String = format!("{int_part}{frac_part}");
    let mut decpt = int_part.len() as i64;
    let trimmed_start = all.trim_start_matches('0');
    decpt -= (all.len() - trimmed_start.len()) as i64;
    let trimmed = trimmed_start.trim_end_matches('0');
    if trimmed.is_empty() {
        return ("0".to_string(), 1);
    }
    (trimmed.to_string(), decpt)
}

/// Splits Rust's `d.ddde±x` into (digits without trailing zeros, decpt).
fn split_exponent_form(text: &str) -> (String, i64) {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let trimmed = digits.trim_end_matches('0');
    if trimmed.is_empty() {
        return ("0".to_string(), 1);
    }
    (trimmed.to_string(), exponent + 1)
}

/// `round(x, ndigits)` for a float: correctly rounded, ties to even on the
/// exact binary value (so `round(2.675, 2) == 2.67`).
///
/// ```
/// use session_playground::python::text::float_repr::round_float;
/// assert_eq!(round_float(2.675, 2).unwrap(), 2.67);
/// assert_eq!(round_float(1234.5, -2).unwrap(), 1200.0);
/// assert_eq!(round_float(0.5, 0).unwrap(), 0.0);
/// assert!(round_float(1.7e308, -308).is_err());
/// ```
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, TextError> {
    // CPython's NDIGITS_MAX and NDIGITS_MIN for IEEE doubles.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (mantissa, exponent) = decompose(x);
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(1u8);
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    let ten_power = num_traits::pow(BigInt::from(10u8), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        numerator *= ten_power;
    } else {
        denominator *= ten_power;
    }
    let rounded = divide_round_half_even(&numerator, &denominator);
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{rounded}e{}", -ndigits);
    let value: f64 = text.parse().unwrap_or(f64::INFINITY);
    if value.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(value)
}

/// `round(x)` with no `ndigits`: the nearest int, ties to even.
///
/// ```
/// use session_playground::python::text::float_repr::round_float_to_int;
/// assert_eq!(round_float_to_int(2.5).unwrap().to_string(), "2");
/// assert_eq!(round_float_to_int(-3.5).unwrap().to_string(), "-4");
/// ```
pub fn round_float_to_int(x: f64) -> Result<BigInt, TextError> {
    check_finite_for_int(x)?;
    let (mantissa, exponent) = decompose(x);
    let magnitude = if exponent >= 0 {
        BigInt::from(mantissa) << exponent as usize
    } else {
        let denominator = BigInt::from(1u8) << (-exponent) as usize;
        divide_round_half_even(&BigInt::from(mantissa), &denominator)
    };
    Ok(if x < 0.0 { -magnitude } else { magnitude })
}

/// `int(x)` for a float: truncation toward zero, with CPython's errors for
/// infinities and nan.
///
/// ```
/// use session_playground::python::text::float_repr::float_to_int;
/// assert_eq!(float_to_int(-2.9).unwrap().to_string(), "-2");
/// assert_eq!(float_to_int(f64::NAN).unwrap_err().message, "cannot convert float NaN to integer");
/// ```
pub fn float_to_int(x: f64) -> Result<BigInt, TextError> {
    check_finite_for_int(x)?;
    Ok(BigInt::from_f64(x.trunc()).unwrap_or_else(BigInt::zero))
}

fn check_finite_for_int(x: f64) -> Result<(), TextError> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    Ok(())
}

/// `|x| == mantissa * 2**exponent` exactly, for finite `x`.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// `numerator / denominator` (both non-negative) rounded to the nearest
/// integer, ties to even.
fn divide_round_half_even(numerator: &BigInt, denominator: &BigInt) -> BigInt {
    let (quotient, remainder) = numerator.div_rem(denominator);
    let twice: BigInt = remainder * 2u8;
    if twice > *denominator || (twice == *denominator && quotient.is_odd()) {
        quotient + 1u8
    } else {
        quotient
    }
}

/// Exact conversion of an int to the nearest float (ties to even), or
/// CPython's `OverflowError` when it does not fit.
///
/// ```
/// use num_bigint::BigInt;
/// use session_playground::python::text::float_repr::int_to_float;
/// assert_eq!(int_to_float(&BigInt::from(10u8)).unwrap(), 10.0);
/// let huge = num_traits::pow(BigInt::from(10u8), 400);
/// assert_eq!(int_to_float(&huge).unwrap_err().message, "int too large to convert to float");
/// ```
pub fn int_to_float(value: &BigInt) -> Result<f64, TextError> {
    // Parsing the decimal text is correctly rounded, unlike a naive
    // limb-by-limb conversion.
    let parsed: f64 = value.to_string().parse().unwrap_or(f64::INFINITY);
    if parsed.is_infinite() {
        return Err(TextError::overflow("int too large to convert to float"));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;

    #[test]
    fn repr_matches_cpython() {
        let cases = fixtures::load("float_repr.json");
        let mut failures = Vec::new();
        for case in &cases {
            let x = fixtures::float(&case[0]);
            let expected = case[1].as_str().unwrap();
            let actual = float_repr(x);
            if actual != expected {
                failures.push(format!("{}: expected {expected}, got {actual}", case[0]));
            }
        }
        fixtures::report("float_repr.json", cases.len(), &failures);
    }

    #[test]
    fn round_matches_cpython() {
        let cases = fixtures::load("float_round.json");
        let mut failures = Vec::new();
        for case in &cases {
            let x = fixtures::float(&case[0]);
            let expected = fixtures::outcome(&case[2]).map(|v| v.as_str().unwrap().to_string());
            let actual = match case[1].as_i64() {
                Some(ndigits) => fixtures::actual(round_float(x, ndigits))
                    .map(|r| format!("{:016x}", r.to_bits())),
                None => fixtures::actual(round_float_to_int(x)).map(|r| r.to_string()),
            };
            if actual != expected {
                failures.push(format!(
                    "{} {}: expected {expected:?}, got {actual:?}",
                    case[0], case[1]
                ));
            }
        }
        fixtures::report("float_round.json", cases.len(), &failures);
    }
}
