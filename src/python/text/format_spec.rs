//! The format-spec mini-language of `format()`, f-strings and `str.format`:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, for
//! int, float and str, with CPython's exact error messages.
//!
//! A transcription of CPython 3.11's `Python/formatter_unicode.c` (parse,
//! padding, grouping with zero fill through the separators) over Rust data.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::MAX_TEXT_LEN;
use super::error::TextError;
use super::float_repr::{FloatCode, FloatFlags, double_to_string, float_repr, int_to_float};

/// Which thousands separator a spec asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`: a comma every three digits (decimal types only).
    Comma,
    /// `_`: an underscore every three digits (every four for `b o x X`).
    Underscore,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (default space).
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`; the type's default when not given.
    pub align: char,
    /// `+`, `-`, ` `, or `None` when not given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero after rounding.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The minimum width, if given.
    pub width: Option<usize>,
    /// The thousands separator, if given.
    pub grouping: Option<Grouping>,
    /// The precision, if given.
    pub precision: Option<usize>,
    /// The presentation type; the type's default (`'s'`, `'d'`, or `'\0'`
    /// for float's "no type") when not given.
    pub kind: char,
}

/// Parses `spec` the way CPython does for an object whose type is named
/// `type_name` (used in error messages), whose default presentation type is
/// `default_type` (`'s'` for str, `'d'` for int, `'\0'` for float) and whose
/// default alignment is `default_align` (`<` for str, `>` for numbers).
///
/// ```
/// use session_playground::python::text::format_spec::parse_format_spec;
/// let spec = parse_format_spec("*^+10,.2f", "float", '\0', '>').unwrap();
/// assert_eq!((spec.fill, spec.align, spec.width, spec.precision, spec.kind), ('*', '^', Some(10), Some(2), 'f'));
/// assert_eq!(parse_format_spec("10.", "float", '\0', '>').unwrap_err().message, "Format specifier missing precision");
/// ```
pub fn parse_format_spec(
    spec: &str,
    type_name: &str,
    default_type: char,
    default_align: char,
) -> Result<FormatSpec, TextError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut parsed = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        kind: default_type,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        parsed.align = chars[pos + 1];
        parsed.fill = chars[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        parsed.align = chars[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        parsed.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        parsed.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        parsed.alternate = true;
        pos += 1;
    }
    // The backwards-compatible `0` flag: zero fill, and `=` alignment for
    // types that align right by default.
    if !fill_specified && pos < end && chars[pos] == '0' {
        parsed.fill = '0';
        if !align_specified && default_align == '>' {
            parsed.align = '=';
        }
        pos += 1;
    }
    let (width, consumed) = read_integer(&chars, &mut pos)?;
    if consumed > 0 {
        parsed.width = Some(width);
    }
    if pos < end && chars[pos] == ',' {
        parsed.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if parsed.grouping.is_some() {
            return Err(TextError::value("Cannot specify both ',' and '_'."));
        }
        parsed.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && parsed.grouping == Some(Grouping::Underscore) {
        return Err(TextError::value("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (precision, consumed) = read_integer(&chars, &mut pos)?;
        if consumed == 0 {
            return Err(TextError::value("Format specifier missing precision"));
        }
        parsed.precision = Some(precision);
    }
    if end - pos > 1 {
        return Err(TextError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        parsed.kind = chars[pos];
    }
    if let Some(grouping) = parsed.grouping {
        let allowed = match parsed.kind {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => grouping == Grouping::Underscore,
            _ => false,
        };
        if !allowed {
            let separator = if grouping == Grouping::Comma {
                ','
            } else {
                '_'
            };
            return Err(TextError::value(format!(
                "Cannot specify '{separator}' with {}.",
                quoted_code(parsed.kind)
            )));
        }
    }
    Ok(parsed)
}

/// CPython's `get_integer`: decimal digits to a size, with its overflow error.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), TextError> {
    let mut value: usize = 0;
    let mut consumed = 0;
    while let Some(digit) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        if value > (isize::MAX as usize - digit as usize) / 10 {
            return Err(TextError::value("Too many decimal digits in format string"));
        }
        value = value * 10 + digit as usize;
        *pos += 1;
        consumed += 1;
    }
    Ok((value, consumed))
}

/// A presentation type inside an error message: `'d'`, or `'\x1'` for
/// control and non-ASCII characters (CPython prints those in hex).
fn quoted_code(code: char) -> String {
    let value = code as u32;
    if value > 32 && value < 128 {
        format!("'{code}'")
    } else {
        format!("'\\x{value:x}'")
    }
}

fn unknown_code(code: char, type_name: &str) -> TextError {
    TextError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quoted_code(code)
    ))
}

