//! `str.format` and `str.format_map` templates (`"{0!r:>{width}}"`): the
//! markup parser and the rendering loop, with CPython's messages and its
//! order of evaluation.
//!
//! A transcription of CPython 3.11's `Objects/stringlib/unicode_format.h`.
//! CPython parses lazily, field by field, and looks each field up before
//! it parses the next, so an error late in a template only wins when the
//! earlier fields succeeded. [`render_format`] keeps that order by calling
//! back into the interpreter through [`FormatResolver`] as it goes.

use super::char_class::decimal_value;
use super::error::{PyErrorKind, TextError};

/// The first part of a field name: `{0}` / `{}` (an index) or `{name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey<'t> {
    /// A positional argument (explicit or automatically numbered).
    Index(usize),
    /// A keyword argument (or, for `format_map`, a mapping key).
    Name(&'t str),
}

/// One step after the first part of a field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldAccess<'t> {
    /// `.name`: `getattr(value, name)`.
    Attribute(&'t str),
    /// `[3]`: `value[3]` with an int.
    Index(usize),
    /// `[key]`: `value['key']` with a str.
    Key(&'t str),
}

/// The `!r`, `!s`, `!a` conversions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `!s`: `str(value)`.
    Str,
    /// `!r`: `repr(value)`.
    Repr,
    /// `!a`: `ascii(value)`.
    Ascii,
}

/// What [`render_format`] needs from the interpreter.
pub trait FormatResolver {
    /// The interpreter's value type.
    type Value;
    /// The interpreter's error type; text errors convert into it.
    type Error: From<TextError>;
    /// Positional argument `index`; for `.format()` a missing one is
    /// [`replacement_index_error`], for `.format_map()` every call is
    /// [`positional_in_format_map_error`].
    fn positional(&mut self, index: usize) -> Result<Self::Value, Self::Error>;
    /// Keyword argument `name` (`KeyError` when missing).
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Error>;
    /// One `.attr` or `[item]` step.
    fn access(
        &mut self,
        value: Self::Value,
        access: FieldAccess<'_>,
    ) -> Result<Self::Value, Self::Error>;
    /// `str()`, `repr()` or `ascii()` of the value, as a str value.
    fn convert(
        &mut self,
        value: Self::Value,
        conversion: Conversion,
    ) -> Result<Self::Value, Self::Error>;
    /// `format(value, spec)`.
    fn format(&mut self, value: Self::Value, spec: &str) -> Result<String, Self::Error>;
}

/// `IndexError: Replacement index 2 out of range for positional args tuple`.
pub fn replacement_index_error(index: usize) -> TextError {
    TextError {
        kind: PyErrorKind::IndexError,
        message: format!("Replacement index {index} out of range for positional args tuple"),
    }
}

/// `ValueError: Format string contains positional fields` (`format_map`).
pub fn positional_in_format_map_error() -> TextError {
    TextError::value("Format string contains positional fields")
}

/// Renders `template.format(...)`, asking `resolver` for the fields.
///
/// ```
/// use session_playground::python::text::TextError;
/// use session_playground::python::text::str_format::*;
///
/// struct Args(Vec<String>);
/// impl FormatResolver for Args {
///     type Value = String;
///     type Error = TextError;
///     fn positional(&mut self, i: usize) -> Result<String, TextError> {
///         self.0.get(i).cloned().ok_or_else(|| replacement_index_error(i))
///     }
///     fn keyword(&mut self, name: &str) -> Result<String, TextError> { Ok(name.to_uppercase()) }
///     fn access(&mut self, v: String, _: FieldAccess<'_>) -> Result<String, TextError> { Ok(v) }
///     fn convert(&mut self, v: String, _: Conversion) -> Result<String, TextError> { Ok(format!("'{v}'")) }
///     fn format(&mut self, v: String, spec: &str) -> Result<String, TextError> {
///         session_playground::python::text::format_str(&v, spec)
///     }
/// }
/// let mut args = Args(vec!["a".into(), "b".into()]);
/// assert_eq!(render_format("{1}{0!r:>4} {x} {{}}", &mut args).unwrap(), "b 'a' X {}");
/// assert_eq!(render_format("{} {2}", &mut args).unwrap_err().message,
///     "cannot switch from automatic field numbering to manual field specification");
/// ```
pub fn render_format<R: FormatResolver>(
    template: &str,
    resolver: &mut R,
) -> Result<String, R::Error> {
    let chars: Vec<char> = template.chars().collect();
    let mut numbering = AutoNumber::default();
    let mut out = String::new();
    build_string(&chars, resolver, 2, &mut numbering, &mut out)?;
    Ok(out)
}

