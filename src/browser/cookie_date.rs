//! The cookie-date algorithm of RFC 6265bis §5.1.1: how a browser reads an `Expires` value.
//!
//! Browsers do not parse `Expires` as an HTTP-date. They split the text into tokens at a generous
//! set of delimiters and pick out, in any order, the first token that looks like a time, a day of
//! month, a month name and a year. That is why `Wed, 21 Oct 2015 07:28:00 GMT`,
//! `Wednesday, 21-Oct-15 07:28:00 GMT`, `Wed Oct 21 07:28:00 2015` and even
//! `21 October 2015 7:28:0` all mean the same instant. Written by hand because the algorithm *is*
//! the specification: no date crate implements these exact, lenient rules.

use crate::browser::clock::days_from_civil_checked;

/// Reads a cookie-date, returning Unix seconds, or `None` when the algorithm fails (the browser
/// then ignores the `Expires` attribute).
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
        if token.is_empty() {
            continue;
        }
        // The order of these checks is the specification's: a token is used for the first
        // production it matches among the fields not found yet.
        if time.is_none()
            && let Some(found) = match_time(token)
        {
            time = Some(found);
            continue;
        }
        if day_of_month.is_none()
            && let Some(found) = match_digits_prefix(token, 1, 2)
        {
            day_of_month = Some(found);
            continue;
        }
        if month.is_none()
            && let Some(found) = match_month(token)
        {
            month = Some(found);
            continue;
        }
        if year.is_none()
            && let Some(found) = match_digits_prefix(token, 2, 4)
        {
            year = Some(found);
            continue;
        }
    }

    let (hour, minute, second) = time?;
    let (day_of_month, month, mut year) = (day_of_month?, month?, year?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if (0..=69).contains(&year) {
        year += 2000;
    }
    if !(1..=31).contains(&day_of_month) || year < 1601 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = days_from_civil_checked(year, month, day_of_month)?;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// `delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E`
fn is_delimiter(byte: u8) -> bool {
    matches!(byte, 0x09 | 0x20..=0x2F | 0x3B..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E)
}

/// `min..=max` digits at the start of the token, then nothing or a non-digit and anything.
fn match_digits_prefix(token: &[u8], min: usize, max: usize) -> Option<i64> {
    let (value, rest) = leading_digits(token, min, max)?;
    if rest.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(value)
}

fn leading_digits(bytes: &[u8], min: usize, max: usize) -> Option<(i64, &[u8])> {
    let count = bytes
        .iter()
        .take(max + 1)
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if count < min || count > max {
        return None;
    }
    let value = bytes[..count]
        .iter()
        .fold(0, |acc, &digit| acc * 10 + i64::from(digit - b'0'));
    Some((value, &bytes[count..]))
}

/// `hms-time [ non-digit *OCTET ]` with `hms-time = time-field ":" time-field ":" time-field`.
fn match_time(token: &[u8]) -> Option<(i64, i64, i64)> {
    let (hour, rest) = leading_digits(token, 1, 2)?;
    let rest = rest.strip_prefix(b":")?;
    let (minute, rest) = leading_digits(rest, 1, 2)?;
    let rest = rest.strip_prefix(b":")?;
    let (second, rest) = leading_digits(rest, 1, 2)?;
    if rest.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((hour, minute, second))
}

/// A token starting (case-insensitively) with a three-letter month name.
fn match_month(token: &[u8]) -> Option<i64> {
    const MONTHS: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let prefix = token.get(..3)?;
    MONTHS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(prefix))
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
            "2038 Jan 01 00:00:00", // year first: "2038" is not a day of month
            "Fri, 01 JAN 2038 00:00:00 UTC",
            "Fri, 01 Jan 2038 00:00:00 +0000",
            "Fri,01Jan2038 00:00:00", // "01Jan2038": day-of-month 01, rest ignored
        ] {
            let parsed = parse_cookie_date(text);
            if text == "Fri,01Jan2038 00:00:00" {
                // The token "01Jan2038" only supplies the day; month and year are missing.
                assert_eq!(parsed, None, "{text}");
            } else {
                assert_eq!(parsed, expected, "{text}");
            }
        }
    }

    #[test]
    fn two_digit_years_map_to_1970_through_2069() {
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
    }

    #[test]
    fn rejects_missing_fields_and_impossible_dates() {
        for text in [
            "",
            "Fri, 01 Jan 2038",       // no time
            "Fri, Jan 2038 00:00:00", // no day of month... "2038" has four digits
            "01 2038 00:00:00",       // no month
            "01 Jan 00:00:00",        // no year
            "32 Jan 2038 00:00:00",
            "30 Feb 2038 00:00:00",
            "01 Jan 2038 24:00:00",
            "01 Jan 2038 00:60:00",
            "01 Jan 2038 00:00:60",
            "01 Jan 1600 00:00:00",  // before 1601
            "01 Jan 20380 00:00:00", // five-digit year
            "01 Jan 2038 000:00:00", // three-digit hour
            "\u{0}\u{1}\u{7f}",
        ] {
            assert_eq!(parse_cookie_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn first_matching_token_wins_for_each_field() {
        // The second time and the second day are ignored, not errors.
        assert_eq!(
            parse_cookie_date("01 Jan 2038 00:00:00 12:34:56 15"),
            at("2038-01-01T00:00:00Z")
        );
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let long = "9".repeat(100_000);
        for text in [
            long.as_str(),
            "é 1 ä 2038 00:00:00",
            "99:99:99 99 dec 99",
            "1:2:3:4 5 may 6",
        ] {
            let _ = parse_cookie_date(text);
        }
        assert_eq!(
            parse_cookie_date("1:2:3 5 may 06"),
            at("2006-05-05T01:02:03Z")
        );
    }
}
