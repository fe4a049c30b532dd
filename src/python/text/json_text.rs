//! `json.dumps` and `json.loads` text exactly as CPython 3.11's `json`
//! module produces and accepts it, over a neutral value tree ([`Json`]).
//!
//! Hand-written rather than `serde_json` because the bytes must match
//! CPython: `", "`/`": "` separators, float repr (`1e+16`), `NaN` and
//! `Infinity`, `\uXXXX` escapes with surrogate pairs, key coercion
//! (`True` → `"true"`), `sort_keys` errors, and the exact `JSONDecodeError`
//! messages with line, column and character position.
//!
//! **Deliberate difference:** a `\uXXXX` escape of a lone surrogate decodes
//! to U+FFFD, because a Rust string cannot hold a lone surrogate.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::error::{PyErrorKind, TextError};
use super::float_repr::float_repr;
use super::number_parse::{int_to_decimal, parse_int};

/// A Python value as `json` sees it.
///
/// [`dumps`] and [`loads`] walk nested values with an explicit stack, so
/// depth costs no native stack there; but dropping, cloning or comparing a
/// `Json` recurses like any Rust tree (about 150 bytes of stack per level
/// in a debug build), which is why `loads` stops at [`MAX_DEPTH`] levels.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `None` / `null`.
    Null,
    /// `True` / `true`.
    Bool(bool),
    /// An `int`.
    Int(BigInt),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(String),
    /// A `list` (or `tuple`, which `json` writes as an array).
    Array(Vec<Json>),
    /// A `dict`, in insertion order. Keys may be any scalar (`dumps`
    /// coerces them); `loads` always produces `Str` keys.
    Object(Vec<(Json, Json)>),
    /// A value `json` cannot encode, by its Python type name (`set`,
    /// `bytes`, `tuple` as a key, ...): `dumps` raises CPython's `TypeError`.
    Opaque(String),
}

/// The keyword arguments of `json.dumps` (the defaults match CPython's).
#[derive(Clone, Debug, PartialEq)]
pub struct DumpOptions {
    /// `skipkeys`: silently drop keys of unsupported types.
    pub skipkeys: bool,
    /// `ensure_ascii`: escape every non-ASCII character.
    pub ensure_ascii: bool,
    /// `allow_nan`: write `NaN`/`Infinity` instead of raising.
    pub allow_nan: bool,
    /// `indent`: `None`, or the string one level of indentation adds (an
    /// int `n` is `" " * n`; see [`DumpOptions::indent_spaces`]).
    pub indent: Option<String>,
    /// `separators`: `(item_separator, key_separator)`, or `None` for the
    /// default (`(", ", ": ")`, or `(",", ": ")` with an indent).
    pub separators: Option<(String, String)>,
    /// `sort_keys`.
    pub sort_keys: bool,
}

impl Default for DumpOptions {
    fn default() -> DumpOptions {
        DumpOptions {
            skipkeys: false,
            ensure_ascii: true,
            allow_nan: true,
            indent: None,
            separators: None,
            sort_keys: false,
        }
    }
}

impl DumpOptions {
    /// The indent string for an integer `indent=n` (negative means none).
    pub fn indent_spaces(n: i64) -> String {
        " ".repeat(n.clamp(0, 1024) as usize)
    }
}

/// `json.dumps(value, **options)`.
///
/// ```
/// use session_playground::python::text::json_text::{dumps, DumpOptions, Json};
/// let tree = Json::Object(vec![
///     (Json::Str("user".into()), Json::Str("ad\u{e9}".into())),
///     (Json::Bool(true), Json::Array(vec![Json::Float(0.5), Json::Null])),
/// ]);
/// assert_eq!(dumps(&tree, &DumpOptions::default()).unwrap(), r#"{"user": "ad\u00e9", "true": [0.5, null]}"#);
/// let compact = DumpOptions { separators: Some((",".into(), ":".into())), ..DumpOptions::default() };
/// assert_eq!(dumps(&tree, &compact).unwrap(), r#"{"user":"ad\u00e9","true":[0.5,null]}"#);
/// ```
pub fn dumps(value: &Json, options: &DumpOptions) -> Result<String, TextError> {
    let (item_separator, key_separator) = match &options.separators {
        Some((item, key)) => (item.as_str(), key.as_str()),
        None if options.indent.is_some() => (",", ": "),
        None => (", ", ": "),
    };
    let mut encoder = Encoder {
        options,
        item_separator,
        key_separator,
        out: String::new(),
        depth: 0,
    };
    encoder.encode(value)?;
    Ok(encoder.out)
}

