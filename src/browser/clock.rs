//! The virtual clock: the one notion of "now" for the whole playground.
//!
//! Time is a Unix timestamp in whole seconds (`i64`, UTC). The clock starts at a settable instant
//! (by default 2026-01-01T00:00:00Z) and moves only when a learner or a scenario advances it, so
//! replaying the same actions reproduces every expiry decision. **Architecture invariant:** nothing
//! in the browser layer reads the wall clock; every time-dependent function takes `now: i64`.
//!
//! Calendar arithmetic is [`crate::text::calendar`] (the playground's own, shared by every layer;
//! a date crate would add weight to the wasm build for no gain).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::calendar;

/// 2026-01-01T00:00:00Z, the instant every new playground starts at.
pub const DEFAULT_START: i64 = 1_767_225_600;

/// The earliest instant the clock can show: 0000-01-01T00:00:00Z.
pub const MIN_INSTANT: i64 = -62_167_219_200;
/// The latest instant the clock can show: 9999-12-31T23:59:59Z.
pub const MAX_INSTANT: i64 = 253_402_300_799;

/// The playground's clock. It never moves on its own.
///
/// ```
/// use session_playground::browser::VirtualClock;
/// let mut clock = VirtualClock::default();
/// assert_eq!(clock.to_string(), "2026-01-01T00:00:00Z");
/// clock.advance_by("31d 1s").unwrap();
/// assert_eq!(clock.to_string(), "2026-02-01T00:00:01Z");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VirtualClock {
    now: i64,
}

impl Default for VirtualClock {
    fn default() -> Self {
        VirtualClock { now: DEFAULT_START }
    }
}

impl VirtualClock {
    /// A clock showing `unix_seconds`, clamped to years 0000–9999 so it can always be printed.
    pub fn at(unix_seconds: i64) -> Self {
        VirtualClock {
            now: unix_seconds.clamp(MIN_INSTANT, MAX_INSTANT),
        }
    }

    /// A clock showing an instant written `YYYY-MM-DDTHH:MM:SSZ`.
    ///
    /// ```
    /// use session_playground::browser::VirtualClock;
    /// assert_eq!(VirtualClock::parse("1970-01-01T00:01:00Z").unwrap().now(), 60);
    /// assert!(VirtualClock::parse("2026-02-30T00:00:00Z").is_err());
    /// ```
    pub fn parse(instant: &str) -> Result<Self, ClockError> {
        parse_instant(instant).map(VirtualClock::at)
    }

    /// The current virtual time in Unix seconds.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Moves the clock to `unix_seconds` (backwards too: rewinding a lesson is allowed).
    pub fn set(&mut self, unix_seconds: i64) {
        *self = VirtualClock::at(unix_seconds);
    }

    /// Moves the clock forward by `seconds` (saturating at 9999-12-31T23:59:59Z).
    pub fn advance(&mut self, seconds: u64) {
        let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
        self.set(self.now.saturating_add(seconds));
    }

    /// Moves the clock forward by a written duration such as `"90s"`, `"2h"` or `"31d 1s"`,
    /// returning the number of seconds advanced.
    pub fn advance_by(&mut self, duration: &str) -> Result<u64, ClockError> {
        let seconds = parse_duration(duration)?;
        self.advance(seconds);
        Ok(seconds)
    }
}

impl fmt::Display for VirtualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_instant(self.now))
    }
}

