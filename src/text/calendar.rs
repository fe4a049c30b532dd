//! The proleptic Gregorian calendar, as Python's `datetime`, Werkzeug and Chromium count it,
//! written from the calendar's rules.
//!
//! Days are counted from 1970-01-01 (day 0; negative before it). Both directions count in
//! years that begin on the 1st of March, so that the leap day, when there is one, is the last
//! day of its counting year: then the months' lengths from March on never change, and only the
//! year's length depends on the leap rule (every 4th year, except centuries, except every 4th
//! century).

/// "Jan" to "Dec".
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "January" to "December".
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Monday" to "Sunday" (Python's weekday order: Monday is 0).
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days from 0000-03-01 (the start of counting year 0) to 1970-01-01.
const EPOCH_FROM_MARCH_0000: i64 = 719_468;

/// The lengths of the months of a counting year: March, April, ..., January, and February as
/// long as it can be (the leap day ends the year).
const COUNTING_MONTHS: [i64; 12] = [31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 29];

/// Whether `year` has a 29th of February.
///
/// ```
/// use session_playground::text::calendar::is_leap_year;
/// assert!(is_leap_year(2024) && is_leap_year(2000) && !is_leap_year(1900) && !is_leap_year(2026));
/// ```
pub fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in `month` (1..=12) of `year`.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Leap days from the start of counting year 0 to the start of counting year `year` (negative
/// before it): one per multiple of 4, less one per multiple of 100, plus one per multiple of
/// 400, among the calendar years 1..=`year` (floor division keeps it right below 0).
fn leap_days_before(year: i64) -> i64 {
    year.div_euclid(4) - year.div_euclid(100) + year.div_euclid(400)
}

/// Days since 1970-01-01 of the date `year`-`month`-`day` (`month` 1..=12; the day is not
/// checked against the month's length).
///
/// ```
/// use session_playground::text::calendar::days_from_civil;
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2000, 3, 1), 11017);
/// assert_eq!(days_from_civil(1969, 12, 31), -1);
/// ```
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // January and February belong to the counting year that began the March before.
    let (counting_year, month_index) = if month >= 3 {
        (year, month as usize - 3)
    } else {
        (year - 1, month as usize + 9)
    };
    let before_month: i64 = COUNTING_MONTHS[..month_index.min(12)].iter().sum();
    counting_year * 365 + leap_days_before(counting_year) + before_month + i64::from(day)
        - 1
        - EPOCH_FROM_MARCH_0000
}

/// The date `days` after 1970-01-01, as (year, month 1..=12, day 1..=31).
///
/// ```
/// use session_playground::text::calendar::civil_from_days;
/// assert_eq!(civil_from_days(0), (1970, 1, 1));
/// assert_eq!(civil_from_days(-1), (1969, 12, 31));
/// assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
/// ```
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // 400-year cycles of 146 097 days; in a cycle, centuries of 36 524 days (the fourth a day
    // longer); in a century, 4-year runs of 1 461 days (the last of a short century a day
    // shorter); in a run, years of 365 days (the fourth a day longer); in a year, the months.
    let counted = days + EPOCH_FROM_MARCH_0000;
    let cycles = counted.div_euclid(146_097);
    let mut left = counted.rem_euclid(146_097);
    let centuries = (left / 36_524).min(3);
    left -= centuries * 36_524;
    let runs = left / 1_461;
    left -= runs * 1_461;
    let years = (left / 365).min(3);
    left -= years * 365;
    let mut month_index = 0;
    while left >= COUNTING_MONTHS[month_index] {
        left -= COUNTING_MONTHS[month_index];
        month_index += 1;
    }
    // January and February close the counting year, so they are in the next calendar year.
    let (month, into_next_year) = if month_index < 10 {
        (month_index as u32 + 3, 0)
    } else {
        (month_index as u32 - 9, 1)
    };
    let year = cycles * 400 + centuries * 100 + runs * 4 + years + into_next_year;
    (year, month, left as u32 + 1)
}

/// The weekday of the day `days` after 1970-01-01, Monday = 0 (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

/// A Unix time in whole seconds as its UTC date and time of day (what every clock display,
/// log line and HTTP date of the crate starts from).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcTime {
    /// Days since 1970-01-01 (for [`weekday`]).
    pub days: i64,
    /// The year (proleptic Gregorian; may be 0 or negative).
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
}

impl UtcTime {
    /// Splits Unix `seconds` (negative before 1970) into a date and a time of day.
    ///
    /// ```
    /// use session_playground::text::calendar::UtcTime;
    /// let t = UtcTime::at(-1);
    /// assert_eq!((t.year, t.month, t.day, t.hour, t.minute, t.second), (1969, 12, 31, 23, 59, 59));
    /// ```
    pub fn at(seconds: i64) -> UtcTime {
        let days = seconds.div_euclid(86_400);
        let second_of_day = seconds.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        UtcTime {
            days,
            year,
            month,
            day,
            hour: second_of_day / 3600,
            minute: second_of_day % 3600 / 60,
            second: second_of_day % 60,
        }
    }

    /// "Jan" to "Dec".
    pub fn month_abbreviation(&self) -> &'static str {
        MONTH_ABBREVIATIONS[self.month as usize - 1]
    }
}

/// `Wdy, DD Mon YYYY HH:MM:SS GMT` (RFC 9110's IMF-fixdate, Werkzeug's `http_date`, a cookie's
/// `Expires`) for whole Unix seconds.
///
/// ```
/// use session_playground::text::calendar::http_date;
/// assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
/// assert_eq!(http_date(1_769_904_000), "Sun, 01 Feb 2026 00:00:00 GMT");
/// ```
pub fn http_date(seconds: i64) -> String {
    let t = UtcTime::at(seconds);
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        &DAY_NAMES[weekday(t.days)][..3],
        t.day,
        t.month_abbreviation(),
        t.year,
        t.hour,
        t.minute,
        t.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directions_agree_day_by_day_and_follow_the_month_lengths() {
        // Year -1000 to 11000, day by day: each day follows the one before in the calendar.
        let mut previous = civil_from_days(-1_085_001);
        for days in -1_085_000..3_300_000 {
            let date = civil_from_days(days);
            assert_eq!(days_from_civil(date.0, date.1, date.2), days, "{date:?}");
            let (year, month, day) = previous;
            let expected = if day < days_in_month(year, month) {
                (year, month, day + 1)
            } else if month < 12 {
                (year, month + 1, 1)
            } else {
                (year + 1, 1, 1)
            };
            assert_eq!(date, expected, "{days}");
            previous = date;
        }
    }

    #[test]
    fn known_dates() {
        assert_eq!(civil_from_days(-719_162), (1, 1, 1));
        assert_eq!(days_from_civil(2026, 1, 1), 20_454);
        assert_eq!(DAY_NAMES[weekday(days_from_civil(2026, 1, 1))], "Thursday");
        assert_eq!(http_date(-1), "Wed, 31 Dec 1969 23:59:59 GMT");
    }
}