struct Encoder<'o> {
    options: &'o DumpOptions,
    item_separator: &'o str,
    key_separator: &'o str,
    out: String,
    depth: usize,
}

/// An open container while encoding. The encoder keeps its own stack of
/// these instead of recursing, so a deeply nested value cannot overflow the
/// (small, in wasm) native stack.
enum Open<'v> {
    Array {
        items: &'v [Json],
        next: usize,
    },
    Object {
        entries: Vec<&'v (Json, Json)>,
        next: usize,
        first: bool,
    },
}

impl<'o> Encoder<'o> {
    fn encode<'v>(&mut self, root: &'v Json) -> Result<(), TextError> {
        let mut stack: Vec<Open<'v>> = Vec::new();
        self.open_or_write(root, &mut stack)?;
        while let Some(top) = stack.last_mut() {
            match top {
                Open::Array { items, next } => {
                    let items: &'v [Json] = items;
                    if *next < items.len() {
                        let index = *next;
                        *next += 1;
                        if index > 0 {
                            self.out.push_str(self.item_separator);
                            self.newline_indent();
                        }
                        self.open_or_write(&items[index], &mut stack)?;
                    } else {
                        stack.pop();
                        self.close(']');
                    }
                }
                Open::Object {
                    entries,
                    next,
                    first,
                } => {
                    if *next >= entries.len() {
                        stack.pop();
                        self.close('}');
                        continue;
                    }
                    let (key, value): &'v (Json, Json) = entries[*next];
                    *next += 1;
                    let key_text = match key {
                        Json::Str(s) => s.clone(),
                        Json::Float(f) => self.float(*f)?,
                        Json::Bool(b) => if *b { "true" } else { "false" }.to_string(),
                        Json::Null => "null".to_string(),
                        Json::Int(i) => int_to_decimal(i)?,
                        _ if self.options.skipkeys => continue,
                        other => {
                            return Err(TextError::type_error(format!(
                                "keys must be str, int, float, bool or None, not {}",
                                type_name(other)
                            )));
                        }
                    };
                    if !*first {
                        self.out.push_str(self.item_separator);
                        self.newline_indent();
                    }
                    *first = false;
                    encode_string(&mut self.out, &key_text, self.options.ensure_ascii);
                    self.out.push_str(self.key_separator);
                    self.open_or_write(value, &mut stack)?;
                }
            }
            if self.out.len() > super::MAX_TEXT_LEN {
                return Err(TextError::memory());
            }
        }
        Ok(())
    }

    /// Writes a scalar, or the opening of a container (pushed on `stack`).
    fn open_or_write<'v>(
        &mut self,
        value: &'v Json,
        stack: &mut Vec<Open<'v>>,
    ) -> Result<(), TextError> {
        match value {
            Json::Null => self.out.push_str("null"),
            Json::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => self.out.push_str(&int_to_decimal(i)?),
            Json::Float(f) => {
                let text = self.float(*f)?;
                self.out.push_str(&text);
            }
            Json::Str(s) => encode_string(&mut self.out, s, self.options.ensure_ascii),
            Json::Opaque(name) => {
                return Err(TextError::type_error(format!(
                    "Object of type {name} is not JSON serializable"
                )));
            }
            Json::Array(items) if items.is_empty() => self.out.push_str("[]"),
            Json::Object(entries) if entries.is_empty() => self.out.push_str("{}"),
            Json::Array(items) => {
                self.enter(stack.len())?;
                self.out.push('[');
                self.depth += 1;
                self.newline_indent();
                stack.push(Open::Array { items, next: 0 });
            }
            Json::Object(entries) => {
                self.enter(stack.len())?;
                let mut order: Vec<&(Json, Json)> = entries.iter().collect();
                if self.options.sort_keys {
                    order = sort_entries(order)?;
                }
                self.out.push('{');
                self.depth += 1;
                self.newline_indent();
                stack.push(Open::Object {
                    entries: order,
                    next: 0,
                    first: true,
                });
            }
        }
        Ok(())
    }

    fn enter(&self, open: usize) -> Result<(), TextError> {
        if open >= MAX_DEPTH {
            return Err(TextError {
                kind: PyErrorKind::RecursionError,
                message: "maximum recursion depth exceeded while encoding a JSON object"
                    .to_string(),
            });
        }
        Ok(())
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        self.newline_indent();
        self.out.push(bracket);
    }

    fn float(&self, f: f64) -> Result<String, TextError> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.options.allow_nan {
            // The C encoder (no indent) and the Python one (indent) word this differently.
            let message = "Out of range float values are not JSON compliant";
            return Err(TextError::value(match self.options.indent {
                None => message.to_string(),
                Some(_) => format!("{message}: {}", float_repr(f)),
            }));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn newline_indent(&mut self) {
        if let Some(indent) = &self.options.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(indent);
            }
        }
    }
}

