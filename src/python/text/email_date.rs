//! `email.utils.parsedate_to_datetime`: the lenient date parser behind
//! Werkzeug's `parse_date` (and so Flask's tagged-JSON `datetime` values
//! and `If-Modified-Since`-style headers), as CPython 3.11 has it.
//!
//! A transcription of `_parsedate_tz` from `Lib/email/_parseaddr.py`
//! (RFC 2822, RFC 850 and asctime shapes, named and numeric zones,
//! two-digit years), then `datetime(...)` with its range checks.

use num_traits::ToPrimitive;

use super::char_class::is_digit;
use super::civil_time::{CivilDateTime, check_datetime_fields, timedelta_repr};
use super::error::TextError;
use super::number_parse::parse_int;
use super::str_methods::{lower, split, upper};
use crate::text::calendar::{DAY_NAMES, MONTH_ABBREVIATIONS, MONTH_NAMES};

/// The month (1–12) a lower-case English month name or abbreviation names.
fn month_number(name: &str) -> Option<i64> {
    MONTH_ABBREVIATIONS
        .iter()
        .chain(MONTH_NAMES.iter())
        .position(|m| m.to_ascii_lowercase() == name)
        .map(|i| (i % 12) as i64 + 1)
}

/// Whether a lower-case word is a three-letter English day name ("mon" to "sun").
fn is_day_abbreviation(word: &str) -> bool {
    DAY_NAMES
        .iter()
        .any(|d| d[..3].to_ascii_lowercase() == word)
}

const ZONES: [(&str, i64); 14] = [
    ("UT", 0),
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("AST", -400),
    ("ADT", -300),
    ("EST", -500),
    ("EDT", -400),
    ("CST", -600),
    ("CDT", -500),
    ("MST", -700),
    ("MDT", -600),
    ("PST", -800),
    ("PDT", -700),
];

/// `email.utils.parsedate_to_datetime(text)`: the fields and the UTC offset
/// in seconds (`None` for a naive result: no zone, or `-0000`).
///
/// Werkzeug's `parse_date` turns any error into `None` and a naive result
/// into UTC.
///
/// ```
/// use session_playground::python::text::email_date::parsedate_to_datetime;
/// let (t, offset) = parsedate_to_datetime("Wed, 25 Nov 2026 18:47:13 GMT").unwrap();
/// assert_eq!((t.year, t.month, t.day, t.hour, offset), (2026, 11, 25, 18, Some(0)));
/// assert_eq!(parsedate_to_datetime("soon").unwrap_err().message, "Invalid date value or format \"soon\"");
/// ```
pub fn parsedate_to_datetime(text: &str) -> Result<(CivilDateTime, Option<i64>), TextError> {
    let Some(parsed) = parsedate_tz(text) else {
        return Err(TextError::value(format!(
            "Invalid date value or format \"{text}\""
        )));
    };
    let [year, month, day, hour, minute, second] = parsed.fields;
    if let Some(offset) = parsed.offset
        && offset.unsigned_abs() >= 86_400
    {
        return Err(TextError::value(format!(
            "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}.",
            timedelta_repr(offset as i128 * 1_000_000)?
        )));
    }
    check_datetime_fields(year, month, day, hour, minute, second, 0)?;
    let fields = CivilDateTime {
        year,
        month: month as u32,
        day: day as u32,
        hour: hour as u32,
        minute: minute as u32,
        second: second as u32,
        microsecond: 0,
    };
    Ok((fields, parsed.offset))
}

struct Parsed {
    fields: [i64; 6],
    offset: Option<i64>,
}

