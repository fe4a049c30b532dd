//! `datetime.fromisoformat` and `date.fromisoformat` as CPython 3.11
//! parses them: extended and basic dates (`2024-01-02`, `20240102`), ISO
//! week dates (`2024-W01-3`), any one-character separator, times from
//! `HH` to `HH:MM:SS.ffffff` (with `.` or `,`, extra digits truncated),
//! and offsets `Z`, `±HH`, `±HH:MM[:SS[.ffffff]]`.
//!
//! A transcription of `Modules/_datetimemodule.c`, which works on a C
//! string and reads the NUL past its end (modelled here by `Units::at`).
//! Positions count code points: a non-ASCII separator is one character,
//! as in CPython.

use super::civil_time::{
    CivilDateTime, check_datetime_fields, civil_from_days, days_from_civil, timedelta_repr, weekday,
};
use super::error::TextError;
use super::str_repr::str_repr;

/// `datetime.fromisoformat(text)`: the fields and, for an aware result,
/// the UTC offset in microseconds.
///
/// ```
/// use session_playground::python::text::iso_parse::datetime_fromisoformat;
/// let (t, offset) = datetime_fromisoformat("2024-01-02T12:30:45.5+05:30").unwrap();
/// assert_eq!((t.year, t.hour, t.microsecond, offset), (2024, 12, 500_000, Some(19_800_000_000)));
/// assert_eq!(datetime_fromisoformat("2024/01/02").unwrap_err().message, "Invalid isoformat string: '2024/01/02'");
/// ```
pub fn datetime_fromisoformat(text: &str) -> Result<(CivilDateTime, Option<i64>), TextError> {
    let invalid = || TextError::value(format!("Invalid isoformat string: {}", str_repr(text)));
    let bytes = Units::new(text);
    let length = bytes.0.len();
    if length < 7 {
        return Err(invalid());
    }
    let separator = find_separator(&bytes, length);
    let (year, month, day) = parse_date(&bytes, 0, separator).ok_or_else(invalid)?;
    let mut time = TimeParts::default();
    let mut offset = None;
    if length > separator {
        let (parsed, zone) = parse_time(&bytes, separator + 1, length).ok_or_else(invalid)?;
        time = parsed;
        offset = zone;
    }
    let offset_micros = match offset {
        None => None,
        // CPython makes `timezone.utc` whenever the whole seconds are zero.
        Some((0, _)) => Some(0),
        Some((seconds, micros)) => {
            let total = seconds * 1_000_000 + micros;
            if total.abs() >= 86_400_000_000 {
                return Err(TextError::value(format!(
                    "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}.",
                    timedelta_repr(total as i128)?
                )));
            }
            Some(total)
        }
    };
    check_datetime_fields(
        year,
        month,
        day,
        time.hour,
        time.minute,
        time.second,
        time.microsecond,
    )?;
    let fields = CivilDateTime {
        year,
        month: month as u32,
        day: day as u32,
        hour: time.hour as u32,
        minute: time.minute as u32,
        second: time.second as u32,
        microsecond: time.microsecond as u32,
    };
    Ok((fields, offset_micros))
}

/// `date.fromisoformat(text)` as (year, month, day).
///
/// ```
/// use session_playground::python::text::iso_parse::date_fromisoformat;
/// assert_eq!(date_fromisoformat("2024-W01-3").unwrap(), (2024, 1, 3));
/// assert!(date_fromisoformat("2024-01-02T00:00").is_err());
/// ```
pub fn date_fromisoformat(text: &str) -> Result<(i64, u32, u32), TextError> {
    let invalid = || TextError::value(format!("Invalid isoformat string: {}", str_repr(text)));
    let units = Units::new(text);
    let length = units.0.len();
    if !matches!(length, 7 | 8 | 10) {
        return Err(invalid());
    }
    let (year, month, day) = parse_date(&units, 0, length).ok_or_else(invalid)?;
    check_datetime_fields(year, month, day, 0, 0, 0, 0)?;
    Ok((year, month as u32, day as u32))
}

/// The text as one unit per code point (ASCII as itself, anything else as
/// 0x80, which no rule accepts), reading NUL past the end like the C code.
struct Units(Vec<u8>);

