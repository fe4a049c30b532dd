//! Pure text and number helpers for the Python interpreter: CPython 3.11's
//! exact output and error messages for the text a Flask app produces.
//!
//! Nothing here knows the interpreter's value type: every function works on
//! plain Rust data (`f64`, `num_bigint::BigInt`, `&str`, a small JSON tree),
//! or reaches values through a small callback trait, and failures are
//! [`TextError`]s naming the Python exception to raise with CPython's
//! message. Every module is checked case by case against fixtures that
//! CPython 3.11 generates (`tests/python_text/generate.py`).
//!
//! Modules, by what they own:
//! - [`float_hex`] — `float.hex()` / `float.fromhex()`.
//! - [`float_repr`] — `repr(float)`, the float layouts behind formatting, `round`, `int(float)`.
//! - [`format_spec`] — the `format()` mini-language for int, float and str.
//! - [`percent_format`] — `str % args`.
//! - [`str_format`] — `str.format` / `str.format_map` templates.
//! - [`str_repr`] — `repr()` / `ascii()` of str and bytes.
//! - [`str_methods`] — the `str` methods (split, strip, case, padding, search, predicates).
//! - [`char_class`] — Python's per-character Unicode classes and case mappings.
//! - [`number_parse`] — `int(text, base)`, `float(text)`, int to text (`str`, `hex`, `oct`, `bin`).
//! - [`codecs`] — `bytes.decode` / `str.encode` for UTF-8, Latin-1, ASCII.
//! - [`json_text`] — `json.dumps` / `json.loads`.
//! - [`civil_time`] — calendar math, `strftime`, `isoformat`, HTTP dates, `timedelta` text.
//! - [`email_date`] — `email.utils.parsedate_to_datetime` (Werkzeug's `parse_date`).
//! - [`iso_parse`] — `datetime.fromisoformat` / `date.fromisoformat`.
//! - [`strptime`] — `datetime.strptime`.
//! - [`url_text`] — `urllib.parse` quoting and query strings.
//! - [`error`] — [`TextError`], the one error type.
//!
//! **Architecture Invariant:** no clock, no randomness, no interpreter
//! types; every entry point returns an error rather than panicking, on any
//! input (`robustness` tests sweep them), and refuses to build text longer
//! than [`MAX_TEXT_LEN`].

pub mod char_class;
pub mod civil_time;
pub mod codecs;
pub mod email_date;
pub mod error;
pub mod float_hex;
pub mod float_repr;
pub mod format_spec;
pub mod iso_parse;
pub mod json_text;
pub mod number_parse;
pub mod percent_format;
pub mod str_format;
pub mod str_methods;
pub mod str_repr;
pub mod strptime;
pub mod url_text;
#[rustfmt::skip]
mod unicode_tables;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod robustness;

/// The longest text (in bytes or code points) a helper will build; past it
/// the helper returns a `MemoryError` instead of allocating (a learner's
/// `format(1, '1000000000')` must not take the page down). Matches the
/// interpreter's default 16 MiB limit.
pub const MAX_TEXT_LEN: usize = 16 * 1024 * 1024;

pub use error::{PyErrorKind, TextError};
pub use float_repr::float_repr;
pub use format_spec::{format_float, format_int, format_str};
pub use json_text::{DumpOptions, Json, dumps, loads};
pub use number_parse::{parse_float, parse_int};
pub use percent_format::{PercentArg, PercentArgs, PercentValue, percent_format};
pub use str_repr::{bytes_repr, str_repr};