/// Python's `int()` of a piece, as `_parsedate_tz` uses it.
fn int(text: &str) -> Option<i64> {
    let value = parse_int(text, 10).ok()?;
    // Values past i64 fail datetime's range checks either way.
    Some(
        value
            .to_i64()
            .unwrap_or(if value.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
    )
}

fn last_char(text: &str) -> Option<char> {
    text.chars().last()
}

fn without_last(text: &str) -> String {
    let mut chars = text.chars();
    chars.next_back();
    chars.as_str().to_string()
}

/// `_parsedate_tz`.
fn parsedate_tz(text: &str) -> Option<Parsed> {
    if text.is_empty() {
        return None;
    }
    let mut data: Vec<String> = split(text, None, -1).ok()?;
    if data.is_empty() {
        return None;
    }
    if data[0].ends_with(',') || is_day_abbreviation(&lower(&data[0])) {
        data.remove(0);
    } else if let Some(i) = data[0].rfind(',') {
        data[0] = data[0][i + 1..].to_string();
    }
    if data.len() == 3 {
        let stuff: Vec<String> = data[0].split('-').map(str::to_string).collect();
        if stuff.len() == 3 {
            let rest = data[1..].to_vec();
            data = stuff;
            data.extend(rest);
        }
    }
    if data.len() == 4 {
        let s = data[3].clone();
        let i = s.find('+').or_else(|| s.find('-'));
        match i {
            Some(i) if i > 0 => {
                data.truncate(3);
                data.push(s[..i].to_string());
                data.push(s[i..].to_string());
            }
            _ => data.push(String::new()),
        }
    }
    if data.len() < 5 {
        return None;
    }
    data.truncate(5);
    let [mut dd, mm, mut yy, mut tm, mut tz]: [String; 5] = data.try_into().ok()?;
    if dd.is_empty() || mm.is_empty() || yy.is_empty() {
        return None;
    }
    let mut mm = lower(&mm);
    if month_number(&mm).is_none() {
        let swapped = lower(&dd);
        dd = mm;
        mm = swapped;
    }
    let month = month_number(&mm)?;
    if last_char(&dd) == Some(',') {
        dd = without_last(&dd);
    }
    if yy.find(':').is_some_and(|i| i > 0) {
        std::mem::swap(&mut yy, &mut tm);
    }
    if last_char(&yy) == Some(',') {
        yy = without_last(&yy);
        if yy.is_empty() {
            return None;
        }
    }
    if !yy.chars().next().is_some_and(is_digit) {
        std::mem::swap(&mut yy, &mut tz);
    }
    if last_char(&tm) == Some(',') {
        tm = without_last(&tm);
    }
    let mut pieces: Vec<&str> = tm.split(':').collect();
    let (hours, minutes, seconds) = match pieces.len() {
        2 => (pieces[0], pieces[1], "0"),
        3 => (pieces[0], pieces[1], pieces[2]),
        1 if tm.contains('.') => {
            pieces = tm.split('.').collect();
            match pieces.len() {
                2 => (pieces[0], pieces[1], "0"),
                3 => (pieces[0], pieces[1], pieces[2]),
                _ => return None,
            }
        }
        _ => return None,
    };
    let mut year = int(&yy)?;
    let day = int(&dd)?;
    let hour = int(hours)?;
    let minute = int(minutes)?;
    let second = int(seconds)?;
    if year < 100 {
        year += if year > 68 { 1900 } else { 2000 };
    }
    let tz = upper(&tz);
    let mut offset = match ZONES.iter().find(|(name, _)| *name == tz) {
        Some(&(_, value)) => Some(value),
        None => int(&tz),
    };
    if offset == Some(0) && tz.starts_with('-') {
        offset = None;
    }
    let offset = offset.map(|value| {
        if value == 0 {
            return 0;
        }
        let magnitude = value.unsigned_abs().min(i64::MAX as u64) as i64;
        let seconds = (magnitude / 100)
            .saturating_mul(3600)
            .saturating_add((magnitude % 100) * 60);
        if value < 0 { -seconds } else { seconds }
    });
    Some(Parsed {
        fields: [year, month, day, hour, minute, second],
        offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::json;

    #[test]
    fn email_dates_match_cpython() {
        let cases = fixtures::load("email_dates.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let expected = fixtures::outcome(&case[1]).cloned();
            let actual = fixtures::actual(parsedate_to_datetime(text)).map(|(t, offset)| {
                json!([[t.year, t.month, t.day, t.hour, t.minute, t.second], offset])
            });
            if actual != expected {
                failures.push(format!("{text:?}: expected {expected:?}, got {actual:?}"));
            }
        }
        fixtures::report("email_dates.json", cases.len(), &failures);
    }
}