impl Units {
    fn new(text: &str) -> Units {
        Units(
            text.chars()
                .map(|c| if c.is_ascii() { c as u8 } else { 0x80 })
                .collect(),
        )
    }

    fn at(&self, index: usize) -> u8 {
        self.0.get(index).copied().unwrap_or(0)
    }

    /// Exactly `count` ASCII digits at `index`.
    fn digits(&self, index: usize, count: usize) -> Option<i64> {
        let mut value = 0;
        for offset in 0..count {
            let byte = self.at(index + offset);
            if !byte.is_ascii_digit() {
                return None;
            }
            value = value * 10 + (byte - b'0') as i64;
        }
        Some(value)
    }
}

/// CPython's `_find_isoformat_datetime_separator`.
fn find_separator(bytes: &Units, length: usize) -> usize {
    if length == 7 {
        return 7;
    }
    if bytes.at(4) == b'-' {
        if bytes.at(5) != b'W' {
            return 10;
        }
        if length > 8 && bytes.at(8) == b'-' {
            if length == 9 {
                return usize::MAX;
            }
            if length > 10 && bytes.at(10).is_ascii_digit() {
                return 8;
            }
            return 10;
        }
        return 8;
    }
    if bytes.at(4) == b'W' {
        let mut index = 7;
        while index < length && bytes.at(index).is_ascii_digit() {
            index += 1;
        }
        if index < 9 {
            return index;
        }
        return if index % 2 == 0 { 7 } else { 8 };
    }
    8
}

/// CPython's `parse_isoformat_date`, reading from `start`; `length` is the
/// end of the date part (used for the optional ISO weekday).
fn parse_date(bytes: &Units, start: usize, length: usize) -> Option<(i64, i64, i64)> {
    if length == usize::MAX {
        return None;
    }
    let year = bytes.digits(start, 4)?;
    let mut pos = start + 4;
    let uses_separator = bytes.at(pos) == b'-';
    if uses_separator {
        pos += 1;
    }
    if bytes.at(pos) == b'W' {
        pos += 1;
        let week = bytes.digits(pos, 2)?;
        pos += 2;
        let mut iso_day = 1;
        if pos - start < length {
            if uses_separator {
                if bytes.at(pos) != b'-' {
                    return None;
                }
                pos += 1;
            }
            iso_day = bytes.digits(pos, 1)?;
        }
        return iso_to_ymd(year, week, iso_day);
    }
    let month = bytes.digits(pos, 2)?;
    pos += 2;
    if uses_separator {
        if bytes.at(pos) != b'-' {
            return None;
        }
        pos += 1;
    }
    let day = bytes.digits(pos, 2)?;
    Some((year, month, day))
}

/// CPython's `iso_to_ymd`: an ISO week date to a calendar date.
fn iso_to_ymd(iso_year: i64, week: i64, day: i64) -> Option<(i64, i64, i64)> {
    if !(1..=9999).contains(&iso_year) {
        return None;
    }
    if week <= 0 || week >= 53 {
        // Week 53 exists when the year starts on a Thursday, or on a
        // Wednesday in a leap year.
        let first_weekday = weekday(iso_year, 1, 1);
        let leap = super::civil_time::is_leap_year(iso_year);
        if !(week == 53 && (first_weekday == 3 || (first_weekday == 2 && leap))) {
            return None;
        }
    }
    if day <= 0 || day >= 8 {
        return None;
    }
    // Monday of week 1 is the Monday on or before January 4th.
    let january_4 = days_from_civil(iso_year, 1, 4);
    let week_1_monday = january_4 - weekday(iso_year, 1, 4) as i64;
    let (year, month, day) = civil_from_days(week_1_monday + (week - 1) * 7 + (day - 1));
    Some((year, month as i64, day as i64))
}

#[derive(Default)]
struct TimeParts {
    hour: i64,
    minute: i64,
    second: i64,
    microsecond: i64,
}

/// A UTC offset as CPython parses it: signed whole seconds and signed
/// microseconds.
type ParsedOffset = (i64, i64);

