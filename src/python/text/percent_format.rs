//! `%`-formatting of `str` (`"%s: %5.2f" % (name, x)`), with CPython's
//! parsing quirks and error messages.
//!
//! A transcription of `PyUnicode_Format` (CPython 3.11
//! `Objects/unicodeobject.c`), including its position bookkeeping, so that
//! errors like `unsupported format character 'y' (0x79) at index 3` and the
//! order of checks (an argument is taken before the conversion character is
//! checked) match exactly. Arguments are reached through [`PercentArg`], so
//! this module never sees the interpreter's values.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::error::TextError;
use super::float_repr::{FloatCode, FloatFlags, double_to_string, float_to_int, int_to_float};
use super::str_repr::escape_non_ascii;

/// What `%`-formatting needs to know about one argument's value.
#[derive(Clone, Copy, Debug)]
pub enum PercentValue<'a> {
    /// An `int` or `bool` (or an object the interpreter converted with
    /// `__index__`).
    Int(&'a BigInt),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(&'a str),
    /// Anything else: only `%s`, `%r` and `%a` accept it.
    Other,
}

/// One argument of `%`-formatting, as the interpreter provides it.
pub trait PercentArg: Sized {
    /// The interpreter's error type; text errors convert into it.
    type Error: From<TextError>;
    /// The value as far as number and character conversions care.
    fn value(&self) -> PercentValue<'_>;
    /// `type(x).__name__`, for error messages.
    fn type_name(&self) -> String;
    /// `str(x)`.
    fn to_str(&self) -> Result<String, Self::Error>;
    /// `repr(x)`.
    fn to_repr(&self) -> Result<String, Self::Error>;
}

/// Resolves `%(key)s`: `mapping[key]`, or the interpreter's error.
pub type PercentLookup<'a, A> = &'a mut dyn FnMut(&str) -> Result<A, <A as PercentArg>::Error>;

/// The right operand of `template % args`.
pub enum PercentArgs<'a, A: PercentArg> {
    /// A tuple: its items are the arguments.
    Tuple(&'a [A]),
    /// Any other object: the single argument. `lookup` is present when the
    /// object is a mapping in CPython's sense (it has `__getitem__` and is
    /// not a tuple or str: dicts, but also lists) and resolves `%(key)s`.
    Single {
        /// The object itself.
        arg: &'a A,
        /// `arg[key]`, when `arg` supports subscription.
        lookup: Option<PercentLookup<'a, A>>,
    },
}

