//! Python `str` methods over Rust strings, with CPython's semantics: indices
//! count code points, `start`/`end` behave like slice bounds, whitespace and
//! case follow Python's Unicode classes (see [`char_class`](super::char_class)),
//! and errors carry CPython's messages.
//!
//! Each function is the method of the same name (`split` is `str.split`).
//! Optional arguments are `Option`s where Python's default is `None`, and
//! integers are `i64` (the interpreter clamps larger ints before calling).

use super::MAX_TEXT_LEN;
use super::char_class::{
    is_alnum, is_alpha, is_cased, is_decimal, is_digit, is_id_continue, is_id_start, is_lower,
    is_numeric, is_printable, is_space, is_title, is_upper, push_casefold, push_lower, push_title,
    push_upper,
};
use super::error::TextError;

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

fn check_len(len: usize) -> Result<(), TextError> {
    if len > MAX_TEXT_LEN {
        Err(TextError::memory())
    } else {
        Ok(())
    }
}

/// CPython's `ADJUST_INDICES`: slice-style `start`/`end` clamped to
/// `0..=len` (`start` may still exceed `end`, or `len`).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (start.max(0) as usize, end as usize)
}

// ------------------------------------------------------------ splitting

/// `s.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
///
/// ```
/// use session_playground::python::text::str_methods::split;
/// assert_eq!(split("  a  b  c ", None, 1).unwrap(), ["a", "b  c "]);
/// assert_eq!(split("a,b,,c", Some(","), -1).unwrap(), ["a", "b", "", "c"]);
/// assert_eq!(split("a", Some(""), -1).unwrap_err().message, "empty separator");
/// ```
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<String>, TextError> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        None => Ok(split_whitespace(s, limit)),
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s
            .splitn(limit.saturating_add(1), sep)
            .map(str::to_string)
            .collect()),
    }
}

/// `s.rsplit(sep, maxsplit)`.
///
/// ```
/// use session_playground::python::text::str_methods::rsplit;
/// assert_eq!(rsplit("  a  b  c ", None, 1).unwrap(), ["  a  b", "c"]);
/// assert_eq!(rsplit("a.b.c", Some("."), 1).unwrap(), ["a.b", "c"]);
/// ```
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<String>, TextError> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<String> = match sep {
        None => rsplit_whitespace(s, limit),
        Some("") => return Err(empty_separator()),
        Some(sep) => s
            .rsplitn(limit.saturating_add(1), sep)
            .map(str::to_string)
            .collect(),
    };
    if sep.is_some() {
        parts.reverse();
    }
    Ok(parts)
}

fn split_whitespace(s: &str, limit: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == limit {
            parts.push(rest.to_string());
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        parts.push(rest[..end].to_string());
        rest = rest[end..].trim_start_matches(is_space);
    }
    parts
}

fn rsplit_whitespace(s: &str, limit: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if parts.len() == limit {
            parts.push(rest.to_string());
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        parts.push(rest[start..].to_string());
        rest = rest[..start].trim_end_matches(is_space);
    }
    parts.reverse();
    parts
}

/// `s.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`,
/// `\x1c`-`\x1e`, `\x85`, U+2028 and U+2029.
///
/// ```
/// use session_playground::python::text::str_methods::splitlines;
/// assert_eq!(splitlines("a\r\nb\nc", false), ["a", "b", "c"]);
/// assert_eq!(splitlines("a\n", true), ["a\n"]);
/// ```
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((index, c)) = iter.next() {
        if !matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            continue;
        }
        let mut end = index + c.len_utf8();
        if c == '\r' && iter.peek().map(|&(_, next)| next) == Some('\n') {
            iter.next();
            end += 1;
        }
        lines.push(s[start..if keepends { end } else { index }].to_string());
        start = end;
    }
    if start < s.len() {
        lines.push(s[start..].to_string());
    }
    lines
}