/// CPython's `parse_isoformat_time` over `bytes[start..end]`: the time and
/// the offset, if any.
fn parse_time(
    bytes: &Units,
    start: usize,
    end: usize,
) -> Option<(TimeParts, Option<ParsedOffset>)> {
    let mut zone_pos = start;
    loop {
        if matches!(bytes.at(zone_pos), b'Z' | b'+' | b'-') {
            break;
        }
        zone_pos += 1;
        if zone_pos >= end {
            break;
        }
    }
    let (time, more) = parse_hh_mm_ss_ff(bytes, start, zone_pos)?;
    if zone_pos >= end {
        return if more { None } else { Some((time, None)) };
    }
    if bytes.at(zone_pos) == b'Z' {
        return if bytes.at(zone_pos + 1) != 0 {
            None
        } else {
            Some((time, Some((0, 0))))
        };
    }
    let sign = if bytes.at(zone_pos) == b'-' { -1 } else { 1 };
    let (zone, more) = parse_hh_mm_ss_ff(bytes, zone_pos + 1, end)?;
    if more {
        return None;
    }
    let seconds = sign * (zone.hour * 3600 + zone.minute * 60 + zone.second);
    Some((time, Some((seconds, sign * zone.microsecond))))
}

/// CPython's `parse_hh_mm_ss_ff`: `None` for its negative codes, else the
/// parts and whether text follows (its return value 1).
fn parse_hh_mm_ss_ff(bytes: &Units, start: usize, end: usize) -> Option<(TimeParts, bool)> {
    let mut values = [0i64; 3];
    let mut pos = start;
    let mut has_separator = true;
    for (index, value) in values.iter_mut().enumerate() {
        *value = bytes.digits(pos, 2)?;
        pos += 2;
        let c = bytes.at(pos);
        pos += 1;
        if index == 0 {
            has_separator = c == b':';
        }
        if pos >= end {
            let parts = TimeParts {
                hour: values[0],
                minute: values[1],
                second: values[2],
                microsecond: 0,
            };
            return Some((parts, c != 0));
        } else if has_separator && c == b':' {
            continue;
        } else if c == b'.' || c == b',' {
            break;
        } else if !has_separator {
            pos -= 1;
        } else {
            return None;
        }
    }
    let remaining = end.saturating_sub(pos);
    let to_parse = remaining.min(6);
    if to_parse == 0 {
        return None;
    }
    let mut microsecond = bytes.digits(pos, to_parse)?;
    pos += to_parse;
    microsecond *= 10i64.pow(6 - to_parse as u32);
    while bytes.at(pos).is_ascii_digit() {
        pos += 1;
    }
    let parts = TimeParts {
        hour: values[0],
        minute: values[1],
        second: values[2],
        microsecond,
    };
    Some((parts, bytes.at(pos) != 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::json;

    #[test]
    fn fromisoformat_matches_cpython() {
        let cases = fixtures::load("fromisoformat.json");
        let mut failures = Vec::new();
        for case in &cases {
            let text = case[0].as_str().unwrap();
            let expected = fixtures::outcome(&case[1]).cloned();
            let actual = fixtures::actual(datetime_fromisoformat(text)).map(|(t, offset)| {
                json!([
                    [
                        t.year,
                        t.month,
                        t.day,
                        t.hour,
                        t.minute,
                        t.second,
                        t.microsecond
                    ],
                    offset
                ])
            });
            if actual != expected {
                failures.push(format!(
                    "datetime {text:?}: expected {expected:?}, got {actual:?}"
                ));
            }
            let expected = fixtures::outcome(&case[2]).map(|v| v.as_str().unwrap().to_string());
            let actual = fixtures::actual(date_fromisoformat(text)).map(|(y, m, d)| {
                CivilDateTime {
                    year: y,
                    month: m,
                    day: d,
                    hour: 0,
                    minute: 0,
                    second: 0,
                    microsecond: 0,
                }
                .date_isoformat()
            });
            if actual != expected {
                failures.push(format!(
                    "date {text:?}: expected {expected:?}, got {actual:?}"
                ));
            }
        }
        fixtures::report("fromisoformat.json", cases.len(), &failures);
    }
}
