//! `float.hex()` and `float.fromhex()` as CPython 3.11 writes and reads them.
//!
//! The text form is exact (hex digits are the binary mantissa), so `to_hex` reads the bits
//! directly. `from_hex` accumulates the digits in a wide integer and lets the integer-to-float
//! conversion round; a digit string longer than 32 hex digits keeps the first 32 and a sticky
//! bit for the rest, which rounds the same way.

use super::error::TextError;

/// `x.hex()`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`, `nan`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("{sign}0x{lead}.{mantissa:013x}p{exp:+}")
}

fn invalid() -> TextError {
    TextError::value("invalid hexadecimal floating-point string")
}

/// `float.fromhex(text)`.
pub fn from_hex(text: &str) -> Result<f64, TextError> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |v: f64| if negative { -v } else { v };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let digits = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match digits.find('p') {
        Some(p) => (&digits[..p], Some(&digits[p + 1..])),
        None => (digits, None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(d) => (&mantissa[..d], &mantissa[d + 1..]),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let mut exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Past this size the result is 0 or overflows whatever the digits are.
            let magnitude: i64 = digits
                .get(..digits.len().min(7))
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            let magnitude = if digits.len() > 7 {
                10_000_000
            } else {
                magnitude
            };
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let mut acc: u128 = 0;
    let mut kept = 0usize;
    let mut sticky = false;
    let mut seen_nonzero = false;
    for (i, c) in int_part.chars().chain(frac_part.chars()).enumerate() {
        let d = c.to_digit(16).ok_or_else(invalid)? as u128;
        let is_frac = i >= int_part.len();
        if !seen_nonzero && d == 0 {
            if is_frac {
                exp -= 4;
            }
            continue;
        }
        seen_nonzero = true;
        if kept < 32 {
            acc = acc << 4 | d;
            kept += 1;
            if is_frac {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !is_frac {
                exp += 4;
            }
        }
    }
    if acc == 0 {
        return Ok(signed(0.0));
    }
    if sticky {
        acc = acc << 1 | 1;
        exp -= 1;
    }
    // Normalise so the value is acc * 2**exp with acc's top bit at position 127, then round
    // once to the target precision (53 bits, fewer for subnormals).
    let shift = acc.leading_zeros() as i64;
    acc <<= shift;
    exp -= shift;
    let top = exp + 127; // the binary exponent of the leading bit
    if top > 1023 {
        return Err(TextError::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if precision <= 0 {
        // Below half the smallest subnormal (or exactly half: ties to even gives zero).
        let smallest_half = top == -1075 && acc != 1u128 << 127;
        return Ok(signed(if smallest_half { 5e-324 } else { 0.0 }));
    }
    let drop = 128 - precision as u32;
    let mut kept_bits = acc >> drop;
    let rest = acc & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || (rest == half && kept_bits & 1 == 1) {
        kept_bits += 1;
    }
    let mut value_exp = top - (precision - 1);
    if kept_bits >> precision != 0 {
        kept_bits >>= 1;
        value_exp += 1;
        if value_exp + 52 > 1023 {
            return Err(TextError::overflow(
                "hexadecimal value too large to represent as a float",
            ));
        }
    }
    // kept_bits < 2**53 is exact as an f64; scaling by a power of two is exact too.
    let half_exp = value_exp / 2;
    let v =
        (kept_bits as f64) * 2f64.powi(half_exp as i32) * 2f64.powi((value_exp - half_exp) as i32);
    Ok(signed(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind_of_float() {
        for x in [
            0.1,
            -2.5,
            5e-324,
            1e308,
            f64::MAX,
            f64::MIN_POSITIVE,
            1.0,
            3.75,
            2.225_073_858_507_201e-308,
        ] {
            assert_eq!(from_hex(&to_hex(x)).ok(), Some(x), "{x}");
        }
    }

    #[test]
    fn rejects_text_that_is_not_hex() {
        assert!(from_hex("zz").is_err());
        assert!(from_hex("0x").is_err());
        assert!(from_hex("0x1p").is_err());
        assert!(from_hex("0x1p2000").is_err());
    }
}