/// `s.partition(sep)`.
///
/// ```
/// use session_playground::python::text::str_methods::partition;
/// assert_eq!(partition("k=v=w", "=").unwrap(), ("k".into(), "=".into(), "v=w".into()));
/// ```
pub fn partition(s: &str, sep: &str) -> Result<(String, String, String), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> Result<(String, String, String), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ------------------------------------------------------------ stripping

/// `s.strip(chars)`: Python whitespace when `chars` is `None`.
///
/// ```
/// use session_playground::python::text::str_methods::strip;
/// assert_eq!(strip("\u{3000} x \n", None), "x");
/// assert_eq!(strip("xxhixx", Some("x")), "hi");
/// ```
pub fn strip<'s>(s: &'s str, chars: Option<&str>) -> &'s str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'s>(s: &'s str, chars: Option<&str>) -> &'s str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'s>(s: &'s str, chars: Option<&str>) -> &'s str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'s>(s: &'s str, prefix: &str) -> &'s str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'s>(s: &'s str, suffix: &str) -> &'s str {
    s.strip_suffix(suffix).unwrap_or(s)
}

// ------------------------------------------------------------ case

/// `s.upper()` (full mappings: `ß` → `SS`).
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(&mut out, c));
    out
}

/// `s.lower()`, with the Greek final-sigma rule.
///
/// ```
/// use session_playground::python::text::str_methods::lower;
/// assert_eq!(lower("ΟΔΟΣ ΣΑ"), "οδος σα");
/// ```
pub fn lower(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for index in 0..chars.len() {
        push_lower_in_context(&mut out, &chars, index);
    }
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_casefold(&mut out, c));
    out
}

/// `s.title()`: title-case the first cased character after an uncased one.
///
/// ```
/// use session_playground::python::text::str_methods::title;
/// assert_eq!(title("they're bill's"), "They'Re Bill'S");
/// ```
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (index, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_in_context(&mut out, &chars, index);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: the first character title-cased, the rest lowered.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    if let Some(&first) = chars.first() {
        push_title(&mut out, first);
    }
    for index in 1..chars.len() {
        push_lower_in_context(&mut out, &chars, index);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (index, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower_in_context(&mut out, &chars, index);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// Lower-cases `chars[index]`, choosing `ς` for a word-final capital sigma.
fn push_lower_in_context(out: &mut String, chars: &[char], index: usize) {
    let c = chars[index];
    if c != 'Σ' {
        push_lower(out, c);
        return;
    }
    // Rust's `str::to_lowercase` implements the same Final_Sigma rule as
    // CPython; run it on a window around the sigma and read off the result.
    const WINDOW: usize = 32;
    let before: String = chars[index.saturating_sub(WINDOW)..index].iter().collect();
    let after: String = chars[index + 1..(index + 1 + WINDOW).min(chars.len())]
        .iter()
        .collect();
    let lowered = format!("{before}Σ{after}").to_lowercase();
    let offset = before.to_lowercase().chars().count();
    out.push(lowered.chars().nth(offset).unwrap_or('σ'));
}

// ------------------------------------------------------------ predicates

fn all_nonempty(s: &str, predicate: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(predicate)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}
/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}
/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isupper()`: at least one cased character and no lower or title case.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `s.islower()`: at least one cased character and no upper or title case.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `s.istitle()`.
///
/// ```
/// use session_playground::python::text::str_methods::istitle;
/// assert!(istitle("Hello World"));
/// assert!(!istitle("Hello world"));
/// ```
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_id_start) && chars.all(is_id_continue)
}

// ------------------------------------------------------------ padding

