//! The playground's stand-in for `unicode_names2` (patched in through `[patch.crates-io]`).
//!
//! ruff's parser calls [`character`] to resolve `"\N{NAME}"` escapes. The real crate's tables
//! cost ~500 KB of wasm (more than 40% of the page), so only the names that Unicode derives by
//! rule are known here (`CJK UNIFIED IDEOGRAPH-4E00` and the compatibility ideographs, with the
//! ranges and spelling rules read from CPython 3.11 by `generate.py`); any other name is
//! "unknown", and the parser then reports CPython's own error for an unknown name. This is a
//! deliberate, documented difference from CPython (see the project's ARCHITECTURE.md).

mod ranges;

/// The character called `name`, for the names Unicode derives by rule; `None` otherwise.
///
/// ```
/// assert_eq!(unicode_names2::character("CJK UNIFIED IDEOGRAPH-4E00"), Some('\u{4E00}'));
/// assert_eq!(unicode_names2::character("CJK UNIFIED IDEOGRAPH-04E00"), Some('\u{4E00}'));
/// // CPython 3.11 rejects these spellings too.
/// assert_eq!(unicode_names2::character("cjk unified ideograph-4E00"), None);
/// assert_eq!(unicode_names2::character("CJK UNIFIED IDEOGRAPH-4e00"), None);
/// assert_eq!(unicode_names2::character("CJK UNIFIED IDEOGRAPH-0041"), None);
/// // Names from the tables are not known here (CPython knows this one).
/// assert_eq!(unicode_names2::character("SNOWMAN"), None);
/// ```
pub fn character(name: &str) -> Option<char> {
    let tables = [
        ("CJK UNIFIED IDEOGRAPH-", ranges::CJK_UNIFIED),
        ("CJK COMPATIBILITY IDEOGRAPH-", ranges::CJK_COMPATIBILITY),
    ];
    for (prefix, ranges) in tables {
        let Some(hex) = name.strip_prefix(prefix) else { continue };
        let uppercase_hex = hex.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'A'..=b'F'));
        if !(4..=5).contains(&hex.len()) || !uppercase_hex {
            return None;
        }
        let code = u32::from_str_radix(hex, 16).ok()?;
        let named = ranges.iter().any(|&(first, last)| (first..=last).contains(&code));
        return if named { char::from_u32(code) } else { None };
    }
    None
}
