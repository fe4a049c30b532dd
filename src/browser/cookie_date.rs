//! Reading an `Expires` value the way Chromium does.
//!
//! Browsers do not parse `Expires` as an HTTP-date. They split the text into tokens at a generous
//! set of delimiters and pick out, in any order, a time, a day of month, a month name and a year.
//! That is why `Wed, 21 Oct 2015 07:28:00 GMT`, `Wednesday, 21-Oct-15 07:28:00 GMT`,
//! `Wed Oct 21 07:28:00 2015` and even `21 October 2015 7:28:0` all mean the same instant.
//!
//! RFC 6265bis §5.1.1 describes this family of algorithms; Chromium's own parser (what the
//! playground must match) differs from it in the corners, and those corners were checked against
//! Chromium 156 (`tests/browser_layer/chromium/`):
//! - a token is numeric when it starts with a digit; a numeric token with a `:` is a time only if
//!   it is exactly three `:`-separated runs of digits (`00:00:001` is a time, `00:00:00GMT` is
//!   not); the first such token is the time even if its values are out of range;
//! - other numeric tokens count only when they are all digits: up to 2 digits is the day of month
//!   (the first one), up to 5 digits the year (`7` is 2007, `1st` is nothing);
//! - a year before 1601 gives an instant in the distant past (the cookie is deleted) where the RFC
//!   would ignore the attribute; impossible dates (30 February, hour 24, second 60, day 0)
//!   make the attribute ignored, as in the RFC.
//!
//! Written by hand because the algorithm *is* the behaviour: no date crate implements these rules.

use crate::browser::clock::days_from_civil_checked;