#[derive(Default)]
struct AutoNumber {
    /// `None` until the first numeric field; then whether numbering is automatic.
    automatic: Option<bool>,
    next: usize,
}

fn build_string<R: FormatResolver>(
    chars: &[char],
    resolver: &mut R,
    depth: u32,
    numbering: &mut AutoNumber,
    out: &mut String,
) -> Result<(), R::Error> {
    if depth == 0 {
        return Err(TextError::value("Max string recursion exceeded").into());
    }
    let mut markup = Markup { chars, pos: 0 };
    while let Some(item) = markup.next()? {
        out.extend(&chars[item.literal.0..item.literal.1]);
        let Some(field) = item.field else { continue };
        let name = &chars[field.name.0..field.name.1];
        let name_text: String = name.iter().collect();
        let mut value = lookup_field(&name_text, resolver, numbering)?;
        if let Some(conversion) = field.conversion {
            let conversion = match conversion {
                's' => Conversion::Str,
                'r' => Conversion::Repr,
                'a' => Conversion::Ascii,
                other => {
                    let code = other as u32;
                    let shown = if code > 32 && code < 127 {
                        other.to_string()
                    } else {
                        format!("\\x{code:x}")
                    };
                    return Err(
                        TextError::value(format!("Unknown conversion specifier {shown}")).into(),
                    );
                }
            };
            value = resolver.convert(value, conversion)?;
        }
        let spec_chars = &chars[field.spec.0..field.spec.1];
        let spec = if field.spec_needs_expanding {
            let mut expanded = String::new();
            build_string(spec_chars, resolver, depth - 1, numbering, &mut expanded)?;
            expanded
        } else {
            spec_chars.iter().collect()
        };
        let text = resolver.format(value, &spec)?;
        out.push_str(&text);
        if out.len() > super::MAX_TEXT_LEN {
            return Err(TextError::memory().into());
        }
    }
    Ok(())
}

/// CPython's `get_field_object`: the first part, then each access in turn.
fn lookup_field<R: FormatResolver>(
    name: &str,
    resolver: &mut R,
    numbering: &mut AutoNumber,
) -> Result<R::Value, R::Error> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let index = parse_index(first)?;
    let is_empty = first.is_empty();
    let mut key = match index {
        Some(index) => FieldKey::Index(index),
        None => FieldKey::Name(first),
    };
    if is_empty || index.is_some() {
        let automatic = *numbering.automatic.get_or_insert(is_empty);
        if automatic && !is_empty {
            return Err(TextError::value(
                "cannot switch from automatic field numbering to manual field specification",
            )
            .into());
        }
        if !automatic && is_empty {
            return Err(TextError::value(
                "cannot switch from manual field specification to automatic field numbering",
            )
            .into());
        }
        if is_empty {
            key = FieldKey::Index(numbering.next);
            numbering.next += 1;
        }
    }
    let mut value = match key {
        FieldKey::Index(index) => resolver.positional(index)?,
        FieldKey::Name(name) => resolver.keyword(name)?,
    };
    while !rest.is_empty() {
        let (access, remaining) = next_access(rest)?;
        rest = remaining;
        value = resolver.access(value, access)?;
    }
    Ok(value)
}

/// CPython's `get_integer` on a whole name: `Some` only if every
/// character is a decimal digit (of any script).
fn parse_index(text: &str) -> Result<Option<usize>, TextError> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for c in text.chars() {
        let Some(digit) = decimal_value(c) else {
            return Ok(None);
        };
        if value > (isize::MAX as usize - digit as usize) / 10 {
            return Err(TextError::value("Too many decimal digits in format string"));
        }
        value = value * 10 + digit as usize;
    }
    Ok(Some(value))
}

