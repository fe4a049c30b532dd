//! `datetime.strptime(text, format)` as CPython 3.11 does it in the C
//! locale, with the playground's local zone being UTC.
//!
//! CPython's `_strptime` turns the format into a regular expression (one
//! group per directive, `re.IGNORECASE`, whitespace runs as `\s+`) and
//! `match`es it at the start of the text. This module compiles the format
//! to the same sequence of patterns and matches it with the same
//! leftmost-first backtracking, so which directive takes which digits (and
//! so every result and error message) agrees; then it applies CPython's
//! field rules (`%I` with `%p`, `%U`/`%W`/`%V` week arithmetic, `%z`).

use super::char_class::is_space;
use super::civil_time::{
    CivilDateTime, check_datetime_fields, days_from_civil, is_leap_year, ordinal_to_ymd,
    timedelta_repr, weekday, ymd_to_ordinal,
};
use super::error::TextError;
use super::number_parse::parse_int;
use super::str_repr::str_repr;
use crate::text::calendar::{DAY_NAMES, MONTH_NAMES};

/// A successful `strptime`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strptime {
    /// The date and time fields.
    pub fields: CivilDateTime,
    /// The UTC offset from `%z`, in microseconds (an aware result).
    pub offset_micros: Option<i64>,
    /// The `%Z` text, which names the `timezone` when `%z` is present too.
    pub zone_name: Option<String>,
}

/// `datetime.strptime(text, format)`.
///
/// ```
/// use session_playground::python::text::strptime::strptime;
/// let parsed = strptime("25 Nov 2026 6:47 pm", "%d %b %Y %I:%M %p").unwrap();
/// assert_eq!((parsed.fields.year, parsed.fields.month, parsed.fields.hour), (2026, 11, 18));
/// assert_eq!(strptime("2024-13-01", "%Y-%m-%d").unwrap_err().message,
///     "time data '2024-13-01' does not match format '%Y-%m-%d'");
/// ```
pub fn strptime(text: &str, format: &str) -> Result<Strptime, TextError> {
    let tokens = compile(format)?;
    // The matcher recurses once per token. **Deliberate difference:** a
    // format this long (far beyond any real one) is refused rather than
    // risking the page's stack.
    if tokens.len() > MAX_FORMAT_TOKENS {
        return Err(TextError::value(format!(
            "format with more than {MAX_FORMAT_TOKENS} directives and characters is not supported in the playground"
        )));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut groups: Vec<(char, usize, usize)> = Vec::new();
    let Some(end) = match_tokens(&tokens, &chars, 0, &mut groups) else {
        return Err(TextError::value(format!(
            "time data {} does not match format {}",
            str_repr(text),
            str_repr(format)
        )));
    };
    if end != chars.len() {
        let rest: String = chars[end..].iter().collect();
        return Err(TextError::value(format!(
            "unconverted data remains: {rest}"
        )));
    }
    let found: Vec<(char, String)> = groups
        .iter()
        .map(|&(name, start, end)| (name, chars[start..end].iter().collect()))
        .collect();
    build(&found)
}

/// The longest format (in directives and literal characters) accepted.
pub const MAX_FORMAT_TOKENS: usize = 1000;

// The English names in the C locale; matching ignores case.
const WEEKDAYS: [&str; 7] = DAY_NAMES;
const MONTHS: [&str; 12] = MONTH_NAMES;

/// One piece of the compiled format.
#[derive(Clone, Debug)]
enum Token {
    /// A literal character (compared case-insensitively).
    Literal(char),
    /// `\s+`.
    Whitespace,
    /// A directive group, by its letter.
    Directive(char),
}

/// CPython's `TimeRE.pattern`, as tokens; errors as `_strptime` words them.
fn compile(format: &str) -> Result<Vec<Token>, TextError> {
    let chars: Vec<char> = format.chars().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if is_space(c) {
            while index < chars.len() && is_space(chars[index]) {
                index += 1;
            }
            tokens.push(Token::Whitespace);
            continue;
        }
        index += 1;
        if c != '%' {
            tokens.push(Token::Literal(c));
            continue;
        }
        let Some(&directive) = chars.get(index) else {
            return Err(TextError::value(format!("stray % in format '{format}'")));
        };
        index += 1;
        match directive {
            'a' | 'A' | 'b' | 'B' | 'd' | 'f' | 'G' | 'H' | 'I' | 'j' | 'm' | 'M' | 'p' | 'S'
            | 'u' | 'U' | 'V' | 'w' | 'W' | 'y' | 'Y' | 'z' | 'Z' => {
                tokens.push(Token::Directive(directive))
            }
            '%' => tokens.push(Token::Literal('%')),
            'c' => tokens.extend(compile("%a %b %d %H:%M:%S %Y")?),
            'x' => tokens.extend(compile("%m/%d/%y")?),
            'X' => tokens.extend(compile("%H:%M:%S")?),
            other => {
                // CPython escaped regex metacharacters and whitespace first,
                // so after `%` it saw a backslash and reports `%` itself.
                let escaped = "\\.^$*+?(){}[]|".contains(other) || is_space(other);
                let shown = if escaped { '%' } else { other };
                return Err(TextError::value(format!(
                    "'{shown}' is a bad directive in format '{format}'"
                )));
            }
        }
    }
    Ok(tokens)
}