/// Evaluates `template % args`.
///
/// ```
/// use num_bigint::BigInt;
/// use session_playground::python::text::TextError;
/// use session_playground::python::text::percent_format::{percent_format, PercentArg, PercentArgs, PercentValue};
///
/// enum Value { Int(BigInt), Str(String) }
/// impl PercentArg for Value {
///     type Error = TextError;
///     fn value(&self) -> PercentValue<'_> {
///         match self { Value::Int(i) => PercentValue::Int(i), Value::Str(s) => PercentValue::Str(s) }
///     }
///     fn type_name(&self) -> String { match self { Value::Int(_) => "int", Value::Str(_) => "str" }.into() }
///     fn to_str(&self) -> Result<String, TextError> {
///         Ok(match self { Value::Int(i) => i.to_string(), Value::Str(s) => s.clone() })
///     }
///     fn to_repr(&self) -> Result<String, TextError> { self.to_str() }
/// }
///
/// let args = [Value::Str("ada".into()), Value::Int(BigInt::from(7))];
/// assert_eq!(percent_format("%s has %03d", PercentArgs::Tuple(&args)).unwrap(), "ada has 007");
/// let err = percent_format("%s %s %s", PercentArgs::Tuple(&args)).unwrap_err();
/// assert_eq!(err.message, "not enough arguments for format string");
/// ```
pub fn percent_format<A: PercentArg>(
    template: &str,
    args: PercentArgs<'_, A>,
) -> Result<String, A::Error> {
    let format: Vec<char> = template.chars().collect();
    let (tuple, single, mut lookup) = match args {
        PercentArgs::Tuple(items) => (Some(items), None, None),
        PercentArgs::Single { arg, lookup } => (None, Some(arg), lookup),
    };
    let is_mapping = lookup.is_some();
    let mut state = State {
        format: &format,
        pos: 0,
        count: format.len() as isize,
        tuple,
        single,
        keyed: None,
        arg_index: if tuple.is_some() { 0 } else { -2 },
        arg_len: tuple.map_or(-1, |items| items.len() as isize),
    };
    let mut out = String::new();
    loop {
        state.count -= 1;
        if state.count < 0 {
            break;
        }
        if state.read(state.pos) != '%' {
            let start = state.pos;
            state.pos += 1;
            while state.count >= 0 && state.read(state.pos) != '%' {
                state.pos += 1;
                state.count -= 1;
            }
            if state.count < 0 {
                state.pos -= 1;
            }
            out.extend(&format[start..state.pos.min(format.len())]);
            continue;
        }
        state.pos += 1;
        if state.read(state.pos) == '%' {
            state.pos += 1;
            state.count -= 1;
            out.push('%');
            continue;
        }
        let mut spec = Spec {
            conversion: '\0',
            flags: Flags::default(),
            width: -1,
            precision: -1,
        };
        if state.read(state.pos) == '(' {
            let Some(lookup) = lookup.as_mut() else {
                return Err(TextError::type_error("format requires a mapping").into());
            };
            state.pos += 1;
            state.count -= 1;
            let key_start = state.pos;
            let mut depth = 1;
            while depth > 0 {
                state.count -= 1;
                if state.count < 0 {
                    break;
                }
                match state.read(state.pos) {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                state.pos += 1;
            }
            if state.count < 0 || depth > 0 {
                return Err(TextError::value("incomplete format key").into());
            }
            let key: String = format[key_start..state.pos - 1].iter().collect();
            state.keyed = Some(lookup(&key)?);
            state.arg_len = -1;
            state.arg_index = -2;
        }
        parse_spec(&mut state, &mut spec)?;
        let converted = format_one(&mut state, &mut spec)?;
        if spec.width > super::MAX_TEXT_LEN as isize {
            return Err(TextError::memory().into());
        }
        write_padded(&mut out, &spec, &converted);
        if is_mapping && state.arg_index < state.arg_len {
            return Err(TextError::type_error(
                "not all arguments converted during string formatting",
            )
            .into());
        }
    }
    if state.arg_index < state.arg_len && !is_mapping {
        return Err(
            TextError::type_error("not all arguments converted during string formatting").into(),
        );
    }
    Ok(out)
}

struct State<'s, 'a, A> {
    format: &'s [char],
    pos: usize,
    /// CPython's `fmtcnt`: characters left, counted its particular way.
    count: isize,
    tuple: Option<&'a [A]>,
    single: Option<&'a A>,
    /// The value fetched by the last `%(key)`, which replaces the arguments.
    keyed: Option<A>,
    arg_index: isize,
    arg_len: isize,
}

impl<A: PercentArg> State<'_, '_, A> {
    /// The character at `pos`, or NUL past the end (CPython's strings are
    /// NUL-terminated and its parser relies on that).
    fn read(&self, pos: usize) -> char {
        self.format.get(pos).copied().unwrap_or('\0')
    }

    /// Advances to the next character, CPython's `if (--fmtcnt >= 0) ch = ...`.
    fn next(&mut self, ch: &mut char) -> bool {
        self.count -= 1;
        if self.count >= 0 {
            *ch = self.read(self.pos);
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// CPython's `unicode_format_getnextarg`.
    fn next_arg(&mut self) -> Result<&A, TextError> {
        let index = self.arg_index;
        if index < self.arg_len {
            self.arg_index += 1;
            if self.arg_len < 0 {
                return self.keyed.as_ref().or(self.single).ok_or_else(not_enough);
            }
            return self
                .tuple
                .and_then(|items| items.get(index as usize))
                .ok_or_else(not_enough);
        }
        Err(not_enough())
    }
}

fn not_enough() -> TextError {
    TextError::type_error("not enough arguments for format string")
}

#[derive(Clone, Copy, Default)]
struct Flags {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

struct Spec {
    conversion: char,
    flags: Flags,
    width: isize,
    precision: isize,
}

/// CPython's `unicode_format_arg_parse` after the mapping key.
fn parse_spec<A: PercentArg>(
    state: &mut State<'_, '_, A>,
    spec: &mut Spec,
) -> Result<(), A::Error> {
    let mut ch = spec.conversion;
    loop {
        if !state.next(&mut ch) {
            break;
        }
        match ch {
            '-' => spec.flags.left = true,
            '+' => spec.flags.sign = true,
            ' ' => spec.flags.blank = true,
            '#' => spec.flags.alt = true,
            '0' => spec.flags.zero = true,
            _ => break,
        }
    }
    if ch == '*' {
        let width = star_value(state)?;
        let width = width
            .to_isize()
            .ok_or_else(|| TextError::overflow("Python int too large to convert to C ssize_t"))?;
        if width < 0 {
            spec.flags.left = true;
        }
        spec.width = width.saturating_abs();
        state.next(&mut ch);
    } else if ch.is_ascii_digit() {
        spec.width = ch as isize - '0' as isize;
        while state.next(&mut ch) {
            let Some(digit) = ch.to_digit(10) else { break };
            if spec.width > (isize::MAX - digit as isize) / 10 {
                return Err(TextError::value("width too big").into());
            }
            spec.width = spec.width * 10 + digit as isize;
        }
    }
    if ch == '.' {
        spec.precision = 0;
        state.next(&mut ch);
        if ch == '*' {
            let precision = star_value(state)?;
            let precision = precision
                .to_i32()
                .ok_or_else(|| TextError::overflow("Python int too large to convert to C int"))?;
            spec.precision = precision.max(0) as isize;
            state.next(&mut ch);
        } else if ch.is_ascii_digit() {
            spec.precision = ch as isize - '0' as isize;
            while state.next(&mut ch) {
                let Some(digit) = ch.to_digit(10) else { break };
                if spec.precision > (i32::MAX as isize - digit as isize) / 10 {
                    return Err(TextError::value("precision too big").into());
                }
                spec.precision = spec.precision * 10 + digit as isize;
            }
        }
    }
    if state.count >= 0 && matches!(ch, 'h' | 'l' | 'L') {
        state.next(&mut ch);
    }
    if state.count < 0 {
        return Err(TextError::value("incomplete format").into());
    }
    spec.conversion = ch;
    Ok(())
}

fn star_value<A: PercentArg>(state: &mut State<'_, '_, A>) -> Result<BigInt, A::Error> {
    match state.next_arg()?.value() {
        PercentValue::Int(value) => Ok(value.clone()),
        _ => Err(TextError::type_error("* wants int").into()),
    }
}

/// CPython's `unicode_format_arg_format`: the converted text of one
/// argument, before padding.
fn format_one<A: PercentArg>(
    state: &mut State<'_, '_, A>,
    spec: &mut Spec,
) -> Result<Converted, A::Error> {
    let conversion = spec.conversion;
    let index = state.pos as isize - 1;
    let arg = state.next_arg()?;
    let converted = match conversion {
        's' => Converted::plain(match arg.value() {
            PercentValue::Str(text) => text.to_string(),
            _ => arg.to_str()?,
        }),
        'r' => Converted::plain(arg.to_repr()?),
        'a' => Converted::plain(escape_non_ascii(&arg.to_repr()?)),
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => Converted::signed(format_integer(arg, spec)?),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let value = match arg.value() {
                PercentValue::Float(value) => value,
                PercentValue::Int(value) => int_to_float(value)?,
                _ => {
                    return Err(TextError::type_error(format!(
                        "must be real number, not {}",
                        arg.type_name()
                    ))
                    .into());
                }
            };
            let code = match conversion.to_ascii_lowercase() {
                'e' => FloatCode::Exponent,
                'f' => FloatCode::Fixed,
                _ => FloatCode::General,
            };
            let flags = FloatFlags {
                alt: spec.flags.alt,
                upper: conversion.is_ascii_uppercase(),
                ..FloatFlags::default()
            };
            let precision = if spec.precision < 0 {
                6
            } else {
                spec.precision as usize
            };
            if precision > super::MAX_TEXT_LEN {
                return Err(TextError::memory().into());
            }
            Converted::signed(double_to_string(value, code, precision, flags))
        }
        'c' => {
            let character = match arg.value() {
                PercentValue::Str(text) if text.chars().count() == 1 => {
                    text.chars().next().unwrap_or('\0')
                }
                PercentValue::Int(value) => {
                    match value.to_u32().filter(|&c| c <= 0x10ffff) {
                        // A lone surrogate cannot live in a Rust string; U+FFFD stands in.
                        Some(code) => char::from_u32(code).unwrap_or('\u{fffd}'),
                        None => {
                            return Err(TextError::overflow("%c arg not in range(0x110000)").into());
                        }
                    }
                }
                _ => return Err(TextError::type_error("%c requires int or char").into()),
            };
            Converted::plain(character.to_string())
        }
        other => {
            let shown = if (31..=126).contains(&(other as u32)) {
                other
            } else {
                '?'
            };
            return Err(TextError::value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                other as u32
            ))
            .into());
        }
    };
    Ok(converted)
}

/// The text of one conversion and whether it takes a numeric sign.
struct Converted {
    text: String,
    numeric: bool,
}

impl Converted {
    fn plain(text: String) -> Converted {
        Converted {
            text,
            numeric: false,
        }
    }
    fn signed(text: String) -> Converted {
        Converted {
            text,
            numeric: true,
        }
    }
}

/// CPython's `mainformatlong` + `_PyUnicode_FormatLong`.
fn format_integer<A: PercentArg>(arg: &A, spec: &Spec) -> Result<String, A::Error> {
    let conversion = spec.conversion;
    let wrong_type = || -> A::Error {
        let wanted = if matches!(conversion, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        TextError::type_error(format!(
            "%{conversion} format: {wanted} is required, not {}",
            arg.type_name()
        ))
        .into()
    };
    let value = match arg.value() {
        PercentValue::Int(value) => value.clone(),
        PercentValue::Float(value) => {
            if matches!(conversion, 'o' | 'x' | 'X') {
                return Err(wrong_type());
            }
            float_to_int(value)?
        }
        _ => return Err(wrong_type()),
    };
    let (radix, prefix) = match conversion {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.abs().to_str_radix(radix);
    if conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    let precision = spec.precision.max(0) as usize;
    if precision > super::MAX_TEXT_LEN {
        return Err(TextError::memory().into());
    }
    let mut text = String::new();
    if value.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    for _ in digits.len()..precision {
        text.push('0');
    }
    text.push_str(&digits);
    Ok(text)
}

/// CPython's `unicode_format_arg_output`: sign, `0x` prefix and padding.
fn write_padded(out: &mut String, spec: &Spec, converted: &Converted) {
    let chars: Vec<char> = converted.text.chars().collect();
    let conversion = spec.conversion;
    let flags = spec.flags;
    let mut width = spec.width;
    let mut numeric = converted.numeric;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut length = chars.len() as isize;
    let mut index = 0usize;
    if matches!(conversion, 's' | 'r' | 'a') && spec.precision >= 0 && length > spec.precision {
        length = spec.precision;
    }
    let mut sign_char = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = Some(c);
                length -= 1;
                index += 1;
            }
            _ if flags.sign => sign_char = Some('+'),
            _ if flags.blank => sign_char = Some(' '),
            _ => numeric = false,
        }
    }
    if width < length {
        width = length;
    }
    if numeric {
        if fill != ' ' {
            out.extend(sign_char);
        }
        if width > length {
            width -= 1;
        }
    }
    let has_prefix = flags.alt && matches!(conversion, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.extend(&chars[index..index + 2]);
            index += 2;
        }
        width = (width - 2).max(0);
        length -= 2;
    }
    if width > length && !flags.left {
        out.extend(std::iter::repeat_n(fill, (width - length) as usize));
        width = length;
    }
    if fill == ' ' {
        if numeric {
            out.extend(sign_char);
        }
        if has_prefix {
            out.extend(&chars[index..index + 2]);
            index += 2;
        }
    }
    if length > 0 {
        out.extend(&chars[index..index + length as usize]);
    }
    if width > length {
        out.extend(std::iter::repeat_n(' ', (width - length) as usize));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::error::PyErrorKind;
    use crate::python::text::fixtures::{self, TestValue};
    use crate::python::text::str_repr::str_repr;
    use serde_json::Value as Json;

    fn run(template: &str, args: &Json) -> Result<String, TextError> {
        if let Some(items) = args.get("tuple") {
            let items: Vec<TestValue> = items
                .as_array()
                .unwrap()
                .iter()
                .map(TestValue::decode)
                .collect();
            return percent_format(template, PercentArgs::Tuple(&items));
        }
        let arg = TestValue::decode(&args["single"]);
        let mut lookup = |key: &str| -> Result<TestValue, TextError> {
            match &arg {
                TestValue::Dict(items) => items
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| TextError {
                        kind: PyErrorKind::KeyError,
                        message: str_repr(key),
                    }),
                _ => Err(TextError::type_error(
                    "list indices must be integers or slices, not str",
                )),
            }
        };
        let is_mapping = matches!(arg, TestValue::Dict(_) | TestValue::List(_));
        let lookup: Option<PercentLookup<'_, TestValue>> =
            if is_mapping { Some(&mut lookup) } else { None };
        percent_format(template, PercentArgs::Single { arg: &arg, lookup })
    }

    #[test]
    fn percent_formatting_matches_cpython() {
        let cases = fixtures::load("percent_format.json");
        let mut failures = Vec::new();
        for case in &cases {
            let template = case[0].as_str().unwrap();
            let expected = fixtures::outcome(&case[2]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(run(template, &case[1]));
            if actual != expected {
                failures.push(format!(
                    "{template:?} % {}: expected {expected:?}, got {actual:?}",
                    case[1]
                ));
            }
        }
        fixtures::report("percent_format.json", cases.len(), &failures);
    }
}