fn type_name(value: &Json) -> &str {
    match value {
        Json::Null => "NoneType",
        Json::Bool(_) => "bool",
        Json::Int(_) => "int",
        Json::Float(_) => "float",
        Json::Str(_) => "str",
        Json::Array(_) => "list",
        Json::Object(_) => "dict",
        Json::Opaque(name) => name,
    }
}

/// `sorted(d.items())` with CPython's comparison order for short lists
/// (run detection, then binary insertion), so that an unorderable pair of
/// keys raises the same `TypeError` CPython's `list.sort` does.
fn sort_entries(mut items: Vec<&(Json, Json)>) -> Result<Vec<&(Json, Json)>, TextError> {
    let less = |a: &Json, b: &Json| -> Result<bool, TextError> {
        key_less(a, b).ok_or_else(|| {
            TextError::type_error(format!(
                "'<' not supported between instances of '{}' and '{}'",
                type_name(a),
                type_name(b)
            ))
        })
    };
    let n = items.len();
    if n < 2 {
        return Ok(items);
    }
    let mut run = 2;
    if less(&items[1].0, &items[0].0)? {
        while run < n && less(&items[run].0, &items[run - 1].0)? {
            run += 1;
        }
        items[..run].reverse();
    } else {
        while run < n && !less(&items[run].0, &items[run - 1].0)? {
            run += 1;
        }
    }
    for start in run..n {
        let pivot = items[start];
        let (mut low, mut high) = (0, start);
        while low < high {
            let middle = low + (high - low) / 2;
            if less(&pivot.0, &items[middle].0)? {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        items[low..=start].rotate_right(1);
    }
    Ok(items)
}

/// `a < b` for dict keys, or `None` when Python would raise `TypeError`.
fn key_less(a: &Json, b: &Json) -> Option<bool> {
    match (a, b) {
        (Json::Str(x), Json::Str(y)) => Some(x.chars().cmp(y.chars()) == Ordering::Less),
        // Two unencodable keys (e.g. tuples) compare in Python; the key
        // check right after sorting reports them, so any answer will do.
        (Json::Opaque(_), Json::Opaque(_)) => Some(false),
        _ => Some(compare_numbers(number(a)?, number(b)?) == Some(Ordering::Less)),
    }
}

enum Number<'a> {
    Int(std::borrow::Cow<'a, BigInt>),
    Float(f64),
}

fn number(value: &Json) -> Option<Number<'_>> {
    match value {
        Json::Int(i) => Some(Number::Int(std::borrow::Cow::Borrowed(i))),
        Json::Bool(b) => Some(Number::Int(std::borrow::Cow::Owned(BigInt::from(*b as u8)))),
        Json::Float(f) => Some(Number::Float(*f)),
        _ => None,
    }
}

/// Exact comparison of Python numbers (`None` when a nan is involved).
fn compare_numbers(a: Number<'_>, b: Number<'_>) -> Option<Ordering> {
    match (a, b) {
        (Number::Int(x), Number::Int(y)) => Some(x.cmp(&y)),
        (Number::Float(x), Number::Float(y)) => x.partial_cmp(&y),
        (Number::Int(x), Number::Float(y)) => compare_int_float(&x, y),
        (Number::Float(x), Number::Int(y)) => compare_int_float(&y, x).map(Ordering::reverse),
    }
}

fn compare_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = num_traits::FromPrimitive::from_f64(f.floor()).unwrap_or_default();
    Some(match i.cmp(&floor) {
        Ordering::Equal if f.fract() != 0.0 => Ordering::Less,
        other => other,
    })
}