/// `s.center(width, fill)`.
///
/// ```
/// use session_playground::python::text::str_methods::center;
/// assert_eq!(center("ab", 5, '*').unwrap(), "**ab*");
/// assert_eq!(center("abc", 6, '*').unwrap(), "*abc**");
/// ```
pub fn center(s: &str, width: i64, fill: char) -> Result<String, TextError> {
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    let margin = width - len;
    let left = margin / 2 + (margin & width & 1);
    pad(s, left, margin - left, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> Result<String, TextError> {
    let margin = width.saturating_sub(s.chars().count() as i64).max(0);
    pad(s, 0, margin, fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> Result<String, TextError> {
    let margin = width.saturating_sub(s.chars().count() as i64).max(0);
    pad(s, margin, 0, fill)
}

/// `s.zfill(width)`: zeros after a leading sign.
///
/// ```
/// use session_playground::python::text::str_methods::zfill;
/// assert_eq!(zfill("-42", 5).unwrap(), "-0042");
/// ```
pub fn zfill(s: &str, width: i64) -> Result<String, TextError> {
    let len = s.chars().count() as i64;
    if len >= width {
        return Ok(s.to_string());
    }
    let mut out = pad(s, width - len, 0, '0')?;
    let fill = (width - len) as usize;
    if s.starts_with(['+', '-']) {
        let sign = s[..1].to_string();
        out.replace_range(fill..fill + 1, "0");
        out.replace_range(0..1, &sign);
    }
    Ok(out)
}

fn pad(s: &str, left: i64, right: i64, fill: char) -> Result<String, TextError> {
    let (left, right) = (left.max(0) as usize, right.max(0) as usize);
    check_len(s.len().saturating_add(left).saturating_add(right))?;
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `s.expandtabs(tabsize)`.
///
/// ```
/// use session_playground::python::text::str_methods::expandtabs;
/// assert_eq!(expandtabs("a\tbc\td", 4).unwrap(), "a   bc  d");
/// ```
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, TextError> {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let increment = tabsize - column % tabsize;
                column += increment;
                check_len(out.len().saturating_add(increment as usize))?;
                out.extend(std::iter::repeat_n(' ', increment as usize));
            }
        } else {
            column += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    Ok(out)
}

// ------------------------------------------------------------ searching

/// `s.find(sub, start, end)`: the code point index, or `None` (Python's -1).
///
/// ```
/// use session_playground::python::text::str_methods::find;
/// assert_eq!(find("h\u{e9}llo", "l", None, None), Some(2));
/// assert_eq!(find("abc", "", Some(5), None), None);
/// ```
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let chars: Vec<char> = s.chars().collect();
    let needle: Vec<char> = sub.chars().collect();
    let (start, end) = adjust_indices(start, end, chars.len());
    if end < start || end - start < needle.len() {
        return None;
    }
    (start..=end - needle.len()).find(|&i| chars[i..i + needle.len()] == needle[..])
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let chars: Vec<char> = s.chars().collect();
    let needle: Vec<char> = sub.chars().collect();
    let (start, end) = adjust_indices(start, end, chars.len());
    if end < start || end - start < needle.len() {
        return None;
    }
    (start..=end - needle.len())
        .rev()
        .find(|&i| chars[i..i + needle.len()] == needle[..])
}

/// `s.index(sub, start, end)`: like [`find`] but `ValueError: substring not found`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<usize, TextError> {
    find(s, sub, start, end).ok_or_else(|| TextError::value("substring not found"))
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Result<usize, TextError> {
    rfind(s, sub, start, end).ok_or_else(|| TextError::value("substring not found"))
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
///
/// ```
/// use session_playground::python::text::str_methods::count;
/// assert_eq!(count("aaaa", "aa", None, None), 2);
/// assert_eq!(count("abc", "", None, None), 4);
/// ```
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let needle: Vec<char> = sub.chars().collect();
    let (start, end) = adjust_indices(start, end, chars.len());
    if end < start || end - start < needle.len() {
        return 0;
    }
    if needle.is_empty() {
        return end - start + 1;
    }
    let mut found = 0;
    let mut i = start;
    while i + needle.len() <= end {
        if chars[i..i + needle.len()] == needle[..] {
            found += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

/// `s.replace(old, new, count)`; `count < 0` replaces all.
///
/// ```
/// use session_playground::python::text::str_methods::replace;
/// assert_eq!(replace("abc", "", "-", -1).unwrap(), "-a-b-c-");
/// assert_eq!(replace("aaa", "a", "b", 2).unwrap(), "bba");
/// ```
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String, TextError> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let occurrences = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    };
    let replaced = occurrences.min(limit);
    let grown = replaced.saturating_mul(new.len());
    check_len(s.len().saturating_add(grown))?;
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + grown);
        let mut done = 0;
        for c in s.chars() {
            if done < replaced {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < replaced {
            out.push_str(new);
        }
        return Ok(out);
    }
    Ok(s.replacen(old, new, replaced))
}

/// `s.startswith(prefixes, start, end)`; a tuple of prefixes is a slice.
///
/// ```
/// use session_playground::python::text::str_methods::startswith;
/// assert!(startswith("flask", &["fl", "dj"], None, None));
/// assert!(!startswith("abc", &[""], Some(5), None));
/// ```
pub fn startswith(s: &str, prefixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    let chars: Vec<char> = s.chars().collect();
    prefixes
        .iter()
        .any(|prefix| tail_match(&chars, prefix, start, end, false))
}

/// `s.endswith(suffixes, start, end)`.
pub fn endswith(s: &str, suffixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    let chars: Vec<char> = s.chars().collect();
    suffixes
        .iter()
        .any(|suffix| tail_match(&chars, suffix, start, end, true))
}

/// CPython's `tailmatch`.
fn tail_match(
    chars: &[char],
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let needle: Vec<char> = sub.chars().collect();
    let (start, end) = adjust_indices(start, end, chars.len());
    if end < needle.len() || end - needle.len() < start {
        return false;
    }
    if needle.is_empty() {
        return true;
    }
    let from = if at_end { end - needle.len() } else { start };
    chars[from..from + needle.len()] == needle[..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::{Value as Json, json};

    fn opt_i64(value: Option<&Json>) -> Option<i64> {
        value.and_then(Json::as_i64)
    }

    fn strs(value: &Json) -> Vec<String> {
        match value {
            Json::Array(items) => items
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect(),
            other => vec![other.as_str().unwrap().to_string()],
        }
    }

    /// Calls the method named in a fixture case; the result as JSON.
    fn call(method: &str, s: &str, args: &[Json]) -> Result<Json, TextError> {
        let arg_str = |i: usize| args.get(i).and_then(Json::as_str);
        let arg_int =
            |i: usize, default: i64| args.get(i).and_then(Json::as_i64).unwrap_or(default);
        let fill = arg_str(1).and_then(|f| f.chars().next()).unwrap_or(' ');
        Ok(match method {
            "upper" => json!(upper(s)),
            "lower" => json!(lower(s)),
            "title" => json!(title(s)),
            "capitalize" => json!(capitalize(s)),
            "swapcase" => json!(swapcase(s)),
            "casefold" => json!(casefold(s)),
            "isdigit" => json!(isdigit(s)),
            "isalpha" => json!(isalpha(s)),
            "isalnum" => json!(isalnum(s)),
            "isspace" => json!(isspace(s)),
            "isupper" => json!(isupper(s)),
            "islower" => json!(islower(s)),
            "istitle" => json!(istitle(s)),
            "isidentifier" => json!(isidentifier(s)),
            "isdecimal" => json!(isdecimal(s)),
            "isnumeric" => json!(isnumeric(s)),
            "isprintable" => json!(isprintable(s)),
            "isascii" => json!(isascii(s)),
            "splitlines" => json!(splitlines(
                s,
                args.first().and_then(Json::as_bool).unwrap_or(false)
            )),
            "split" => json!(split(s, arg_str(0), arg_int(1, -1))?),
            "rsplit" => json!(rsplit(s, arg_str(0), arg_int(1, -1))?),
            "strip" => json!(strip(s, arg_str(0))),
            "lstrip" => json!(lstrip(s, arg_str(0))),
            "rstrip" => json!(rstrip(s, arg_str(0))),
            "partition" => {
                let (a, b, c) = partition(s, arg_str(0).unwrap())?;
                json!([a, b, c])
            }
            "rpartition" => {
                let (a, b, c) = rpartition(s, arg_str(0).unwrap())?;
                json!([a, b, c])
            }
            "center" => json!(center(s, arg_int(0, 0), fill)?),
            "ljust" => json!(ljust(s, arg_int(0, 0), fill)?),
            "rjust" => json!(rjust(s, arg_int(0, 0), fill)?),
            "zfill" => json!(zfill(s, arg_int(0, 0))?),
            "expandtabs" => json!(expandtabs(s, arg_int(0, 8))?),
            "find" => json!(
                find(
                    s,
                    arg_str(0).unwrap(),
                    opt_i64(args.get(1)),
                    opt_i64(args.get(2))
                )
                .map_or(-1, |i| i as i64)
            ),
            "rfind" => json!(
                rfind(
                    s,
                    arg_str(0).unwrap(),
                    opt_i64(args.get(1)),
                    opt_i64(args.get(2))
                )
                .map_or(-1, |i| i as i64)
            ),
            "index" => json!(index(
                s,
                arg_str(0).unwrap(),
                opt_i64(args.get(1)),
                opt_i64(args.get(2))
            )?),
            "rindex" => json!(rindex(
                s,
                arg_str(0).unwrap(),
                opt_i64(args.get(1)),
                opt_i64(args.get(2))
            )?),
            "count" => json!(count(
                s,
                arg_str(0).unwrap(),
                opt_i64(args.get(1)),
                opt_i64(args.get(2))
            )),
            "replace" => json!(replace(
                s,
                arg_str(0).unwrap(),
                arg_str(1).unwrap(),
                arg_int(2, -1)
            )?),
            "startswith" | "endswith" => {
                let subs = strs(&args[0]);
                let subs: Vec<&str> = subs.iter().map(String::as_str).collect();
                let (start, end) = (opt_i64(args.get(1)), opt_i64(args.get(2)));
                json!(if method == "startswith" {
                    startswith(s, &subs, start, end)
                } else {
                    endswith(s, &subs, start, end)
                })
            }
            "removeprefix" => json!(removeprefix(s, arg_str(0).unwrap())),
            "removesuffix" => json!(removesuffix(s, arg_str(0).unwrap())),
            other => panic!("no such method in the fixtures: {other}"),
        })
    }

    #[test]
    fn str_methods_match_cpython() {
        let cases = fixtures::load("str_methods.json");
        let mut failures = Vec::new();
        for case in &cases {
            let method = case[0].as_str().unwrap();
            let s = case[1].as_str().unwrap();
            let args = case[2].as_array().unwrap();
            let expected = fixtures::outcome(&case[3]).cloned();
            let actual = fixtures::actual(call(method, s, args));
            if actual != expected {
                failures.push(format!(
                    "{s:?}.{method}{args:?}: expected {expected:?}, got {actual:?}"
                ));
            }
        }
        fixtures::report("str_methods.json", cases.len(), &failures);
    }

    #[test]
    fn case_mappings_match_cpython_for_unicode_14() {
        let cases = fixtures::load("case_maps.json");
        let mut failures = Vec::new();
        for case in &cases {
            let c = char::from_u32(case[0].as_u64().unwrap() as u32).unwrap();
            let s = c.to_string();
            let actual = json!([
                case[0],
                upper(&s),
                lower(&s),
                title(&s),
                casefold(&s),
                isupper(&s),
                islower(&s),
                istitle(&s)
            ]);
            if &actual != case {
                failures.push(format!("expected {case}, got {actual}"));
            }
        }
        fixtures::report("case_maps.json", cases.len(), &failures);
    }
}