/// Why a duration or an instant could not be read. Wording lives in `Display`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockError {
    /// The duration text was empty or only spaces.
    EmptyDuration,
    /// A part of a duration did not look like `<digits><unit>`.
    BadDurationPart {
        /// The offending part as written.
        part: String,
    },
    /// A part used a unit other than `s`, `m`, `h`, `d`, `w`.
    UnknownUnit {
        /// The offending part as written.
        part: String,
    },
    /// The total does not fit the clock's range.
    DurationTooLong,
    /// An instant was not written `YYYY-MM-DDTHH:MM:SSZ` or names no real date.
    BadInstant {
        /// The text as written.
        text: String,
    },
}

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClockError::EmptyDuration => {
                f.write_str("empty duration: write e.g. \"90s\", \"15m\", \"2h\", \"31d 1s\"")
            }
            ClockError::BadDurationPart { part } => write!(
                f,
                "\"{part}\" is not a duration: write a number followed by s, m, h, d or w, e.g. \"90s\""
            ),
            ClockError::UnknownUnit { part } => write!(
                f,
                "\"{part}\" has an unknown unit: use s (seconds), m (minutes), h (hours), d (days) or w (weeks)"
            ),
            ClockError::DurationTooLong => f.write_str("duration too long for the clock"),
            ClockError::BadInstant { text } => write!(
                f,
                "\"{text}\" is not an instant: write YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-01-01T00:00:00Z"
            ),
        }
    }
}

impl std::error::Error for ClockError {}

/// Reads a duration: one or more `<digits><unit>` parts separated by spaces, units `s`, `m`, `h`,
/// `d`, `w` (a bare number means seconds).
///
/// ```
/// use session_playground::browser::clock::parse_duration;
/// assert_eq!(parse_duration("90s"), Ok(90));
/// assert_eq!(parse_duration("31d 1s"), Ok(31 * 86_400 + 1));
/// assert!(parse_duration("soon").is_err());
/// ```
pub fn parse_duration(text: &str) -> Result<u64, ClockError> {
    let mut total: u64 = 0;
    let mut parts = 0;
    for part in text.split_ascii_whitespace() {
        parts += 1;
        let digits_end = part
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(part.len());
        let (digits, unit) = part.split_at(digits_end);
        if digits.is_empty() {
            return Err(ClockError::BadDurationPart {
                part: part.to_string(),
            });
        }
        let count: u64 = digits.parse().map_err(|_| ClockError::DurationTooLong)?;
        let scale: u64 = match unit {
            "" | "s" => 1,
            "m" => 60,
            "h" => 3_600,
            "d" => 86_400,
            "w" => 604_800,
            _ if unit.chars().all(|c| c.is_ascii_alphabetic()) => {
                return Err(ClockError::UnknownUnit {
                    part: part.to_string(),
                });
            }
            _ => {
                return Err(ClockError::BadDurationPart {
                    part: part.to_string(),
                });
            }
        };
        total = count
            .checked_mul(scale)
            .and_then(|seconds| total.checked_add(seconds))
            .ok_or(ClockError::DurationTooLong)?;
    }
    if parts == 0 {
        return Err(ClockError::EmptyDuration);
    }
    Ok(total)
}