/// Writes `text` as a JSON string literal, as CPython's encoder does.
fn encode_string(out: &mut String, text: &str, ensure_ascii: bool) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `json.loads(text)`.
///
/// ```
/// use session_playground::python::text::json_text::{loads, Json};
/// assert_eq!(loads("[1, null]").unwrap(), Json::Array(vec![Json::Int(1.into()), Json::Null]));
/// assert_eq!(loads("").unwrap_err().message, "Expecting value: line 1 column 1 (char 0)");
/// assert_eq!(loads("{\"a\": 1,}").unwrap_err().message,
///     "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)");
/// ```
pub fn loads(text: &str) -> Result<Json, TextError> {
    let chars: Vec<char> = text.chars().collect();
    let decoder = Decoder { chars: &chars };
    if chars.first() == Some(&'\u{feff}') {
        return Err(decoder.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let start = decoder.skip_whitespace(0);
    let (value, end) = match decoder.scan(start)? {
        Scan::Value(value, end) => (value, end),
        Scan::Missing(at) => return Err(decoder.error("Expecting value", at)),
    };
    let end = decoder.skip_whitespace(end);
    if end != chars.len() {
        return Err(decoder.error("Extra data", end));
    }
    Ok(value)
}

/// How deeply `dumps` and `loads` nest containers before raising
/// `RecursionError`, standing in for CPython's recursion limit.
pub const MAX_DEPTH: usize = 990;

struct Decoder<'c> {
    chars: &'c [char],
}

/// CPython's `scan_once` result: a value and the index after it, or
/// `StopIteration(idx)` when no value starts at `idx`.
enum Scan {
    Value(Json, usize),
    Missing(usize),
}

/// An array or object being decoded (an object with the key whose value
/// comes next).
enum Frame {
    Array(Vec<Json>),
    Object(Vec<(Json, Json)>, String),
}

impl Decoder<'_> {
    fn error(&self, message: &str, pos: usize) -> TextError {
        let before = &self.chars[..pos.min(self.chars.len())];
        let line = before.iter().filter(|&&c| c == '\n').count() + 1;
        let column = match before.iter().rposition(|&c| c == '\n') {
            Some(newline) => pos - newline,
            None => pos + 1,
        };
        TextError {
            kind: PyErrorKind::JsonDecodeError,
            message: format!("{message}: line {line} column {column} (char {pos})"),
        }
    }

    fn at(&self, index: usize) -> Option<char> {
        self.chars.get(index).copied()
    }

    fn skip_whitespace(&self, mut index: usize) -> usize {
        while matches!(self.at(index), Some(' ' | '\t' | '\n' | '\r')) {
            index += 1;
        }
        index
    }

    fn matches_word(&self, index: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(offset, c)| self.at(index + offset) == Some(c))
    }

    /// CPython's `scan_once`, with the nesting of arrays and objects kept
    /// on an explicit stack rather than the native one.
    fn scan(&self, index: usize) -> Result<Scan, TextError> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut index = index;
        loop {
            // A value is expected at `index`.
            let (mut value, mut end) = match self.at(index) {
                Some(open @ ('[' | '{')) => {
                    if stack.len() >= MAX_DEPTH {
                        let what = if open == '{' { "object" } else { "array" };
                        return Err(TextError {
                            kind: PyErrorKind::RecursionError,
                            message: format!(
                                "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
                            ),
                        });
                    }
                    let inner = self.skip_whitespace(index + 1);
                    if open == '[' {
                        if self.at(inner) == Some(']') {
                            (Json::Array(Vec::new()), inner + 1)
                        } else {
                            stack.push(Frame::Array(Vec::new()));
                            index = inner;
                            continue;
                        }
                    } else if self.at(inner) == Some('}') {
                        (Json::Object(Vec::new()), inner + 1)
                    } else {
                        let (key, after) = self.key(inner)?;
                        stack.push(Frame::Object(Vec::new(), key));
                        index = after;
                        continue;
                    }
                }
                _ => match self.scalar(index)? {
                    Scan::Value(value, end) => (value, end),
                    Scan::Missing(at) if stack.is_empty() => return Ok(Scan::Missing(at)),
                    Scan::Missing(at) => return Err(self.error("Expecting value", at)),
                },
            };
            // Hand the value to the open containers, closing those that end here.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok(Scan::Value(value, end));
                };
                let after = self.skip_whitespace(end);
                let closer = match top {
                    Frame::Array(items) => {
                        items.push(value);
                        ']'
                    }
                    Frame::Object(entries, key) => {
                        let key = std::mem::take(key);
                        // A repeated key keeps its first position and takes the last value, like a dict.
                        match entries
                            .iter_mut()
                            .find(|(k, _)| matches!(k, Json::Str(s) if *s == key))
                        {
                            Some(entry) => entry.1 = value,
                            None => entries.push((Json::Str(key), value)),
                        }
                        '}'
                    }
                };
                match self.at(after) {
                    Some(c) if c == closer => {
                        value = match stack.pop() {
                            Some(Frame::Array(items)) => Json::Array(items),
                            Some(Frame::Object(entries, _)) => Json::Object(entries),
                            None => Json::Null,
                        };
                        end = after + 1;
                    }
                    Some(',') => {
                        let next = self.skip_whitespace(after + 1);
                        index = match stack.last_mut() {
                            Some(Frame::Object(_, key)) => {
                                let (new_key, value_start) = self.key(next)?;
                                *key = new_key;
                                value_start
                            }
                            _ => next,
                        };
                        break;
                    }
                    _ => return Err(self.error("Expecting ',' delimiter", after)),
                }
            }
        }
    }

    /// An object key at `index`, its `:` and the whitespace after it;
    /// returns the key and where its value starts.
    fn key(&self, index: usize) -> Result<(String, usize), TextError> {
        if self.at(index) != Some('"') {
            return Err(self.error("Expecting property name enclosed in double quotes", index));
        }
        let (key, end) = self.string(index + 1)?;
        let colon = self.skip_whitespace(end);
        if self.at(colon) != Some(':') {
            return Err(self.error("Expecting ':' delimiter", colon));
        }
        Ok((key, self.skip_whitespace(colon + 1)))
    }

    /// A string, constant or number at `index`.
    fn scalar(&self, index: usize) -> Result<Scan, TextError> {
        let Some(first) = self.at(index) else {
            return Ok(Scan::Missing(index));
        };
        let constant = |value: Json, length: usize| Ok(Scan::Value(value, index + length));
        match first {
            '"' => {
                let (text, end) = self.string(index + 1)?;
                return Ok(Scan::Value(Json::Str(text), end));
            }
            'n' if self.matches_word(index, "null") => return constant(Json::Null, 4),
            't' if self.matches_word(index, "true") => return constant(Json::Bool(true), 4),
            'f' if self.matches_word(index, "false") => return constant(Json::Bool(false), 5),
            'N' if self.matches_word(index, "NaN") => return constant(Json::Float(f64::NAN), 3),
            'I' if self.matches_word(index, "Infinity") => {
                return constant(Json::Float(f64::INFINITY), 8);
            }
            '-' if self.matches_word(index, "-Infinity") => {
                return constant(Json::Float(f64::NEG_INFINITY), 9);
            }
            _ => {}
        }
        self.number(index)
    }

    /// CPython's `_match_number_unicode`.
    fn number(&self, start: usize) -> Result<Scan, TextError> {
        let digit = |index: usize| self.at(index).is_some_and(|c| c.is_ascii_digit());
        let mut index = start;
        if self.at(index) == Some('-') {
            index += 1;
        }
        match self.at(index) {
            Some('1'..='9') => {
                index += 1;
                while digit(index) {
                    index += 1;
                }
            }
            Some('0') => index += 1,
            _ => return Ok(Scan::Missing(start)),
        }
        let mut is_float = false;
        if self.at(index) == Some('.') && digit(index + 1) {
            is_float = true;
            index += 2;
            while digit(index) {
                index += 1;
            }
        }
        if matches!(self.at(index), Some('e' | 'E')) && index + 1 < self.chars.len() {
            let exponent_start = index;
            index += 1;
            if matches!(self.at(index), Some('+' | '-')) && index + 1 < self.chars.len() {
                index += 1;
            }
            while digit(index) {
                index += 1;
            }
            if digit(index - 1) {
                is_float = true;
            } else {
                index = exponent_start;
            }
        }
        let text: String = self.chars[start..index].iter().collect();
        let value = if is_float {
            Json::Float(text.parse().unwrap_or(f64::NAN))
        } else {
            Json::Int(parse_int(&text, 10)?)
        };
        Ok(Scan::Value(value, index))
    }

    /// CPython's `scanstring`: `start` is just after the opening quote.
    fn string(&self, start: usize) -> Result<(String, usize), TextError> {
        let begin = start - 1;
        let mut out = String::new();
        let mut index = start;
        loop {
            let Some(c) = self.at(index) else {
                return Err(self.error("Unterminated string starting at", begin));
            };
            match c {
                '"' => return Ok((out, index + 1)),
                '\\' => {}
                c if (c as u32) <= 0x1f => {
                    return Err(self.error("Invalid control character at", index));
                }
                c => {
                    out.push(c);
                    index += 1;
                    continue;
                }
            }
            index += 1;
            let Some(escape) = self.at(index) else {
                return Err(self.error("Unterminated string starting at", begin));
            };
            if escape != 'u' {
                let decoded = match escape {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(self.error("Invalid \\escape", index - 1)),
                };
                out.push(decoded);
                index += 1;
                continue;
            }
            index += 1;
            let end = index + 4;
            if end >= self.chars.len() {
                return Err(self.error("Invalid \\uXXXX escape", index - 1));
            }
            let Some(mut code) = self.hex4(index) else {
                return Err(self.error("Invalid \\uXXXX escape", end - 5));
            };
            index = end;
            if (0xd800..0xdc00).contains(&code)
                && end + 6 < self.chars.len()
                && self.at(end) == Some('\\')
                && self.at(end + 1) == Some('u')
            {
                let Some(low) = self.hex4(end + 2) else {
                    return Err(self.error("Invalid \\uXXXX escape", end + 1));
                };
                if (0xdc00..0xe000).contains(&low) {
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                    index = end + 6;
                }
            }
            // A lone surrogate cannot live in a Rust string; U+FFFD stands in.
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }

    fn hex4(&self, index: usize) -> Option<u32> {
        let mut code = 0;
        for offset in 0..4 {
            code = code * 16 + self.at(index + offset)?.to_digit(16)?;
        }
        Some(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::{Value as Tagged, json};

    fn decode(tagged: &Tagged) -> Json {
        let (tag, inner) = tagged.as_object().unwrap().iter().next().unwrap();
        match tag.as_str() {
            "n" => Json::Null,
            "b" => Json::Bool(inner.as_bool().unwrap()),
            "i" => Json::Int(fixtures::int(inner)),
            "f" => Json::Float(fixtures::float(inner)),
            "s" => Json::Str(inner.as_str().unwrap().to_string()),
            "l" => Json::Array(inner.as_array().unwrap().iter().map(decode).collect()),
            "d" => Json::Object(
                inner
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| (decode(&p[0]), decode(&p[1])))
                    .collect(),
            ),
            _ => Json::Opaque(inner.as_str().unwrap().to_string()),
        }
    }

    fn encode(value: &Json) -> Tagged {
        match value {
            Json::Null => json!({"n": null}),
            Json::Bool(b) => json!({"b": b}),
            Json::Int(i) => json!({"i": i.to_string()}),
            Json::Float(f) => json!({"f": format!("{:016x}", f.to_bits())}),
            Json::Str(s) => json!({"s": s}),
            Json::Array(items) => json!({"l": items.iter().map(encode).collect::<Vec<_>>()}),
            Json::Object(entries) => {
                json!({"d": entries.iter().map(|(k, v)| json!([encode(k), encode(v)])).collect::<Vec<_>>()})
            }
            Json::Opaque(name) => json!({"o": name}),
        }
    }

    fn options(tagged: &Tagged) -> DumpOptions {
        let mut options = DumpOptions::default();
        let flag = |name: &str, default: bool| {
            tagged
                .get(name)
                .and_then(Tagged::as_bool)
                .unwrap_or(default)
        };
        options.skipkeys = flag("skipkeys", false);
        options.ensure_ascii = flag("ensure_ascii", true);
        options.allow_nan = flag("allow_nan", true);
        options.sort_keys = flag("sort_keys", false);
        options.indent = match tagged.get("indent") {
            Some(Tagged::String(s)) => Some(s.clone()),
            Some(n) => n.as_i64().map(DumpOptions::indent_spaces),
            None => None,
        };
        if let Some(pair) = tagged.get("separators") {
            options.separators = Some((
                pair[0].as_str().unwrap().into(),
                pair[1].as_str().unwrap().into(),
            ));
        }
        options
    }

    #[test]
    fn dumps_matches_cpython() {
        let cases = fixtures::load("json_dumps.json");
        let mut failures = Vec::new();
        for case in &cases {
            let tree = decode(&case[0]);
            let expected = fixtures::outcome(&case[2]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(dumps(&tree, &options(&case[1])));
            if actual != expected {
                failures.push(format!(
                    "{} {}: expected {expected:?}, got {actual:?}",
                    case[0], case[1]
                ));
            }
        }
        fixtures::report("json_dumps.json", cases.len(), &failures);
    }

    #[test]
    fn loads_matches_cpython() {
        let cases = fixtures::load("json_loads.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let expected = fixtures::outcome(&case[1]).cloned();
            let actual = fixtures::actual(loads(text)).map(|v| encode(&v));
            if actual != expected {
                failures.push(format!("{text:?}: expected {expected:?}, got {actual:?}"));
            }
        }
        fixtures::report("json_loads.json", cases.len(), &failures);
    }
}
