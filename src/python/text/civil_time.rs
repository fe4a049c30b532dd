//! Calendar arithmetic and the text forms of `datetime` values as CPython
//! 3.11 prints them: proleptic-Gregorian days ↔ (year, month, day),
//! weekdays and ISO weeks, `strftime` (CPython's `%z %Z %f` plus glibc's
//! directives and flags, in the C locale), `isoformat`, `repr`, the HTTP
//! date, and `timedelta`/`timezone` text.
//!
//! Nothing here reads a clock: callers pass instants as microseconds since
//! the Unix epoch, or as fields. **Playground convention:** the "local"
//! time zone is UTC, so `%s` counts seconds as if the fields were UTC.

use super::error::TextError;

/// A naive date and time (CPython's `datetime` fields without `tzinfo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDateTime {
    /// 1..=9999 for Python `datetime`s (wider ranges still compute).
    pub year: i64,
    /// 1..=12.
    pub month: u32,
    /// 1..=31.
    pub day: u32,
    /// 0..=23.
    pub hour: u32,
    /// 0..=59.
    pub minute: u32,
    /// 0..=59.
    pub second: u32,
    /// 0..=999999.
    pub microsecond: u32,
}

const MICROS_PER_DAY: i64 = 86_400_000_000;
use crate::text::calendar::{DAY_NAMES, MONTH_NAMES};
pub use crate::text::calendar::{civil_from_days, days_from_civil, days_in_month, is_leap_year};

/// The English name of `month` (1..=12); out-of-range fields, which a
/// `datetime` never has, read as `???` rather than panicking.
fn month_name(month: u32) -> &'static str {
    MONTH_NAMES
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("???")
}

