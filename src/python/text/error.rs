//! The one error type every text helper returns: which Python exception to
//! raise and CPython's exact message for it.
//!
//! The helpers cannot build interpreter exceptions (this folder knows nothing
//! of the interpreter's values), so they hand back the exception class as a
//! kind plus the message text; the interpreter turns that into a real
//! exception object.

use std::fmt;

/// The Python exception class a [`TextError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyErrorKind {
    /// `ValueError`, e.g. a bad format specifier or an unparsable literal.
    ValueError,
    /// `TypeError`, e.g. `%d` given a `str`.
    TypeError,
    /// `OverflowError`, e.g. `round(1e308, -308)` or `%c` out of range.
    OverflowError,
    /// `KeyError`, e.g. a missing `%(name)s` key.
    KeyError,
    /// `IndexError`, e.g. `'{1}'.format(0)`.
    IndexError,
    /// `AttributeError` (raised by callbacks, e.g. `'{0.x}'.format(1)`).
    AttributeError,
    /// `JSONDecodeError` (a `ValueError` subclass) from `json.loads`.
    JsonDecodeError,
    /// `UnicodeDecodeError` from `bytes.decode`.
    UnicodeDecodeError,
    /// `UnicodeEncodeError` from `str.encode`.
    UnicodeEncodeError,
    /// `LookupError`: an unknown encoding or error handler name.
    LookupError,
    /// `RecursionError`, e.g. `json.loads` of very deeply nested arrays.
    RecursionError,
    /// `MemoryError`: the result would exceed the playground's size limit
    /// ([`MAX_TEXT_LEN`](super::MAX_TEXT_LEN)); raised before allocating.
    MemoryError,
}

impl PyErrorKind {
    /// The class name as CPython prints it in a traceback.
    pub fn name(self) -> &'static str {
        match self {
            PyErrorKind::ValueError => "ValueError",
            PyErrorKind::TypeError => "TypeError",
            PyErrorKind::OverflowError => "OverflowError",
            PyErrorKind::KeyError => "KeyError",
            PyErrorKind::IndexError => "IndexError",
            PyErrorKind::AttributeError => "AttributeError",
            PyErrorKind::JsonDecodeError => "JSONDecodeError",
            PyErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
            PyErrorKind::UnicodeEncodeError => "UnicodeEncodeError",
            PyErrorKind::LookupError => "LookupError",
            PyErrorKind::RecursionError => "RecursionError",
            PyErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A failure of a text helper: the exception class and CPython's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    /// Which exception class to raise.
    pub kind: PyErrorKind,
    /// The message exactly as CPython words it (`str(exc)`).
    pub message: String,
}

impl TextError {
    /// A `ValueError` with the given message.
    pub fn value(message: impl Into<String>) -> TextError {
        TextError {
            kind: PyErrorKind::ValueError,
            message: message.into(),
        }
    }
    /// A `TypeError` with the given message.
    pub fn type_error(message: impl Into<String>) -> TextError {
        TextError {
            kind: PyErrorKind::TypeError,
            message: message.into(),
        }
    }
    /// An `OverflowError` with the given message.
    pub fn overflow(message: impl Into<String>) -> TextError {
        TextError {
            kind: PyErrorKind::OverflowError,
            message: message.into(),
        }
    }
}

impl TextError {
    /// The `MemoryError` raised when a result would be too large.
    pub fn memory() -> TextError {
        TextError {
            kind: PyErrorKind::MemoryError,
            message: String::new(),
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for TextError {}
