//! Python's per-character Unicode classes (`isalpha`, `isdecimal`,
//! `isprintable`, identifiers, ...) and case mappings, as CPython 3.11 has
//! them.
//!
//! The classes come from the generated tables in `unicode_tables.rs`
//! (Unicode 14.0, CPython 3.11's version). Case mappings use Rust's `char`
//! methods, which implement the same full mappings (`ß` → `SS`, final sigma),
//! corrected by the generated title-case and case-fold exceptions.
//! The few characters whose case data changed in later Unicode versions get
//! CPython's values from a generated override table.
//! **Deliberate difference:** for characters first assigned after Unicode
//! 14.0, case mappings and `isupper`/`islower` follow the Unicode version of
//! Rust's standard library, where CPython 3.11 leaves them unchanged.

use super::unicode_tables as tables;

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let code = c as u32;
    ranges
        .binary_search_by(|&(low, high)| {
            if high < code {
                std::cmp::Ordering::Less
            } else if low > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` takes two columns (East Asian Width W or F), as CPython's tracebacks count it when
/// they place their carets under a line.
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && in_ranges(tables::WIDE, c)
}

/// Whether `repr()` shows `c` as itself (`str.isprintable` for one character).
pub fn is_printable(c: char) -> bool {
    in_ranges(tables::PRINTABLE, c)
}

/// `str.isalpha` for one character (categories Lm, Lt, Lu, Ll, Lo).
pub fn is_alpha(c: char) -> bool {
    in_ranges(tables::ALPHA, c)
}

/// The value of a decimal digit (category Nd) of any script, as `int()` reads it.
///
/// ```
/// use session_playground::python::text::char_class::decimal_value;
/// assert_eq!(decimal_value('7'), Some(7));
/// assert_eq!(decimal_value('\u{663}'), Some(3)); // ARABIC-INDIC DIGIT THREE
/// assert_eq!(decimal_value('²'), None);
/// ```
pub fn decimal_value(c: char) -> Option<u32> {
    let code = c as u32;
    let index = tables::DECIMAL_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *tables::DECIMAL_ZEROS.get(index.checked_sub(1)?)?;
    (code - zero < 10).then_some(code - zero)
}

/// `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character (decimal digits plus superscripts etc.).
pub fn is_digit(c: char) -> bool {
    in_ranges(tables::DIGIT, c)
}

/// `str.isnumeric` for one character (digits plus fractions, numerals, ...).
pub fn is_numeric(c: char) -> bool {
    in_ranges(tables::NUMERIC, c)
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `str.isspace` for one character; also what `split()` and `strip()` strip.
pub fn is_space(c: char) -> bool {
    in_ranges(tables::SPACE, c)
}

/// A titlecase letter (category Lt, like `ǅ`).
pub fn is_title(c: char) -> bool {
    in_ranges(tables::TITLE, c)
}

/// An uppercase character (the Unicode `Uppercase` property).
pub fn is_upper(c: char) -> bool {
    case_override(c).map_or_else(|| c.is_uppercase(), |o| o.4)
}

/// A lowercase character (the Unicode `Lowercase` property).
pub fn is_lower(c: char) -> bool {
    case_override(c).map_or_else(|| c.is_lowercase(), |o| o.5)
}

type CaseOverride = (u32, &'static str, &'static str, &'static str, bool, bool);

/// CPython's case data for the few characters whose case changed in a later
/// Unicode version than CPython 3.11's.
fn case_override(c: char) -> Option<&'static CaseOverride> {
    let table = tables::CASE_OVERRIDES;
    table
        .binary_search_by_key(&(c as u32), |o| o.0)
        .ok()
        .map(|i| &table[i])
}

/// A cased character: upper, lower or title case.
pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}

/// Whether `c` may start an identifier (XID_Start or `_`).
pub fn is_id_start(c: char) -> bool {
    in_ranges(tables::ID_START, c)
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_id_continue(c: char) -> bool {
    in_ranges(tables::ID_CONTINUE, c)
}

/// The full upper-case mapping of `c` (one to three characters).
pub fn push_upper(out: &mut String, c: char) {
    match case_override(c) {
        Some(o) => out.push_str(o.1),
        None => out.extend(c.to_uppercase()),
    }
}

/// The full lower-case mapping of `c`, without the final-sigma rule.
pub fn push_lower(out: &mut String, c: char) {
    match case_override(c) {
        Some(o) => out.push_str(o.2),
        None => out.extend(c.to_lowercase()),
    }
}

/// The full title-case mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    if let Some(o) = case_override(c) {
        out.push_str(o.3);
        return;
    }
    match lookup(tables::TITLE_EXCEPTIONS, c) {
        Some(mapped) => out.push_str(mapped),
        None => push_upper(out, c),
    }
}

/// The full case fold of `c` (`str.casefold`).
pub fn push_casefold(out: &mut String, c: char) {
    match lookup(tables::CASEFOLD_EXCEPTIONS, c) {
        Some(mapped) => out.push_str(mapped),
        None => push_lower(out, c),
    }
}

fn lookup(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let code = c as u32;
    table
        .binary_search_by_key(&code, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}