/// The checks of `datetime(year, month, day, hour, minute, second,
/// microsecond)`, in CPython's order and words (`month must be in 1..12`).
///
/// ```
/// use session_playground::python::text::civil_time::check_datetime_fields;
/// assert!(check_datetime_fields(2024, 2, 29, 0, 0, 0, 0).is_ok());
/// assert_eq!(check_datetime_fields(2023, 2, 29, 0, 0, 0, 0).unwrap_err().message, "day is out of range for month");
/// ```
pub fn check_datetime_fields(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    microsecond: i64,
) -> Result<(), TextError> {
    if !(1..=9999).contains(&year) {
        return Err(TextError::value(format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(TextError::value("month must be in 1..12"));
    }
    if day < 1 || day > days_in_month(year, month as u32) as i64 {
        return Err(TextError::value("day is out of range for month"));
    }
    if !(0..=23).contains(&hour) {
        return Err(TextError::value("hour must be in 0..23"));
    }
    if !(0..=59).contains(&minute) {
        return Err(TextError::value("minute must be in 0..59"));
    }
    if !(0..=59).contains(&second) {
        return Err(TextError::value("second must be in 0..59"));
    }
    if !(0..=999_999).contains(&microsecond) {
        return Err(TextError::value("microsecond must be in 0..999999"));
    }
    Ok(())
}

/// `date.toordinal()`: 0001-01-01 is day 1.
pub fn ymd_to_ordinal(year: i64, month: u32, day: u32) -> i64 {
    days_from_civil(year, month, day) + 719_163
}

/// `date.fromordinal(ordinal)` as (year, month, day).
pub fn ordinal_to_ymd(ordinal: i64) -> (i64, u32, u32) {
    civil_from_days(ordinal - 719_163)
}

/// `date.weekday()`: Monday is 0, Sunday is 6.
pub fn weekday(year: i64, month: u32, day: u32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(year, month, day) + 3).rem_euclid(7) as u32
}

/// The day of the year, 1..=366.
pub fn day_of_year(year: i64, month: u32, day: u32) -> u32 {
    (days_from_civil(year, month, day) - days_from_civil(year, 1, 1) + 1) as u32
}

/// `date.isocalendar()`: (ISO year, ISO week 1..=53, ISO weekday 1..=7).
///
/// ```
/// use session_playground::python::text::civil_time::iso_calendar;
/// assert_eq!(iso_calendar(2024, 12, 30), (2025, 1, 1));
/// ```
pub fn iso_calendar(year: i64, month: u32, day: u32) -> (i64, u32, u32) {
    let days = days_from_civil(year, month, day);
    let iso_weekday = weekday(year, month, day) + 1;
    // The ISO year is the year of this week's Thursday.
    let thursday = days + 4 - iso_weekday as i64;
    let (iso_year, _, _) = civil_from_days(thursday);
    let week = ((thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1) as u32;
    (iso_year, week, iso_weekday)
}

impl CivilDateTime {
    /// The fields of the instant `micros` microseconds after the Unix epoch (UTC).
    ///
    /// ```
    /// use session_playground::python::text::civil_time::CivilDateTime;
    /// let t = CivilDateTime::from_unix_micros(1_700_000_000_000_001);
    /// assert_eq!((t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond), (2023, 11, 14, 22, 13, 20, 1));
    /// assert_eq!(t.to_unix_micros(), 1_700_000_000_000_001);
    /// ```
    pub fn from_unix_micros(micros: i64) -> CivilDateTime {
        let days = micros.div_euclid(MICROS_PER_DAY);
        let in_day = micros.rem_euclid(MICROS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        let seconds = in_day / 1_000_000;
        CivilDateTime {
            year,
            month,
            day,
            hour: (seconds / 3600) as u32,
            minute: (seconds / 60 % 60) as u32,
            second: (seconds % 60) as u32,
            microsecond: (in_day % 1_000_000) as u32,
        }
    }

    /// Microseconds since the Unix epoch, reading the fields as UTC.
    pub fn to_unix_micros(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let seconds = self.hour as i64 * 3600 + self.minute as i64 * 60 + self.second as i64;
        days * MICROS_PER_DAY + seconds * 1_000_000 + self.microsecond as i64
    }

    /// `date.isoformat()`: `YYYY-MM-DD`.
    pub fn date_isoformat(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A UTC offset in microseconds, as `%z`, `isoformat` and `str(timezone)` write it.
fn offset_text(offset_micros: i64, colons: bool) -> String {
    let sign = if offset_micros < 0 { '-' } else { '+' };
    let magnitude = offset_micros.unsigned_abs();
    let (seconds, micros) = (magnitude / 1_000_000, magnitude % 1_000_000);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let colon = if colons { ":" } else { "" };
    let mut text = format!("{sign}{hours:02}{colon}{minutes:02}");
    if seconds != 0 || micros != 0 {
        text.push_str(&format!("{colon}{seconds:02}"));
        if micros != 0 {
            text.push_str(&format!(".{micros:06}"));
        }
    }
    text
}

/// How much of the time `isoformat` writes (its `timespec` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeSpec {
    /// `'auto'`: seconds, plus microseconds when non-zero.
    Auto,
    /// `'hours'`.
    Hours,
    /// `'minutes'`.
    Minutes,
    /// `'seconds'`.
    Seconds,
    /// `'milliseconds'` (truncated, not rounded).
    Milliseconds,
    /// `'microseconds'`.
    Microseconds,
}

impl TimeSpec {
    /// Parses the `timespec` argument, with CPython's error.
    pub fn parse(text: &str) -> Result<TimeSpec, TextError> {
        Ok(match text {
            "auto" => TimeSpec::Auto,
            "hours" => TimeSpec::Hours,
            "minutes" => TimeSpec::Minutes,
            "seconds" => TimeSpec::Seconds,
            "milliseconds" => TimeSpec::Milliseconds,
            "microseconds" => TimeSpec::Microseconds,
            _ => return Err(TextError::value("Unknown timespec value")),
        })
    }
}

/// `datetime.isoformat(sep, timespec)`; `offset_micros` is `utcoffset()`
/// for an aware datetime.
///
/// ```
/// use session_playground::python::text::civil_time::{isoformat, CivilDateTime, TimeSpec};
/// let t = CivilDateTime::from_unix_micros(1_500);
/// assert_eq!(isoformat(&t, 'T', TimeSpec::Auto, Some(0)), "1970-01-01T00:00:00.001500+00:00");
/// assert_eq!(isoformat(&t, ' ', TimeSpec::Minutes, None), "1970-01-01 00:00");
/// ```
pub fn isoformat(
    value: &CivilDateTime,
    sep: char,
    spec: TimeSpec,
    offset_micros: Option<i64>,
) -> String {
    let mut text = format!(
        "{}{sep}{}",
        value.date_isoformat(),
        time_isoformat(value, spec)
    );
    if let Some(offset) = offset_micros {
        text.push_str(&offset_text(offset, true));
    }
    text
}

/// `time.isoformat(timespec)` for the time fields of `value`.
pub fn time_isoformat(value: &CivilDateTime, spec: TimeSpec) -> String {
    let (h, m, s, us) = (value.hour, value.minute, value.second, value.microsecond);
    match spec {
        TimeSpec::Auto if us == 0 => format!("{h:02}:{m:02}:{s:02}"),
        TimeSpec::Auto | TimeSpec::Microseconds => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
        TimeSpec::Hours => format!("{h:02}"),
        TimeSpec::Minutes => format!("{h:02}:{m:02}"),
        TimeSpec::Seconds => format!("{h:02}:{m:02}:{s:02}"),
        TimeSpec::Milliseconds => format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000),
    }
}

/// `repr(datetime)`: `datetime.datetime(2024, 1, 2, 3, 4[, s[, us]][, tzinfo=...])`,
/// with `tzinfo_repr` the repr of the tzinfo, if any (see [`timezone_repr`]).
pub fn datetime_repr(value: &CivilDateTime, tzinfo_repr: Option<&str>) -> String {
    let mut text = format!(
        "datetime.datetime({}, {}, {}, {}, {}",
        value.year, value.month, value.day, value.hour, value.minute
    );
    if value.second != 0 || value.microsecond != 0 {
        text.push_str(&format!(", {}", value.second));
    }
    if value.microsecond != 0 {
        text.push_str(&format!(", {}", value.microsecond));
    }
    if let Some(tzinfo) = tzinfo_repr {
        text.push_str(&format!(", tzinfo={tzinfo}"));
    }
    text.push(')');
    text
}

/// `str(timezone(offset))` / `tzname()`: `UTC`, `UTC+05:30`, `UTC-08:00`.
pub fn timezone_name(offset_micros: i64) -> String {
    if offset_micros == 0 {
        return "UTC".to_string();
    }
    format!("UTC{}", offset_text(offset_micros, true))
}

/// `repr(timezone(offset))`: `datetime.timezone.utc` or
/// `datetime.timezone(datetime.timedelta(seconds=19800))`.
pub fn timezone_repr(offset_micros: i64) -> String {
    if offset_micros == 0 {
        return "datetime.timezone.utc".to_string();
    }
    let (days, seconds, micros) = timedelta_parts(offset_micros as i128).unwrap_or((0, 0, 0));
    format!(
        "datetime.timezone({})",
        timedelta_repr_parts(days, seconds, micros)
    )
}

/// The HTTP date of an instant in whole seconds since the epoch:
/// `Wed, 25 Nov 2026 18:47:13 GMT` (`email.utils.formatdate(usegmt=True)`,
/// Werkzeug's `http_date`, cookie `Expires`).
///
/// ```
/// use session_playground::python::text::civil_time::http_date;
/// assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
/// ```
pub fn http_date(unix_seconds: i64) -> String {
    // The interpreter's instants are microseconds: beyond them the date stays at the last one.
    const LATEST: i64 = i64::MAX / 1_000_000;
    const EARLIEST: i64 = i64::MIN.div_euclid(1_000_000);
    crate::text::calendar::http_date(unix_seconds.clamp(EARLIEST, LATEST))
}

// ------------------------------------------------------------ timedelta

/// Normalizes a duration in microseconds into CPython's `timedelta`
/// fields (days, seconds 0..86400, microseconds 0..1000000), with its
/// `OverflowError` past ±999999999 days.
pub fn timedelta_parts(total_micros: i128) -> Result<(i64, i64, i64), TextError> {
    let per_day = MICROS_PER_DAY as i128;
    let days = total_micros.div_euclid(per_day);
    let rest = total_micros.rem_euclid(per_day);
    if days.abs() > 999_999_999 {
        return Err(TextError::overflow(format!(
            "days={days}; must have magnitude <= 999999999"
        )));
    }
    Ok((
        days as i64,
        (rest / 1_000_000) as i64,
        (rest % 1_000_000) as i64,
    ))
}

/// `str(timedelta)`: `1 day, 2:03:04`, `-1 day, 23:59:59`, `0:00:00.000001`.
///
/// ```
/// use session_playground::python::text::civil_time::timedelta_str;
/// assert_eq!(timedelta_str(-1_000_000).unwrap(), "-1 day, 23:59:59");
/// assert_eq!(timedelta_str(93_784_000_005).unwrap(), "1 day, 2:03:04.000005");
/// ```
pub fn timedelta_str(total_micros: i128) -> Result<String, TextError> {
    let (days, seconds, micros) = timedelta_parts(total_micros)?;
    let mut text = String::new();
    if days != 0 {
        let plural = if days.abs() != 1 { "s" } else { "" };
        text.push_str(&format!("{days} day{plural}, "));
    }
    text.push_str(&format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    ));
    if micros != 0 {
        text.push_str(&format!(".{micros:06}"));
    }
    Ok(text)
}

/// `repr(timedelta)`: `datetime.timedelta(days=1, seconds=5)`, `datetime.timedelta(0)`.
pub fn timedelta_repr(total_micros: i128) -> Result<String, TextError> {
    let (days, seconds, micros) = timedelta_parts(total_micros)?;
    Ok(timedelta_repr_parts(days, seconds, micros))
}

fn timedelta_repr_parts(days: i64, seconds: i64, micros: i64) -> String {
    let mut args = Vec::new();
    if days != 0 {
        args.push(format!("days={days}"));
    }
    if seconds != 0 {
        args.push(format!("seconds={seconds}"));
    }
    if micros != 0 {
        args.push(format!("microseconds={micros}"));
    }
    if args.is_empty() {
        args.push("0".to_string());
    }
    format!("datetime.timedelta({})", args.join(", "))
}

/// `timedelta.total_seconds()`: the exact microsecond count divided by
/// 10**6, correctly rounded.
pub fn timedelta_total_seconds(total_micros: i128) -> f64 {
    // Up to 2^53 the count is exact as a float and 10^6 is too, so one division rounds once,
    // to the same correctly rounded quotient as reading the exact decimal text (every session
    // lifetime is read through here once a request; parsing a float is the slow way there).
    if total_micros.unsigned_abs() <= 1 << 53 {
        return total_micros as f64 / 1e6;
    }
    // Beyond, the count itself would round before the division: divide the exact decimal text.
    let sign = if total_micros < 0 { "-" } else { "" };
    format!("{sign}{}e-6", total_micros.unsigned_abs())
        .parse()
        .unwrap_or(0.0)
}

// ------------------------------------------------------------ strftime

/// What `strftime` knows about the zone of an aware datetime.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneInfo {
    /// `utcoffset()` in microseconds (for `%z`).
    pub offset_micros: i64,
    /// `tzname()` (for `%Z`).
    pub name: String,
}

/// `datetime.strftime(format)` as CPython 3.11 on glibc produces it in the
/// C locale: CPython expands `%z`, `%Z` and `%f` itself (empty for a naive
/// datetime), and glibc the rest, including its flags (`-`, `_`, `0`, `^`,
/// `#`), widths and `E`/`O` modifiers. Years are not zero-padded (`%Y` of
/// year 5 is `5`), as on Linux.
///
/// ```
/// use session_playground::python::text::civil_time::{strftime, CivilDateTime};
/// let t = CivilDateTime::from_unix_micros(1_764_096_433_000_000);
/// assert_eq!(strftime(&t, "%a, %d %b %Y %H:%M:%S", None), "Tue, 25 Nov 2025 18:47:13");
/// assert_eq!(strftime(&t, "%-d/%-m %I%p %j", None), "25/11 06PM 329");
/// ```
pub fn strftime(value: &CivilDateTime, format: &str, zone: Option<&ZoneInfo>) -> String {
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::new();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c != '%' {
            out.push(c);
            index += 1;
            continue;
        }
        // CPython's own pass: `%z`, `%Z`, `%f` right after the `%`.
        match chars.get(index + 1) {
            Some('z') => {
                if let Some(zone) = zone {
                    out.push_str(&offset_text(zone.offset_micros, false));
                }
                index += 2;
                continue;
            }
            Some('Z') => {
                if let Some(zone) = zone {
                    out.push_str(&zone.name);
                }
                index += 2;
                continue;
            }
            Some('f') => {
                out.push_str(&format!("{:06}", value.microsecond));
                index += 2;
                continue;
            }
            _ => {}
        }
        index = glibc_directive(value, &chars, index, &mut out);
    }
    out
}