/// CPython's `FieldNameIterator_next`.
fn next_access(rest: &str) -> Result<(FieldAccess<'_>, &str), TextError> {
    let (access, remaining) = if let Some(after) = rest.strip_prefix('.') {
        let end = after.find(['.', '[']).unwrap_or(after.len());
        (FieldAccess::Attribute(&after[..end]), &after[end..])
    } else if let Some(after) = rest.strip_prefix('[') {
        let Some(end) = after.find(']') else {
            return Err(TextError::value("Missing ']' in format string"));
        };
        let item = &after[..end];
        let access = match parse_index(item)? {
            Some(index) => FieldAccess::Index(index),
            None => FieldAccess::Key(item),
        };
        (access, &after[end + 1..])
    } else {
        return Err(TextError::value(
            "Only '.' or '[' may follow ']' in format field specifier",
        ));
    };
    let empty = match access {
        FieldAccess::Attribute(name) | FieldAccess::Key(name) => name.is_empty(),
        FieldAccess::Index(_) => false,
    };
    if empty {
        return Err(TextError::value("Empty attribute in format string"));
    }
    Ok((access, remaining))
}

/// One step of CPython's `MarkupIterator`: literal text (as a range of
/// `chars`) and, maybe, a field.
struct MarkupItem {
    literal: (usize, usize),
    field: Option<Field>,
}

struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

struct Markup<'c> {
    chars: &'c [char],
    pos: usize,
}