/// The match lengths a directive's pattern allows at `at`, in the order the
/// regular expression tries them.
fn candidates(directive: char, chars: &[char], at: usize) -> Vec<usize> {
    let get = |i: usize| chars.get(at + i).copied();
    let digit = |i: usize| get(i).is_some_and(|c| c.is_ascii_digit());
    let within =
        |i: usize, low: char, high: char| get(i).is_some_and(|c| (low..=high).contains(&c));
    let is = |i: usize, c: char| get(i) == Some(c);
    // Each alternative: a list of per-position character tests.
    type Test<'t> = &'t dyn Fn(usize) -> bool;
    let alternatives = |alts: &[&[Test<'_>]]| -> Vec<usize> {
        alts.iter()
            .filter(|alt| alt.iter().enumerate().all(|(i, test)| test(i)))
            .map(|alt| alt.len())
            .collect()
    };
    let d = &|i| digit(i);
    let zero_one = &|i| within(i, '0', '1');
    let one_two = &|i| within(i, '1', '2');
    let one_nine = &|i| within(i, '1', '9');
    let zero_five = &|i| within(i, '0', '5');
    let three = &|i| is(i, '3');
    let two = &|i| is(i, '2');
    let one = &|i| is(i, '1');
    let zero = &|i| is(i, '0');
    let six = &|i| is(i, '6');
    let five = &|i| is(i, '5');
    let space = &|i| is(i, ' ');
    match directive {
        'd' => alternatives(&[
            &[three, zero_one],
            &[one_two, d],
            &[zero, one_nine],
            &[one_nine],
            &[space, one_nine],
        ]),
        'H' => alternatives(&[&[two, &|i| within(i, '0', '3')], &[zero_one, d], &[d]]),
        'I' => alternatives(&[
            &[one, &|i| within(i, '0', '2')],
            &[zero, one_nine],
            &[one_nine],
        ]),
        'm' => alternatives(&[
            &[one, &|i| within(i, '0', '2')],
            &[zero, one_nine],
            &[one_nine],
        ]),
        'M' => alternatives(&[&[zero_five, d], &[d]]),
        'S' => alternatives(&[&[six, zero_one], &[zero_five, d], &[d]]),
        'U' | 'W' => alternatives(&[
            &[five, &|i| within(i, '0', '3')],
            &[&|i| within(i, '0', '4'), d],
            &[d],
        ]),
        'V' => alternatives(&[
            &[five, &|i| within(i, '0', '3')],
            &[zero, one_nine],
            &[&|i| within(i, '1', '4'), d],
            &[d],
        ]),
        'j' => alternatives(&[
            &[three, six, &|i| within(i, '0', '6')],
            &[three, zero_five, d],
            &[one_two, d, d],
            &[zero, one_nine, d],
            &[zero, zero, one_nine],
            &[one_nine, d],
            &[zero, one_nine],
            &[one_nine],
        ]),
        'w' => alternatives(&[&[&|i| within(i, '0', '6')]]),
        'u' => alternatives(&[&[&|i| within(i, '1', '7')]]),
        'y' => alternatives(&[&[d, d]]),
        'Y' | 'G' => alternatives(&[&[d, d, d, d]]),
        'f' => {
            let run = (0..6).take_while(|&i| digit(i)).count();
            (1..=run).rev().collect()
        }
        'z' => offset_candidates(chars, at),
        'a' => names(chars, at, &WEEKDAYS.map(|n| &n[..3])),
        'A' => names(chars, at, &WEEKDAYS),
        'b' => names(chars, at, &MONTHS.map(|n| &n[..3])),
        'B' => names(chars, at, &MONTHS),
        'p' => names(chars, at, &["am", "pm"]),
        'Z' => names(chars, at, &["utc", "gmt"]),
        _ => Vec::new(),
    }
}

/// `(?P<name>long|...|short)` over lower-case names, case-insensitively.
fn names(chars: &[char], at: usize, list: &[&str]) -> Vec<usize> {
    let mut sorted: Vec<&str> = list.to_vec();
    // CPython sorts by length, longest first (a stable sort).
    crate::text::order::sort_by_key(&mut sorted, |name| std::cmp::Reverse(name.len()));
    sorted
        .iter()
        .filter(|name| {
            name.chars().enumerate().all(|(i, c)| {
                chars
                    .get(at + i)
                    .is_some_and(|&d| d.to_lowercase().eq(c.to_lowercase()))
            })
        })
        .map(|name| name.chars().count())
        .collect()
}

/// `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)`, greedy choices first.
fn offset_candidates(chars: &[char], at: usize) -> Vec<usize> {
    let get = |i: usize| chars.get(i).copied();
    let digit = |i: usize| get(i).is_some_and(|c| c.is_ascii_digit());
    let low_digit = |i: usize| get(i).is_some_and(|c| ('0'..='5').contains(&c)) && digit(i + 1);
    let mut out = Vec::new();
    if matches!(get(at), Some('+' | '-')) && digit(at + 1) && digit(at + 2) {
        let after_hours = at + 3;
        let colon_choices: &[bool] = if get(after_hours) == Some(':') {
            &[true, false]
        } else {
            &[false]
        };
        for &colon in colon_choices {
            let minutes = after_hours + usize::from(colon);
            if !low_digit(minutes) {
                continue;
            }
            let after_minutes = minutes + 2;
            // The optional seconds group, tried before leaving it out.
            let second_colon: &[bool] = if get(after_minutes) == Some(':') {
                &[true, false]
            } else {
                &[false]
            };
            for &colon2 in second_colon {
                let seconds = after_minutes + usize::from(colon2);
                if !low_digit(seconds) {
                    continue;
                }
                let after_seconds = seconds + 2;
                if get(after_seconds) == Some('.') {
                    let run = (0..6).take_while(|&i| digit(after_seconds + 1 + i)).count();
                    for length in (1..=run).rev() {
                        out.push(after_seconds + 1 + length - at);
                    }
                }
                out.push(after_seconds - at);
            }
            out.push(after_minutes - at);
        }
    }
    if get(at) == Some('Z') {
        out.push(1);
    }
    out
}

/// Leftmost-first backtracking match of `tokens` at `at`; records the
/// directive groups and returns where the match ends.
fn match_tokens(
    tokens: &[Token],
    chars: &[char],
    at: usize,
    groups: &mut Vec<(char, usize, usize)>,
) -> Option<usize> {
    let mut failed = std::collections::HashSet::new();
    match_from(tokens, 0, chars, at, groups, &mut failed)
}

/// The matcher proper. Whether the tokens from `index` match at `at` does
/// not depend on how earlier tokens matched, so remembering the failed
/// (index, at) pairs keeps the search polynomial without changing which
/// match is found first (a learner's format cannot freeze the page).
fn match_from(
    tokens: &[Token],
    index: usize,
    chars: &[char],
    at: usize,
    groups: &mut Vec<(char, usize, usize)>,
    failed: &mut std::collections::HashSet<(usize, usize)>,
) -> Option<usize> {
    let Some(token) = tokens.get(index) else {
        return Some(at);
    };
    if failed.contains(&(index, at)) {
        return None;
    }
    let found = match token {
        Token::Literal(c) => match chars.get(at) {
            Some(&d) if d == *c || d.to_lowercase().eq(c.to_lowercase()) => {
                match_from(tokens, index + 1, chars, at + 1, groups, failed)
            }
            _ => None,
        },
        Token::Whitespace => {
            let run = chars[at.min(chars.len())..]
                .iter()
                .take_while(|&&c| is_space(c))
                .count();
            (1..=run).rev().find_map(|length| {
                match_from(tokens, index + 1, chars, at + length, groups, failed)
            })
        }
        Token::Directive(name) => {
            let mut found = None;
            for length in candidates(*name, chars, at) {
                groups.push((*name, at, at + length));
                if let Some(end) = match_from(tokens, index + 1, chars, at + length, groups, failed)
                {
                    found = Some(end);
                    break;
                }
                groups.pop();
            }
            found
        }
    };
    if found.is_none() {
        failed.insert((index, at));
    }
    found
}

fn int(text: &str) -> Result<i64, TextError> {
    // The groups hold ASCII digits, so this only fails where CPython's
    // `int()` fails too (and with its message).
    let value = parse_int(text, 10)?;
    Ok(i64::try_from(value).unwrap_or(i64::MAX))
}

/// CPython's `_strptime` after the match, and `datetime(...)`.
fn build(found: &[(char, String)]) -> Result<Strptime, TextError> {
    let get = |name: char| {
        found
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    let mut year: Option<i64> = None;
    let (mut month, mut day, mut hour, mut minute, mut second, mut fraction) = (1, 1, 0, 0, 0, 0);
    let mut iso_year = None;
    let mut iso_week = None;
    let mut week_of_year = None;
    let mut week_starts_monday = false;
    let mut weekday_value: Option<i64> = None;
    let mut julian: Option<i64> = None;
    let mut offset: Option<(i64, i64)> = None;
    let index_of = |list: &[&str], text: &str| {
        list.iter()
            .position(|n| n.to_lowercase() == text.to_lowercase())
            .unwrap_or(0) as i64
    };
    for (name, value) in found {
        let value = value.as_str();
        match name {
            'y' => {
                let short = int(value)?;
                year = Some(if short <= 68 {
                    short + 2000
                } else {
                    short + 1900
                });
            }
            'Y' => year = Some(int(value)?),
            'G' => iso_year = Some(int(value)?),
            'm' => month = int(value)?,
            'B' => month = index_of(&MONTHS, value) + 1,
            'b' => month = index_of(&MONTHS.map(|n| &n[..3]), value) + 1,
            'd' => day = int(value)?,
            'H' => hour = int(value)?,
            'I' => {
                hour = int(value)?;
                let ampm = get('p').unwrap_or("").to_lowercase();
                if ampm.is_empty() || ampm == "am" {
                    if hour == 12 {
                        hour = 0;
                    }
                } else if ampm == "pm" && hour != 12 {
                    hour += 12;
                }
            }
            'M' => minute = int(value)?,
            'S' => second = int(value)?,
            'f' => fraction = int(&format!("{value:0<6}"))?,
            'A' => weekday_value = Some(index_of(&WEEKDAYS, value)),
            'a' => weekday_value = Some(index_of(&WEEKDAYS.map(|n| &n[..3]), value)),
            'w' => {
                let w = int(value)?;
                weekday_value = Some(if w == 0 { 6 } else { w - 1 });
            }
            'u' => weekday_value = Some(int(value)? - 1),
            'j' => julian = Some(int(value)?),
            'U' | 'W' => {
                week_of_year = Some(int(value)?);
                week_starts_monday = *name == 'W';
            }
            'V' => iso_week = Some(int(value)?),
            'z' => offset = Some(parse_offset(value)?),
            _ => {}
        }
    }
    if year.is_none() && iso_year.is_some() {
        if iso_week.is_none() || weekday_value.is_none() {
            return Err(TextError::value(
                "ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').",
            ));
        }
        if julian.is_some() {
            return Err(TextError::value(
                "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.",
            ));
        }
    } else if week_of_year.is_none() && iso_week.is_some() {
        if weekday_value.is_none() {
            return Err(TextError::value(
                "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ('%A', '%a', '%w', or '%u').",
            ));
        }
        return Err(TextError::value(
            "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.",
        ));
    }
    let mut leap_year_fix = false;
    let mut year = match year {
        None if month == 2 && day == 29 => {
            leap_year_fix = true;
            1904
        }
        None => 1900,
        Some(y) => y,
    };
    if julian.is_none()
        && let Some(day_of_week) = weekday_value
    {
        if let Some(week) = week_of_year {
            julian = Some(julian_from_u_or_w(
                year,
                week,
                day_of_week,
                week_starts_monday,
            ));
        } else if let (Some(iso_y), Some(iso_w)) = (iso_year, iso_week) {
            let (y, j) = julian_from_v(iso_y, iso_w, day_of_week + 1);
            year = y;
            julian = Some(j);
        }
        if let Some(j) = julian
            && j <= 0
        {
            year -= 1;
            julian = Some(j + if is_leap_year(year) { 366 } else { 365 });
        }
    }
    match julian {
        None => check_datetime_fields(year, month, day, 0, 0, 0, 0)?,
        Some(j) => {
            check_datetime_fields(year, 1, 1, 0, 0, 0, 0)?;
            let ordinal = j - 1 + ymd_to_ordinal(year, 1, 1);
            if ordinal < 1 {
                return Err(TextError::value("ordinal must be >= 1"));
            }
            let (y, m, d) = ordinal_to_ymd(ordinal);
            (year, month, day) = (y, m as i64, d as i64);
        }
    }
    if leap_year_fix {
        year = 1900;
    }
    let offset_micros = match offset {
        None => None,
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
    check_datetime_fields(year, month, day, hour, minute, second, fraction)?;
    let fields = CivilDateTime {
        year,
        month: month as u32,
        day: day as u32,
        hour: hour as u32,
        minute: minute as u32,
        second: second as u32,
        microsecond: fraction as u32,
    };
    let zone_name = offset_micros.and(get('Z')).map(str::to_string);
    Ok(Strptime {
        fields,
        offset_micros,
        zone_name,
    })
}

/// `%z` text to (signed seconds, signed microseconds), per `_strptime`.
fn parse_offset(text: &str) -> Result<(i64, i64), TextError> {
    if text == "Z" {
        return Ok((0, 0));
    }
    let mut z: Vec<char> = text.chars().collect();
    if z.get(3) == Some(&':') {
        z.remove(3);
        if z.len() > 5 {
            if z[5] != ':' {
                return Err(TextError::value(format!("Inconsistent use of : in {text}")));
            }
            z.remove(5);
        }
    }
    let slice = |from: usize, to: usize| -> String {
        z.iter().skip(from).take(to.saturating_sub(from)).collect()
    };
    let hours = int(&slice(1, 3))?;
    let minutes = int(&slice(3, 5))?;
    let seconds_text = slice(5, 7);
    let seconds = if seconds_text.is_empty() {
        0
    } else {
        int(&seconds_text)?
    };
    let remainder = slice(8, z.len());
    let fraction = int(&format!("{remainder:0<6}"))?;
    let sign = if z.first() == Some(&'-') { -1 } else { 1 };
    Ok((
        sign * (hours * 3600 + minutes * 60 + seconds),
        sign * fraction,
    ))
}

/// `_calc_julian_from_U_or_W`.
fn julian_from_u_or_w(
    year: i64,
    week_of_year: i64,
    day_of_week: i64,
    week_starts_monday: bool,
) -> i64 {
    let mut first_weekday = weekday(year, 1, 1) as i64;
    let mut day_of_week = day_of_week;
    if !week_starts_monday {
        first_weekday = (first_weekday + 1) % 7;
        day_of_week = (day_of_week + 1) % 7;
    }
    let week_0_length = (7 - first_weekday) % 7;
    if week_of_year == 0 {
        1 + day_of_week - first_weekday
    } else {
        1 + week_0_length + 7 * (week_of_year - 1) + day_of_week
    }
}

/// `_calc_julian_from_V`: (year, day of year) of an ISO week date.
fn julian_from_v(iso_year: i64, iso_week: i64, iso_weekday: i64) -> (i64, i64) {
    let correction = weekday(iso_year, 1, 4) as i64 + 1 + 3;
    let mut ordinal = iso_week * 7 + iso_weekday - correction;
    let mut year = iso_year;
    if ordinal < 1 {
        ordinal += days_from_civil(year, 1, 1);
        year -= 1;
        ordinal -= days_from_civil(year, 1, 1);
    }
    (year, ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::text::fixtures;
    use serde_json::json;

    #[test]
    fn strptime_matches_cpython() {
        let cases = fixtures::load("strptime.json");
        let mut failures = Vec::new();
        for case in &cases {
            let (text, format) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            let expected = fixtures::outcome(&case[2]).cloned();
            let actual = fixtures::actual(strptime(text, format)).map(|p| {
                let t = p.fields;
                let name = p.offset_micros.map(|o| {
                    p.zone_name
                        .clone()
                        .unwrap_or_else(|| super::super::civil_time::timezone_name(o))
                });
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
                    p.offset_micros,
                    name
                ])
            });
            if actual != expected {
                failures.push(format!(
                    "strptime({text:?}, {format:?}): expected {expected:?}, got {actual:?}"
                ));
            }
        }
        fixtures::report("strptime.json", cases.len(), &failures);
    }
}