fn check_width(spec: &FormatSpec) -> Result<(), TextError> {
    if spec.width.unwrap_or(0) > MAX_TEXT_LEN || spec.precision.unwrap_or(0) > MAX_TEXT_LEN {
        return Err(TextError::memory());
    }
    Ok(())
}

/// `format(value, spec)` for a `str`.
///
/// ```
/// use session_playground::python::text::format_spec::format_str;
/// assert_eq!(format_str("ab", "*^6").unwrap(), "**ab**");
/// assert_eq!(format_str("hello", ".2").unwrap(), "he");
/// assert_eq!(format_str("ab", "d").unwrap_err().message, "Unknown format code 'd' for object of type 'str'");
/// ```
pub fn format_str(value: &str, spec: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let parsed = parse_format_spec(spec, "str", 's', '<')?;
    if parsed.kind != 's' {
        return Err(unknown_code(parsed.kind, "str"));
    }
    if let Some(sign) = parsed.sign {
        return Err(TextError::value(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if parsed.no_neg_0 {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if parsed.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if parsed.align == '=' {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    check_width(&parsed)?;
    let mut length = value.chars().count();
    let mut text = value;
    if let Some(precision) = parsed.precision
        && length > precision
    {
        let cut = value
            .char_indices()
            .nth(precision)
            .map_or(value.len(), |(i, _)| i);
        text = &value[..cut];
        length = precision;
    }
    Ok(pad(text, length, &parsed))
}

/// Pads `text` (`length` code points) to the spec's width by its alignment.
fn pad(text: &str, length: usize, spec: &FormatSpec) -> String {
    let total = spec.width.unwrap_or(0).max(length);
    let left = match spec.align {
        '>' => total - length,
        '^' => (total - length) / 2,
        _ => 0,
    };
    let right = total - length - left;
    let mut out = String::with_capacity(text.len() + left + right);
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, right));
    out
}

/// `format(value, spec)` for an `int`.
///
/// ```
/// use num_bigint::BigInt;
/// use session_playground::python::text::format_spec::format_int;
/// assert_eq!(format_int(&BigInt::from(1234567), ",").unwrap(), "1,234,567");
/// assert_eq!(format_int(&BigInt::from(255), "#06x").unwrap(), "0x00ff");
/// assert_eq!(format_int(&BigInt::from(1234), "010,").unwrap(), "00,001,234");
/// assert_eq!(format_int(&BigInt::from(5), ".2").unwrap_err().message, "Precision not allowed in integer format specifier");
/// ```
pub fn format_int(value: &BigInt, spec: &str) -> Result<String, TextError> {
    format_int_named(value, spec, "int")
}

/// [`format_int`] for an int subclass (`bool`), naming `type_name` in errors.
pub fn format_int_named(value: &BigInt, spec: &str, type_name: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let parsed = parse_format_spec(spec, type_name, 'd', '>')?;
    let code = parsed.kind;
    match code {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let as_float = int_to_float(value)?;
            return format_float_parsed(as_float, &parsed);
        }
        _ => return Err(unknown_code(code, type_name)),
    }
    if parsed.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if parsed.no_neg_0 {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    check_width(&parsed)?;
    if code == 'c' {
        if parsed.sign.is_some() {
            return Err(TextError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if parsed.alternate {
            return Err(TextError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Some(code_point) = value.to_i64() else {
            return Err(TextError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let Some(character) = u32::try_from(code_point).ok().filter(|&c| c <= 0x10ffff) else {
            return Err(TextError::overflow("%c arg not in range(0x110000)"));
        };
        // A lone surrogate cannot live in a Rust string; U+FFFD stands in.
        let character = char::from_u32(character).unwrap_or('\u{fffd}');
        let number = Number {
            negative: false,
            prefix: "",
            digits: String::new(),
            remainder: character.to_string(),
        };
        return Ok(fill_number(&number, &parsed, None));
    }
    let (radix, prefix) = match code {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.abs().to_str_radix(radix);
    if code == 'X' {
        digits.make_ascii_uppercase();
    }
    let group = match (parsed.grouping, radix) {
        (None, _) => None,
        (Some(Grouping::Comma), _) => Some((3, ',')),
        (Some(Grouping::Underscore), 10) => Some((3, '_')),
        (Some(Grouping::Underscore), _) => Some((4, '_')),
    };
    let number = Number {
        negative: value.is_negative(),
        prefix: if parsed.alternate { prefix } else { "" },
        digits,
        remainder: String::new(),
    };
    Ok(fill_number(&number, &parsed, group))
}

/// `format(value, spec)` for a `float`.
///
/// ```
/// use session_playground::python::text::format_spec::format_float;
/// assert_eq!(format_float(3.14159, ".2f").unwrap(), "3.14");
/// assert_eq!(format_float(1234.5, "+,.1f").unwrap(), "+1,234.5");
/// assert_eq!(format_float(0.25, ".0%").unwrap(), "25%");
/// assert_eq!(format_float(1e16, "").unwrap(), "1e+16");
/// assert_eq!(format_float(-0.0001, "z.2f").unwrap(), "0.00");
/// ```
pub fn format_float(value: f64, spec: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return Ok(float_repr(value));
    }
    let parsed = parse_format_spec(spec, "float", '\0', '>')?;
    format_float_parsed(value, &parsed)
}

fn format_float_parsed(value: f64, parsed: &FormatSpec) -> Result<String, TextError> {
    let type_code = parsed.kind;
    let mut flags = FloatFlags {
        alt: parsed.alternate,
        no_neg_0: parsed.no_neg_0,
        ..FloatFlags::default()
    };
    let mut precision = parsed.precision;
    let mut value = value;
    let mut percent = false;
    let code = match type_code {
        '\0' => {
            // No type: like repr() without a precision, else like 'g' but
            // with at least one digit after the point.
            flags.add_dot_0 = true;
            if precision.is_some() {
                FloatCode::General
            } else {
                FloatCode::Repr
            }
        }
        'e' | 'E' => FloatCode::Exponent,
        'f' | 'F' => FloatCode::Fixed,
        'g' | 'G' | 'n' => FloatCode::General,
        '%' => {
            value *= 100.0;
            percent = true;
            FloatCode::Fixed
        }
        other => return Err(unknown_code(other, "float")),
    };
    if matches!(type_code, 'E' | 'F' | 'G') {
        flags.upper = true;
    }
    if code != FloatCode::Repr && precision.is_none() {
        precision = Some(6);
    }
    check_width(parsed)?;
    let mut text = double_to_string(value, code, precision.unwrap_or(0), flags);
    if percent {
        text.push('%');
    }
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { &text[..] };
    let digit_end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let number = Number {
        negative,
        prefix: "",
        digits: body[..digit_end].to_string(),
        remainder: body[digit_end..].to_string(),
    };
    let group = match parsed.grouping {
        None => None,
        Some(Grouping::Comma) => Some((3, ',')),
        Some(Grouping::Underscore) => Some((3, '_')),
    };
    Ok(fill_number(&number, parsed, group))
}

/// A number split the way CPython's `fill_number` lays it out:
/// `<sign><prefix><digits><remainder>` where only `digits` is grouped and
/// zero-padded, and `remainder` is the decimal point onwards (or the
/// character of `'c'`, or `inf`/`nan`).
struct Number {
    negative: bool,
    prefix: &'static str,
    digits: String,
    remainder: String,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn fill_number(number: &Number, spec: &FormatSpec, group: Option<(usize, char)>) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if number.negative { '-' } else { '+' }),
        Some(' ') => Some(if number.negative { '-' } else { ' ' }),
        _ => number.negative.then_some('-'),
    };
    let non_digit = sign.map_or(0, |_| 1) + number.prefix.len() + number.remainder.chars().count();
    let width = spec.width.map_or(-1, |w| w as isize);
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - non_digit as isize
    } else {
        0
    };
    let grouped = if number.digits.is_empty() {
        String::new()
    } else {
        group_digits(&number.digits, min_width, group)
    };
    let used = (non_digit + grouped.chars().count()) as isize;
    let padding = (width - used).max(0) as usize;
    let (mut left, mut inner, mut right) = (0, 0, 0);
    match spec.align {
        '<' => right = padding,
        '^' => {
            left = padding / 2;
            right = padding - left;
        }
        '=' => inner = padding,
        _ => left = padding,
    }
    let mut out = String::new();
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.extend(sign);
    out.push_str(number.prefix);
    out.extend(std::iter::repeat_n(spec.fill, inner));
    out.push_str(&grouped);
    out.push_str(&number.remainder);
    out.extend(std::iter::repeat_n(spec.fill, right));
    out
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the
/// right and, when `min_width` asks for more, pads with zeros that are
/// themselves grouped (`00,001,234`).
fn group_digits(digits: &str, min_width: isize, group: Option<(usize, char)>) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width.max(0);
    let mut pieces: Vec<String> = Vec::new();
    let take = |remaining: isize, length: isize| -> String {
        let n_zeros = (length - remaining).max(0) as usize;
        let n_chars = remaining.min(length).max(0) as usize;
        let end = remaining as usize;
        let mut piece = "0".repeat(n_zeros);
        piece.push_str(std::str::from_utf8(&digits[end - n_chars..end]).unwrap_or(""));
        piece
    };
    let separator = group.map(|(_, c)| c);
    match group {
        Some((size, _)) => loop {
            let size = size as isize;
            let length = size.min(remaining.max(min_width).max(1));
            pieces.push(take(remaining, length));
            remaining -= remaining.min(length).max(0);
            min_width -= length;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        },
        None => {
            let length = remaining.max(min_width).max(1);
            pieces.push(take(remaining, length));
        }
    }
    pieces.reverse();
    let mut out = String::new();
    for (index, piece) in pieces.iter().enumerate() {
        if index > 0 {
            out.extend(separator);
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;

    fn check(name: &str, run: impl Fn(&serde_json::Value, &str) -> Result<String, TextError>) {
        let cases = fixtures::load(name);
        let mut failures = Vec::new();
        for case in &cases {
            let spec = case[1].as_str().unwrap();
            let expected = fixtures::outcome(&case[2]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(run(&case[0], spec));
            if actual != expected {
                failures.push(format!(
                    "{} {spec:?}: expected {expected:?}, got {actual:?}",
                    case[0]
                ));
            }
        }
        fixtures::report(name, cases.len(), &failures);
    }

    #[test]
    fn float_formats_match_cpython() {
        check("format_float.json", |v, spec| {
            format_float(fixtures::float(v), spec)
        });
    }

    #[test]
    fn int_formats_match_cpython() {
        check("format_int.json", |v, spec| {
            format_int(&fixtures::int(v), spec)
        });
    }

    #[test]
    fn str_formats_match_cpython() {
        check("format_str.json", |v, spec| {
            format_str(v.as_str().unwrap(), spec)
        });
    }
}