/// Reads an `Expires` value, returning Unix seconds, or `None` when the browser ignores the
/// attribute (the cookie is then a session cookie unless `Max-Age` says otherwise).
///
/// ```
/// use session_playground::browser::cookie_date::parse_cookie_date;
/// let expected = Some(1_445_412_480);
/// assert_eq!(parse_cookie_date("Wed, 21 Oct 2015 07:28:00 GMT"), expected);
/// assert_eq!(parse_cookie_date("Wednesday, 21-Oct-15 07:28:00 GMT"), expected);
/// assert_eq!(parse_cookie_date("Wed Oct 21 07:28:00 2015"), expected);
/// assert_eq!(parse_cookie_date("tomorrow"), None);
/// ```
pub fn parse_cookie_date(text: &str) -> Option<i64> {
    let mut time: Option<(i64, i64, i64)> = None;
    let mut day_of_month: Option<i64> = None;
    let mut month: Option<i64> = None;
    let mut year: Option<i64> = None;

    for token in text.as_bytes().split(|&byte| is_delimiter(byte)) {
        let Some(first) = token.first() else {
            continue;
        };
        if !first.is_ascii_digit() {
            if month.is_none() {
                month = match_month(token);
            }
            continue;
        }
        if token.contains(&b':') {
            if time.is_none() {
                time = match_time(token);
            }
            continue;
        }
        if !token.iter().all(u8::is_ascii_digit) {
            continue;
        }
        if day_of_month.is_none() && token.len() <= 2 {
            day_of_month = Some(number(token));
        } else if year.is_none() && token.len() <= 5 {
            year = Some(number(token));
        }
    }

    let (hour, minute, second) = time?;
    let (day_of_month, month, mut year) = (day_of_month?, month?, year?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if (0..=69).contains(&year) {
        year += 2000;
    }
    if !(1..=31).contains(&day_of_month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds_of_day = hour * 3_600 + minute * 60 + second;
    if year < 1601 {
        // Chromium clamps to its earliest time: the cookie is as good as expired.
        return Some(days_from_civil_checked(1601, 1, 1)? * 86_400 - 1);
    }
    if second == 60 {
        return None;
    }
    let days = days_from_civil_checked(year, month, day_of_month)?;
    Some(days * 86_400 + seconds_of_day)
}

/// `delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E` (Chromium's set is the same).
fn is_delimiter(byte: u8) -> bool {
    matches!(byte, 0x09 | 0x20..=0x2F | 0x3B..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E)
}

/// The value of an all-digit token, saturating (values that large fail validation anyway).
fn number(digits: &[u8]) -> i64 {
    digits.iter().fold(0i64, |acc, &digit| {
        acc.saturating_mul(10)
            .saturating_add(i64::from(digit - b'0'))
    })
}

/// Exactly three `:`-separated, non-empty runs of digits.
fn match_time(token: &[u8]) -> Option<(i64, i64, i64)> {
    let mut fields = token.split(|&byte| byte == b':');
    let mut next = || {
        fields
            .next()
            .filter(|field| !field.is_empty() && field.iter().all(u8::is_ascii_digit))
            .map(number)
    };
    let time = (next()?, next()?, next()?);
    if fields.next().is_some() {
        return None;
    }
    Some(time)
}

/// A token starting (case-insensitively) with a three-letter month name.
fn match_month(token: &[u8]) -> Option<i64> {
    let prefix = token.get(..3)?;
    crate::text::calendar::MONTH_ABBREVIATIONS
        .iter()
        .position(|name| name.as_bytes().eq_ignore_ascii_case(prefix))
        .map(|index| index as i64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::clock::parse_instant;

    fn at(instant: &str) -> Option<i64> {
        Some(parse_instant(instant).unwrap())
    }

    #[test]
    fn accepts_the_formats_browsers_see_in_the_wild() {
        let expected = at("2038-01-01T00:00:00Z");
        for text in [
            "Fri, 01 Jan 2038 00:00:00 GMT",  // RFC 1123 / IMF-fixdate
            "Friday, 01-Jan-38 00:00:00 GMT", // RFC 850, two-digit year
            "Fri Jan  1 00:00:00 2038",       // asctime
            "Fri, 01-Jan-2038 00:00:00 GMT",  // Netscape's original format
            "Fri 01 Jan 2038 00:00:00 GMT, baz=qux",
            "01 January 2038 0:0:0",
            "2038 Jan 01 00:00:00", // "2038" has four digits: a year, not a day
            "Fri, 01 JAN 2038 00:00:00 UTC",
            "Fri, 01 Jan 2038 00:00:00 +0000",
            "\"Fri, 01 Jan 2038 00:00:00 GMT\"",
        ] {
            assert_eq!(parse_cookie_date(text), expected, "{text}");
        }
    }

    #[test]
    fn two_digit_and_one_digit_years_map_to_1970_through_2069() {
        assert_eq!(
            parse_cookie_date("1 Jan 70 00:00:00"),
            at("1970-01-01T00:00:00Z")
        );
        assert_eq!(
            parse_cookie_date("1 Jan 99 00:00:00"),
            at("1999-01-01T00:00:00Z")
        );
        assert_eq!(
            parse_cookie_date("1 Jan 00 00:00:00"),
            at("2000-01-01T00:00:00Z")
        );
        assert_eq!(
            parse_cookie_date("1 Jan 69 00:00:00"),
            at("2069-01-01T00:00:00Z")
        );
        assert_eq!(
            parse_cookie_date("1 Jan 7 00:00:00"),
            at("2007-01-01T00:00:00Z")
        );
    }

    #[test]
    fn time_is_exactly_three_runs_of_digits() {
        assert_eq!(
            parse_cookie_date("01 Jan 2020 1:2:3"),
            at("2020-01-01T01:02:03Z")
        );
        assert_eq!(
            parse_cookie_date("01 Jan 2020 00:00:001"),
            at("2020-01-01T00:00:01Z")
        );
        assert_eq!(parse_cookie_date("01 Jan 2020 00:00:00GMT"), None);
        assert_eq!(parse_cookie_date("01 Jan 2020 00:00:00:00"), None);
        assert_eq!(parse_cookie_date("01 Jan 2020 00::00"), None);
        // A malformed time token is skipped; a well-formed but impossible one is the time.
        assert_eq!(
            parse_cookie_date("01 Jan 2020 99:99 00:00:00"),
            at("2020-01-01T00:00:00Z")
        );
        assert_eq!(parse_cookie_date("01 Jan 2020 99:99:99 00:00:00"), None);
    }

    #[test]
    fn numeric_tokens_count_only_when_all_digits() {
        assert_eq!(parse_cookie_date("1st Jan 2020 00:00:00"), None);
        assert_eq!(
            parse_cookie_date("1a 01 Jan 2020 00:00:00"),
            at("2020-01-01T00:00:00Z")
        );
        assert_eq!(parse_cookie_date("01Jan 2020 00:00:00"), None);
        // Three digits is too long for a day, so "001" is the year (2001) and there is no day.
        assert_eq!(parse_cookie_date("001 Jan 2020 00:00:00"), None);
        assert_eq!(
            parse_cookie_date("Jan 01 15 00:00:00"),
            at("2015-01-01T00:00:00Z")
        );
    }

    #[test]
    fn years_before_1601_are_the_distant_past() {
        let past = parse_cookie_date("01 Jan 1600 00:00:00").unwrap();
        assert!(past < parse_instant("1601-01-01T00:00:00Z").unwrap());
        assert_eq!(parse_cookie_date("01 Jan 100 00:00:00"), Some(past));
        assert_eq!(
            parse_cookie_date("01 Jan 1601 00:00:00"),
            at("1601-01-01T00:00:00Z")
        );
    }

    #[test]
    fn far_future_years_are_kept_for_the_400_day_cap_to_shorten() {
        assert_eq!(
            parse_cookie_date("31 Dec 9999 23:59:59"),
            at("9999-12-31T23:59:59Z")
        );
        assert!(
            parse_cookie_date("01 Jan 20300 00:00:00").unwrap()
                > at("9999-12-31T23:59:59Z").unwrap()
        );
        assert_eq!(
            parse_cookie_date("01 Jan 203000 00:00:00"),
            None,
            "six digits is no year"
        );
    }

    #[test]
    fn impossible_or_incomplete_dates_are_ignored() {
        for text in [
            "",
            "Fri, 01 Jan 2038",       // no time
            "01 Jan 2020 00:00",      // no seconds: no time
            "Fri, Jan 2038 00:00:00", // no day of month: "2038" is the year
            "01 2038 00:00:00",       // no month
            "01 Jan 00:00:00",        // no year
            "00 Jan 2038 00:00:00",
            "32 Jan 2038 00:00:00",
            "30 Feb 2038 00:00:00",
            "31 Apr 2038 00:00:00",
            "01 Jan 2038 24:00:00",
            "01 Jan 2038 123:00:00",
            "01 Jan 2038 00:60:00",
            "01 Jan 2038 00:00:60",
            "\u{0}\u{1}\u{7f}",
        ] {
            assert_eq!(parse_cookie_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let long = "9".repeat(100_000);
        let colons = format!("1 jan 2020 {}:{}:{}", long, long, long);
        for text in [
            long.as_str(),
            colons.as_str(),
            "é 1 ä 2038 00:00:00",
            "99:99:99 99 dec 99",
            "1:2:3:4 5 may 6",
        ] {
            let _ = parse_cookie_date(text);
        }
    }
}