/// Writes an instant as `YYYY-MM-DDTHH:MM:SSZ` (clamped to years 0000–9999).
///
/// ```
/// use session_playground::browser::clock::format_instant;
/// assert_eq!(format_instant(1_767_225_600), "2026-01-01T00:00:00Z");
/// assert_eq!(format_instant(-1), "1969-12-31T23:59:59Z");
/// ```
pub fn format_instant(unix_seconds: i64) -> String {
    let t = calendar::UtcTime::at(unix_seconds.clamp(MIN_INSTANT, MAX_INSTANT));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

/// Reads an instant written exactly `YYYY-MM-DDTHH:MM:SSZ`.
pub fn parse_instant(text: &str) -> Result<i64, ClockError> {
    let bad = || ClockError::BadInstant {
        text: text.to_string(),
    };
    let bytes = text.as_bytes();
    if bytes.len() != 20 {
        return Err(bad());
    }
    let shape_ok = bytes.iter().enumerate().all(|(index, &byte)| match index {
        4 | 7 => byte == b'-',
        10 => byte == b'T',
        13 | 16 => byte == b':',
        19 => byte == b'Z',
        _ => byte.is_ascii_digit(),
    });
    if !shape_ok {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| -> i64 {
        bytes[range]
            .iter()
            .fold(0, |acc, &digit| acc * 10 + i64::from(digit - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let (hour, minute, second) = (number(11..13), number(14..16), number(17..19));
    if hour > 23 || minute > 59 || second > 59 {
        return Err(bad());
    }
    let days = days_from_civil_checked(year, month, day).ok_or_else(bad)?;
    Ok(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date, or `None` if the date does not exist
/// (month 13, February 30th, ...).
pub(crate) fn days_from_civil_checked(year: i64, month: i64, day: i64) -> Option<i64> {
    if !(1..=12).contains(&month)
        || day < 1
        || day > i64::from(calendar::days_in_month(year, month as u32))
    {
        return None;
    }
    Some(calendar::days_from_civil(year, month as u32, day as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_clock_starts_at_2026() {
        assert_eq!(VirtualClock::default().to_string(), "2026-01-01T00:00:00Z");
        assert_eq!(parse_instant("2026-01-01T00:00:00Z"), Ok(DEFAULT_START));
    }

    #[test]
    fn format_and_parse_are_inverse_over_a_wide_range() {
        let mut t = MIN_INSTANT;
        while t < MAX_INSTANT {
            assert_eq!(parse_instant(&format_instant(t)), Ok(t), "{t}");
            t += 86_399 * 37 + 12_345;
        }
        assert_eq!(format_instant(MAX_INSTANT), "9999-12-31T23:59:59Z");
        assert_eq!(format_instant(MIN_INSTANT), "0000-01-01T00:00:00Z");
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(parse_instant("2024-02-29T00:00:00Z").is_ok());
        assert!(parse_instant("2000-02-29T00:00:00Z").is_ok());
        assert!(parse_instant("2100-02-29T00:00:00Z").is_err());
        assert!(parse_instant("2026-04-31T00:00:00Z").is_err());
    }

    #[test]
    fn instants_must_be_exactly_shaped() {
        for text in [
            "",
            "2026-01-01",
            "2026-01-01T00:00:00",
            "2026-01-01 00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:60:00Z",
            "２026-01-01T00:00:00Z",
            "2026-01-01T00:00:00+00:00",
        ] {
            let error = parse_instant(text).unwrap_err();
            assert!(error.to_string().contains("YYYY-MM-DDTHH:MM:SSZ"), "{text}");
        }
    }

    #[test]
    fn durations_accept_every_unit_and_combinations() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("15m"), Ok(900));
        assert_eq!(parse_duration("2h"), Ok(7_200));
        assert_eq!(parse_duration("31d"), Ok(2_678_400));
        assert_eq!(parse_duration("31d 1s"), Ok(2_678_401));
        assert_eq!(parse_duration("  1w  2d "), Ok(9 * 86_400));
        assert_eq!(parse_duration("42"), Ok(42));
    }

    #[test]
    fn durations_explain_their_errors() {
        assert_eq!(parse_duration(""), Err(ClockError::EmptyDuration));
        assert_eq!(parse_duration("   "), Err(ClockError::EmptyDuration));
        assert_eq!(
            parse_duration("5y"),
            Err(ClockError::UnknownUnit { part: "5y".into() })
        );
        assert_eq!(
            parse_duration("d5"),
            Err(ClockError::BadDurationPart { part: "d5".into() })
        );
        assert_eq!(
            parse_duration("1.5h"),
            Err(ClockError::BadDurationPart {
                part: "1.5h".into()
            })
        );
        assert_eq!(
            parse_duration("-5s"),
            Err(ClockError::BadDurationPart { part: "-5s".into() })
        );
        assert_eq!(
            parse_duration("99999999999999999999999s"),
            Err(ClockError::DurationTooLong)
        );
        assert_eq!(
            parse_duration("9999999999999999999d"),
            Err(ClockError::DurationTooLong)
        );
        assert_eq!(
            ClockError::UnknownUnit { part: "5y".into() }.to_string(),
            "\"5y\" has an unknown unit: use s (seconds), m (minutes), h (hours), d (days) or w (weeks)"
        );
    }

    #[test]
    fn advancing_saturates_at_the_last_printable_instant() {
        let mut clock = VirtualClock::default();
        clock.advance(u64::MAX);
        assert_eq!(clock.now(), MAX_INSTANT);
        assert_eq!(clock.to_string(), "9999-12-31T23:59:59Z");
        assert_eq!(VirtualClock::at(i64::MIN).now(), MIN_INSTANT);
    }
}