/// Formats the glibc directive starting at `chars[start] == '%'`; returns
/// the index after it.
fn glibc_directive(value: &CivilDateTime, chars: &[char], start: usize, out: &mut String) -> usize {
    let mut index = start + 1;
    let mut pad: Option<char> = None;
    let mut upper = false;
    let mut change_case = false;
    while let Some(&flag) = chars.get(index) {
        match flag {
            '_' | '-' | '0' => pad = Some(flag),
            '^' => upper = true,
            '#' => change_case = true,
            _ => break,
        }
        index += 1;
    }
    let mut width = 0usize;
    while let Some(digit) = chars.get(index).and_then(|c| c.to_digit(10)) {
        width = width
            .saturating_mul(10)
            .saturating_add(digit as usize)
            .min(1024);
        index += 1;
    }
    let mut modifier = None;
    if let Some(&m @ ('E' | 'O')) = chars.get(index) {
        modifier = Some(m);
        index += 1;
    }
    let Some(&conversion) = chars.get(index) else {
        // glibc copies a directive cut short by the end of the format.
        let literal: String = chars[start..].iter().collect();
        push_padded(out, &literal, width, pad);
        return chars.len();
    };
    let next = index + 1;
    let modifier_ok = match modifier {
        None => true,
        Some('E') => matches!(conversion, 'c' | 'C' | 'x' | 'X' | 'y' | 'Y'),
        _ => matches!(
            conversion,
            'b' | 'B'
                | 'h'
                | 'd'
                | 'e'
                | 'H'
                | 'I'
                | 'm'
                | 'M'
                | 'S'
                | 'U'
                | 'u'
                | 'V'
                | 'W'
                | 'w'
                | 'y'
                | 'k'
                | 'l'
        ),
    };
    let t = value;
    let wday_monday0 = weekday(t.year, t.month, t.day);
    let wday_sunday0 = (wday_monday0 + 1) % 7;
    let yday = day_of_year(t.year, t.month, t.day) as i64 - 1;
    let hour12 = if t.hour.is_multiple_of(12) {
        12
    } else {
        t.hour % 12
    } as i64;
    let (iso_year, iso_week, _) = iso_calendar(t.year, t.month, t.day);
    let number =
        |out: &mut String, digits: usize, value: i64| push_number(out, digits, value, width, pad);
    let spaced = |out: &mut String, digits: usize, value: i64| {
        let pad = if matches!(pad, Some('0' | '-')) {
            pad
        } else {
            Some('_')
        };
        push_number(out, digits, value, width, pad)
    };
    let text = |out: &mut String, text: &str, lower: bool| {
        let cased = if lower {
            text.to_lowercase()
        } else if upper || change_case {
            text.to_uppercase()
        } else {
            text.to_string()
        };
        push_padded(out, &cased, width, pad);
    };
    let sub = |out: &mut String, format: &str| {
        let mut inner = String::new();
        strftime_glibc_only(t, format, &mut inner);
        let inner = if upper { inner.to_uppercase() } else { inner };
        push_padded(out, &inner, width, pad);
    };
    if !modifier_ok {
        let literal: String = chars[start..next].iter().collect();
        push_padded(out, &literal, width, pad);
        return next;
    }
    match conversion {
        'a' => text(out, &DAY_NAMES[wday_monday0 as usize][..3], false),
        'A' => text(out, DAY_NAMES[wday_monday0 as usize], false),
        'b' | 'h' => text(out, &month_name(t.month)[..3], false),
        'B' => text(out, month_name(t.month), false),
        'c' => sub(out, "%a %b %e %H:%M:%S %Y"),
        'C' => number(out, 1, t.year.div_euclid(100)),
        'd' => number(out, 2, t.day as i64),
        'D' | 'x' => sub(out, "%m/%d/%y"),
        'e' => spaced(out, 2, t.day as i64),
        'F' => sub(out, "%Y-%m-%d"),
        'g' => number(out, 2, iso_year.rem_euclid(100)),
        'G' => number(out, 1, iso_year),
        'H' => number(out, 2, t.hour as i64),
        'I' => number(out, 2, hour12),
        'j' => number(out, 3, yday + 1),
        'k' => spaced(out, 2, t.hour as i64),
        'l' => spaced(out, 2, hour12),
        'm' => number(out, 2, t.month as i64),
        'M' => number(out, 2, t.minute as i64),
        'n' => push_padded(out, "\n", width, pad),
        'p' => text(out, if t.hour < 12 { "AM" } else { "PM" }, change_case),
        'P' => text(out, if t.hour < 12 { "am" } else { "pm" }, true),
        'r' => sub(out, "%I:%M:%S %p"),
        'R' => sub(out, "%H:%M"),
        's' => number(out, 1, t.to_unix_micros().div_euclid(1_000_000)),
        'S' => number(out, 2, t.second as i64),
        't' => push_padded(out, "\t", width, pad),
        'T' | 'X' => sub(out, "%H:%M:%S"),
        'u' => number(out, 1, wday_monday0 as i64 + 1),
        'U' => number(out, 2, (yday - wday_sunday0 as i64 + 7) / 7),
        'V' => number(out, 2, iso_week as i64),
        'w' => number(out, 1, wday_sunday0 as i64),
        'W' => number(out, 2, (yday - (wday_sunday0 as i64 - 1 + 7) % 7 + 7) / 7),
        'y' => number(out, 2, t.year.rem_euclid(100)),
        'Y' => number(out, 1, t.year),
        '%' => push_padded(out, "%", width, pad),
        // Reached only with flags or a width before z/Z/f, which CPython
        // does not expand; glibc knows no zone for the naive time tuple.
        'z' | 'Z' => push_padded(out, "", width, pad),
        _ => {
            let literal: String = chars[start..next].iter().collect();
            push_padded(out, &literal, width, pad);
        }
    }
    next
}