impl Markup<'_> {
    fn next(&mut self) -> Result<Option<MarkupItem>, TextError> {
        let chars = self.chars;
        let end = chars.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while self.pos < end {
            c = chars[self.pos];
            self.pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= end;
        let mut length = self.pos - start;
        if c == '}' && markup_follows && (at_end || chars[self.pos] != '}') {
            return Err(TextError::value("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup_follows {
            return Err(TextError::value("Single '{' encountered in format string"));
        }
        if !at_end && markup_follows {
            if chars[self.pos] == c {
                // An escaped brace: literal text including one brace, no field.
                self.pos += 1;
                markup_follows = false;
            } else {
                length -= 1;
            }
        }
        let literal = (start, start + length);
        if !markup_follows {
            return Ok(Some(MarkupItem {
                literal,
                field: None,
            }));
        }
        let field = self.parse_field()?;
        Ok(Some(MarkupItem {
            literal,
            field: Some(field),
        }))
    }

    /// CPython's `parse_field`, just after the opening brace.
    fn parse_field(&mut self) -> Result<Field, TextError> {
        let chars = self.chars;
        let end = chars.len();
        let name_start = self.pos;
        let mut c = '\0';
        let mut terminated = false;
        while self.pos < end {
            c = chars[self.pos];
            self.pos += 1;
            match c {
                '{' => return Err(TextError::value("unexpected '{' in field name")),
                '[' => {
                    while self.pos < end && chars[self.pos] != ']' {
                        self.pos += 1;
                    }
                }
                '}' | ':' | '!' => {
                    terminated = true;
                    break;
                }
                _ => {}
            }
        }
        let name = (name_start, self.pos.saturating_sub(1).max(name_start));
        let mut field = Field {
            name,
            conversion: None,
            spec: (self.pos, self.pos),
            spec_needs_expanding: false,
        };
        if !terminated {
            return Err(TextError::value("expected '}' before end of string"));
        }
        if c == '}' {
            return Ok(field);
        }
        if c == '!' {
            if self.pos >= end {
                return Err(TextError::value(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(chars[self.pos]);
            self.pos += 1;
            if self.pos < end {
                let next = chars[self.pos];
                self.pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(TextError::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = self.pos;
        let mut count = 1;
        while self.pos < end {
            let c = chars[self.pos];
            self.pos += 1;
            if c == '{' {
                field.spec_needs_expanding = true;
                count += 1;
            } else if c == '}' {
                count -= 1;
                if count == 0 {
                    field.spec = (spec_start, self.pos - 1);
                    return Ok(field);
                }
            }
        }
        Err(TextError::value("unmatched '{' in format spec"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures::{self, TestValue};
    use crate::python::text::format_spec::{
        format_float, format_int, format_int_named, format_str,
    };
    use crate::python::text::str_repr::{escape_non_ascii, str_repr};

    struct Resolver {
        args: Vec<TestValue>,
        kwargs: Vec<(String, TestValue)>,
        format_map: bool,
    }

    fn key_error(key: String) -> TextError {
        TextError {
            kind: PyErrorKind::KeyError,
            message: key,
        }
    }

    impl FormatResolver for Resolver {
        type Value = TestValue;
        type Error = TextError;
        fn positional(&mut self, index: usize) -> Result<TestValue, TextError> {
            if self.format_map {
                return Err(positional_in_format_map_error());
            }
            self.args
                .get(index)
                .cloned()
                .ok_or_else(|| replacement_index_error(index))
        }
        fn keyword(&mut self, name: &str) -> Result<TestValue, TextError> {
            self.kwargs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(str_repr(name)))
        }
        fn access(
            &mut self,
            value: TestValue,
            access: FieldAccess<'_>,
        ) -> Result<TestValue, TextError> {
            let name = value.type_name();
            match (access, &value) {
                (FieldAccess::Attribute("real"), TestValue::Int(_) | TestValue::Float(_)) => {
                    Ok(value.clone())
                }
                (FieldAccess::Attribute("real"), TestValue::Bool(_, i)) => {
                    Ok(TestValue::Int(i.clone()))
                }
                (FieldAccess::Attribute(attr), _) => Err(TextError {
                    kind: PyErrorKind::AttributeError,
                    message: format!("'{name}' object has no attribute '{attr}'"),
                }),
                (FieldAccess::Index(i), TestValue::List(items)) => {
                    items.get(i).cloned().ok_or_else(|| TextError {
                        kind: PyErrorKind::IndexError,
                        message: "list index out of range".into(),
                    })
                }
                (FieldAccess::Index(i), TestValue::Str(s)) => s
                    .chars()
                    .nth(i)
                    .map(|c| TestValue::Str(c.to_string()))
                    .ok_or_else(|| TextError {
                        kind: PyErrorKind::IndexError,
                        message: "string index out of range".into(),
                    }),
                // The fixtures' dicts have str keys only.
                (FieldAccess::Index(i), TestValue::Dict(_)) => Err(key_error(i.to_string())),
                (FieldAccess::Key(k), TestValue::Dict(items)) => items
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| key_error(str_repr(k))),
                (FieldAccess::Key(_), TestValue::List(_)) => Err(TextError::type_error(
                    "list indices must be integers or slices, not str",
                )),
                (FieldAccess::Key(_), TestValue::Str(_)) => Err(TextError::type_error(
                    "string indices must be integers, not 'str'",
                )),
                _ => Err(TextError::type_error(format!(
                    "'{name}' object is not subscriptable"
                ))),
            }
        }
        fn convert(
            &mut self,
            value: TestValue,
            conversion: Conversion,
        ) -> Result<TestValue, TextError> {
            Ok(TestValue::Str(match conversion {
                Conversion::Str => value.str(),
                Conversion::Repr => value.repr(),
                Conversion::Ascii => escape_non_ascii(&value.repr()),
            }))
        }
        fn format(&mut self, value: TestValue, spec: &str) -> Result<String, TextError> {
            match &value {
                TestValue::Int(i) => format_int(i, spec),
                TestValue::Bool(..) if spec.is_empty() => Ok(value.str()),
                TestValue::Bool(_, i) => format_int_named(i, spec, "bool"),
                TestValue::Float(f) => format_float(*f, spec),
                TestValue::Str(s) => format_str(s, spec),
                _ if spec.is_empty() => Ok(value.str()),
                _ => Err(TextError::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    value.type_name()
                ))),
            }
        }
    }

    #[test]
    fn str_format_matches_cpython() {
        let cases = fixtures::load("str_format.json");
        let mut failures = Vec::new();
        for case in &cases {
            let template = case[0].as_str().unwrap();
            let args: Vec<TestValue> = case[1]
                .as_array()
                .unwrap()
                .iter()
                .map(TestValue::decode)
                .collect();
            let TestValue::Dict(kwargs) = TestValue::decode(&case[2]) else {
                panic!("kwargs is a dict")
            };
            let format_map = case[3].as_bool().unwrap();
            let mut resolver = Resolver {
                args,
                kwargs,
                format_map,
            };
            let expected = fixtures::outcome(&case[4]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(render_format(template, &mut resolver));
            if actual != expected {
                failures.push(format!(
                    "{template:?}: expected {expected:?}, got {actual:?}"
                ));
            }
        }
        fixtures::report("str_format.json", cases.len(), &failures);
    }
}