/// The glibc layer alone, for the composite directives (`%c`, `%D`, ...).
fn strftime_glibc_only(value: &CivilDateTime, format: &str, out: &mut String) {
    let chars: Vec<char> = format.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        if chars[index] == '%' {
            index = glibc_directive(value, &chars, index, out);
        } else {
            out.push(chars[index]);
            index += 1;
        }
    }
}

/// glibc's `add`: pads `text` to `width` with zeros (flag `0`) or spaces.
fn push_padded(out: &mut String, text: &str, width: usize, pad: Option<char>) {
    let length = text.chars().count();
    if width > length {
        let fill = if pad == Some('0') { '0' } else { ' ' };
        out.extend(std::iter::repeat_n(fill, width - length));
    }
    out.push_str(text);
}

/// glibc's `DO_NUMBER`: at least `digits` digits (zero-padded unless the
/// flag is `_` for spaces or `-` for none), then padded to `width`.
fn push_number(out: &mut String, digits: usize, value: i64, width: usize, pad: Option<char>) {
    let digits = digits.max(width);
    let body = value.unsigned_abs().to_string();
    let negative = value < 0;
    let length = body.len() + usize::from(negative);
    let mut width = width;
    let mut text = String::new();
    if pad != Some('-') && digits > length {
        let padding = digits - length;
        if pad == Some('_') {
            text.extend(std::iter::repeat_n(' ', padding));
            width = width.saturating_sub(padding);
            if negative {
                text.push('-');
            }
        } else {
            if negative {
                text.push('-');
            }
            text.extend(std::iter::repeat_n('0', padding));
            width = 0;
        }
    } else if negative {
        text.push('-');
    }
    text.push_str(&body);
    let fill_pad = if pad == Some('0') { Some('0') } else { None };
    let already = text.chars().count();
    if width > already {
        let fill = if fill_pad == Some('0') { '0' } else { ' ' };
        out.extend(std::iter::repeat_n(fill, width - already));
    }
    out.push_str(&text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::Value as Json;

    /// The division the short path does equals reading the exact decimal text, the way the long
    /// path does, for every count it takes (edges, and a spread of counts up to 2^53).
    #[test]
    fn total_seconds_divides_as_the_exact_decimal_reads() {
        let by_text = |us: i128| -> f64 {
            let sign = if us < 0 { "-" } else { "" };
            format!("{sign}{}e-6", us.unsigned_abs()).parse().unwrap()
        };
        let mut counts = vec![
            0,
            1,
            -1,
            999_999,
            1_000_001,
            2_678_400_000_000,
            (1 << 53) - 1,
            1 << 53,
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let magnitude = (x >> (11 + x % 40)) as i128;
            counts.push(if x & 1 == 0 { magnitude } else { -magnitude });
        }
        for us in counts.iter().flat_map(|&c| [c, -c]) {
            assert_eq!(
                timedelta_total_seconds(us).to_bits(),
                by_text(us).to_bits(),
                "{us}"
            );
        }
    }

    #[test]
    fn datetimes_match_cpython() {
        let cases = fixtures::load("civil_time.json");
        let mut failures = Vec::new();
        for case in &cases {
            let f: Vec<i64> = case["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_i64().unwrap())
                .collect();
            let t = CivilDateTime {
                year: f[0],
                month: f[1] as u32,
                day: f[2] as u32,
                hour: f[3] as u32,
                minute: f[4] as u32,
                second: f[5] as u32,
                microsecond: f[6] as u32,
            };
            let offset = case["offset_us"].as_i64();
            let zone = offset.map(|o| ZoneInfo {
                offset_micros: o,
                name: case["tzname"].as_str().unwrap().to_string(),
            });
            let mut check = |what: &str, actual: Json, expected: &Json| {
                if &actual != expected {
                    failures.push(format!("{f:?} {what}: expected {expected}, got {actual}"));
                }
            };
            check(
                "ordinal",
                Json::from(ymd_to_ordinal(t.year, t.month, t.day)),
                &case["ordinal"],
            );
            check(
                "weekday",
                Json::from(weekday(t.year, t.month, t.day)),
                &case["weekday"],
            );
            let (iy, iw, id) = iso_calendar(t.year, t.month, t.day);
            check(
                "isocalendar",
                serde_json::json!([iy, iw, id]),
                &case["isocalendar"],
            );
            check("unix_us", Json::from(t.to_unix_micros()), &case["unix_us"]);
            let roundtrip = CivilDateTime::from_unix_micros(t.to_unix_micros()) == t;
            check("roundtrip", Json::from(roundtrip), &Json::from(true));
            let format = case["format"].as_str().unwrap();
            check(
                &format!("strftime {format:?}"),
                Json::from(strftime(&t, format, zone.as_ref())),
                &case["strftime"],
            );
            let iso = TimeSpec::parse(case["timespec"].as_str().unwrap()).map(|spec| {
                let sep = case["sep"].as_str().unwrap().chars().next().unwrap();
                isoformat(&t, sep, spec, offset)
            });
            let iso_json = match fixtures::actual(iso) {
                Ok(text) => serde_json::json!({"ok": text}),
                Err((kind, message)) => serde_json::json!({"err": [kind, message]}),
            };
            check("isoformat", iso_json, &case["isoformat"]);
            check(
                "str",
                Json::from(isoformat(&t, ' ', TimeSpec::Auto, offset)),
                &case["str"],
            );
            let tz_repr = offset.map(timezone_repr);
            check(
                "repr",
                Json::from(datetime_repr(&t, tz_repr.as_deref())),
                &case["repr"],
            );
            check(
                "date_iso",
                Json::from(t.date_isoformat()),
                &case["date_iso"],
            );
            match offset {
                None => check(
                    "http_date",
                    Json::from(http_date(t.to_unix_micros().div_euclid(1_000_000))),
                    &case["http_date"],
                ),
                Some(offset) => check("tzname", Json::from(timezone_name(offset)), &case["tzname"]),
            }
        }
        fixtures::report("civil_time.json", cases.len(), &failures);
    }

    #[test]
    fn timedeltas_match_cpython() {
        let cases = fixtures::load("timedelta.json");
        let mut failures = Vec::new();
        for case in &cases {
            let micros: i128 = case[0].as_str().unwrap().parse().unwrap();
            if case[2].is_null() {
                let expected = fixtures::outcome(&case[1]).map(|v| v.as_str().unwrap().to_string());
                let actual = fixtures::actual(timedelta_str(micros));
                if actual != expected {
                    failures.push(format!("{micros}: expected {expected:?}, got {actual:?}"));
                }
                continue;
            }
            let parts = timedelta_parts(micros).map(|(d, s, u)| serde_json::json!([d, s, u]));
            let actual = (
                parts.ok(),
                timedelta_str(micros).ok(),
                timedelta_repr(micros).ok(),
                format!("{:016x}", timedelta_total_seconds(micros).to_bits()),
            );
            let expected = (
                Some(case[1].clone()),
                case[2].as_str().map(String::from),
                case[3].as_str().map(String::from),
                case[4].as_str().unwrap().to_string(),
            );
            if actual != expected {
                failures.push(format!("{micros}: expected {expected:?}, got {actual:?}"));
            }
        }
        fixtures::report("timedelta.json", cases.len(), &failures);
    }
}
