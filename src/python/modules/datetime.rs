//! `datetime`: the classes are Python (`py/datetime.py`, run as a hidden module); the
//! calendar arithmetic and every piece of text come from `text::civil_time` through the
//! native helper module `_civil` defined here. The clock is the host's virtual clock.

use num_traits::ToPrimitive;

use super::{func, make_module};
use crate::python::interp::{Interp, PyResult};
use crate::python::text::civil_time::{self as civil, CivilDateTime, TimeSpec, ZoneInfo};
use crate::python::value::*;

/// The Python half of the module.
pub const DATETIME_PY: &str = include_str!(concat!(env!("OUT_DIR"), "/py/datetime.py"));

fn int(it: &Interp, args: &Args, i: usize) -> PyResult<i64> {
    match args.pos.get(i) {
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(v.as_i64().unwrap_or(0)),
        Some(Value::Long(_)) => {
            Err(it.err("OverflowError", "Python int too large to convert to C int"))
        }
        Some(o) => Err(it.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_name()
        ))),
        None => Err(it.type_error("missing argument")),
    }
}

fn fields(it: &Interp, args: &Args) -> PyResult<CivilDateTime> {
    Ok(CivilDateTime {
        year: int(it, args, 0)?,
        month: int(it, args, 1)? as u32,
        day: int(it, args, 2)? as u32,
        hour: int(it, args, 3)? as u32,
        minute: int(it, args, 4)? as u32,
        second: int(it, args, 5)? as u32,
        microsecond: int(it, args, 6)? as u32,
    })
}

fn tuple_of(c: &CivilDateTime) -> Value {
    Value::tuple(
        [
            c.year,
            c.month as i64,
            c.day as i64,
            c.hour as i64,
            c.minute as i64,
            c.second as i64,
            c.microsecond as i64,
        ]
        .into_iter()
        .map(Value::Int)
        .collect(),
    )
}

fn micros(it: &Interp, v: &Value) -> PyResult<i128> {
    match v {
        Value::Int(i) => Ok(*i as i128),
        Value::Long(b) => b
            .to_i128()
            .ok_or_else(|| it.err("OverflowError", "timedelta too large")),
        _ => Err(it.type_error("expected an int")),
    }
}

/// Parse `YYYY-MM-DD[(T| )HH:MM[:SS[.ffffff]]][Z|±HH:MM]`.
fn parse_iso(text: &str, date_only: bool) -> Option<(CivilDateTime, Option<i64>)> {
    let num = |s: &str| -> Option<i64> {
        if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() {
            s.parse().ok()
        } else {
            None
        }
    };
    let (date, rest) = if text.len() >= 10 {
        text.split_at(10)
    } else {
        return None;
    };
    let d: Vec<&str> = date.split('-').collect();
    if d.len() != 3 || d[0].len() != 4 || d[1].len() != 2 || d[2].len() != 2 {
        return None;
    }
    let mut c = CivilDateTime {
        year: num(d[0])?,
        month: num(d[1])? as u32,
        day: num(d[2])? as u32,
        hour: 0,
        minute: 0,
        second: 0,
        microsecond: 0,
    };
    if rest.is_empty() {
        return Some((c, None));
    }
    if date_only {
        return None;
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let (time, offset) = match rest.find(['+', '-', 'Z']) {
        Some(p) => (&rest[..p], Some(&rest[p..])),
        None => (rest, None),
    };
    let (hms, frac) = match time.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (time, None),
    };
    let t: Vec<&str> = hms.split(':').collect();
    if t.is_empty() || t.len() > 3 || t.iter().any(|p| p.len() != 2) {
        return None;
    }
    c.hour = num(t[0])? as u32;
    c.minute = if t.len() > 1 { num(t[1])? as u32 } else { 0 };
    c.second = if t.len() > 2 { num(t[2])? as u32 } else { 0 };
    if let Some(f) = frac {
        if f.is_empty() || f.len() > 6 {
            return None;
        }
        c.microsecond = (num(f)? * 10i64.pow(6 - f.len() as u32)) as u32;
    }
    let off = match offset {
        None => None,
        Some("Z") => Some(0),
        Some(o) => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let parts: Vec<&str> = o[1..].split(':').collect();
            let h = num(parts.first()?)?;
            let m = parts.get(1).map(|p| num(p)).unwrap_or(Some(0))?;
            Some(sign * (h * 3600 + m * 60) * 1_000_000)
        }
    };
    Some((c, off))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A `strptime` for the common directives (%Y %m %d %H %M %S %f %y %b %B %p %I %j %%).
fn strptime(text: &str, fmt: &str) -> Option<CivilDateTime> {
    let mut c = CivilDateTime {
        year: 1900,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
        microsecond: 0,
    };
    let t: Vec<char> = text.chars().collect();
    let f: Vec<char> = fmt.chars().collect();
    let (mut i, mut j) = (0, 0);
    let mut pm = None;
    let digits = |i: &mut usize, max: usize| -> Option<i64> {
        let start = *i;
        while *i < t.len() && *i - start < max && t[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start {
            return None;
        }
        t[start..*i].iter().collect::<String>().parse().ok()
    };
    while j < f.len() {
        if f[j] == '%' && j + 1 < f.len() {
            let d = f[j + 1];
            j += 2;
            match d {
                'Y' => c.year = digits(&mut i, 4)?,
                'y' => {
                    let y = digits(&mut i, 2)?;
                    c.year = if y < 69 { 2000 + y } else { 1900 + y };
                }
                'm' => c.month = digits(&mut i, 2)? as u32,
                'd' => c.day = digits(&mut i, 2)? as u32,
                'H' | 'I' => c.hour = digits(&mut i, 2)? as u32,
                'M' => c.minute = digits(&mut i, 2)? as u32,
                'S' => c.second = digits(&mut i, 2)? as u32,
                'f' => {
                    let start = i;
                    let v = digits(&mut i, 6)?;
                    c.microsecond = (v * 10i64.pow(6 - (i - start) as u32)) as u32;
                }
                'p' => {
                    let w: String = t
                        .get(i..i + 2)?
                        .iter()
                        .collect::<String>()
                        .to_ascii_lowercase();
                    pm = Some(w == "pm");
                    i += 2;
                }
                'b' | 'B' => {
                    let rest: String = t[i..].iter().collect::<String>().to_ascii_lowercase();
                    let m = MONTHS.iter().position(|m| rest.starts_with(m))?;
                    c.month = m as u32 + 1;
                    let full = [
                        "january",
                        "february",
                        "march",
                        "april",
                        "may",
                        "june",
                        "july",
                        "august",
                        "september",
                        "october",
                        "november",
                        "december",
                    ][m];
                    i += if d == 'B' && rest.starts_with(full) {
                        full.len()
                    } else {
                        3
                    };
                }
                '%' => {
                    if t.get(i) != Some(&'%') {
                        return None;
                    }
                    i += 1;
                }
                _ => return None,
            }
        } else {
            if t.get(i) != Some(&f[j]) {
                return None;
            }
            i += 1;
            j += 1;
        }
    }
    if i != t.len() {
        return None;
    }
    if let Some(p) = pm {
        c.hour = c.hour % 12 + if p { 12 } else { 0 };
    }
    Some(c)
}

/// Build the `_civil` helper module.
pub fn make_civil(_it: &mut Interp) -> Value {
    make_module(
        "_civil",
        vec![
            (
                "round_micros",
                func("round_micros", |it, args| match args.pos.first() {
                    Some(Value::Float(f)) => {
                        let r = f.round_ties_even();
                        crate::python::text::float_repr::float_to_int(r)
                            .map(Value::from_bigint)
                            .map_err(|e| it.text_err(e))
                    }
                    Some(v) => it.to_int(v),
                    None => Ok(Value::Int(0)),
                }),
            ),
            (
                "td_check",
                func("td_check", |it, args| {
                    let us = micros(it, args.pos.first().unwrap_or(&Value::Int(0)))?;
                    civil::timedelta_parts(us).map_err(|e| it.text_err(e))?;
                    Ok(Value::None)
                }),
            ),
            (
                "td_total_seconds",
                func("td_total_seconds", |it, args| {
                    Ok(Value::Float(civil::timedelta_total_seconds(micros(
                        it,
                        args.pos.first().unwrap_or(&Value::Int(0)),
                    )?)))
                }),
            ),
            (
                "td_str",
                func("td_str", |it, args| {
                    let us = micros(it, args.pos.first().unwrap_or(&Value::Int(0)))?;
                    civil::timedelta_str(us)
                        .map(|s| Value::str(&s))
                        .map_err(|e| it.text_err(e))
                }),
            ),
            (
                "td_repr",
                func("td_repr", |it, args| {
                    let us = micros(it, args.pos.first().unwrap_or(&Value::Int(0)))?;
                    civil::timedelta_repr(us)
                        .map(|s| Value::str(&s))
                        .map_err(|e| it.text_err(e))
                }),
            ),
            (
                "tz_name",
                func("tz_name", |it, args| {
                    Ok(Value::str(&civil::timezone_name(int(it, &args, 0)?)))
                }),
            ),
            (
                "tz_repr",
                func("tz_repr", |it, args| {
                    Ok(Value::str(&civil::timezone_repr(int(it, &args, 0)?)))
                }),
            ),
            (
                "check",
                func("check", |it, args| {
                    let v: Vec<i64> = (0..7).map(|i| int(it, &args, i)).collect::<PyResult<_>>()?;
                    civil::check_datetime_fields(v[0], v[1], v[2], v[3], v[4], v[5], v[6])
                        .map_err(|e| it.text_err(e))?;
                    Ok(Value::None)
                }),
            ),
            (
                "now_micros",
                func("now_micros", |it, _args| {
                    Ok(Value::Int((it.config.clock * 1e6).round() as i64))
                }),
            ),
            (
                "now_fields",
                func("now_fields", |it, _args| {
                    Ok(tuple_of(&CivilDateTime::from_unix_micros(
                        (it.config.clock * 1e6).round() as i64,
                    )))
                }),
            ),
            (
                "from_unix_micros",
                func("from_unix_micros", |it, args| {
                    Ok(tuple_of(&CivilDateTime::from_unix_micros(int(
                        it, &args, 0,
                    )?)))
                }),
            ),
            (
                "to_unix_micros",
                func("to_unix_micros", |it, args| {
                    Ok(Value::Int(fields(it, &args)?.to_unix_micros()))
                }),
            ),
            (
                "to_ordinal",
                func("to_ordinal", |it, args| {
                    Ok(Value::Int(civil::ymd_to_ordinal(
                        int(it, &args, 0)?,
                        int(it, &args, 1)? as u32,
                        int(it, &args, 2)? as u32,
                    )))
                }),
            ),
            (
                "from_ordinal",
                func("from_ordinal", |it, args| {
                    let n = int(it, &args, 0)?;
                    if !(1..=3652059).contains(&n) {
                        return Err(it.value_error(format!("ordinal must be >= 1")));
                    }
                    let (y, m, d) = civil::ordinal_to_ymd(n);
                    Ok(Value::tuple(vec![
                        Value::Int(y),
                        Value::Int(m as i64),
                        Value::Int(d as i64),
                    ]))
                }),
            ),
            (
                "parse_iso",
                func("parse_iso", |it, args| {
                    let text = args
                        .pos
                        .first()
                        .and_then(|v| v.as_str_opt())
                        .unwrap_or_default();
                    let date_only =
                        args.pos.get(1).and_then(|v| v.as_str_opt()).as_deref() == Some("date");
                    match parse_iso(&text, date_only) {
                        Some((c, off)) => {
                            let Value::Tuple(t) = &tuple_of(&c) else {
                                return Ok(Value::None);
                            };
                            let mut v = t.to_vec();
                            v.push(off.map(Value::Int).unwrap_or(Value::None));
                            Ok(Value::tuple(v))
                        }
                        None => Err(it.value_error(format!(
                            "Invalid isoformat string: {}",
                            crate::python::text::str_repr(&text)
                        ))),
                    }
                }),
            ),
            (
                "strptime",
                func("strptime", |it, args| {
                    let text = args
                        .pos
                        .first()
                        .and_then(|v| v.as_str_opt())
                        .unwrap_or_default();
                    let fmt = args
                        .pos
                        .get(1)
                        .and_then(|v| v.as_str_opt())
                        .unwrap_or_default();
                    match strptime(&text, &fmt) {
                        Some(c) => {
                            civil::check_datetime_fields(
                                c.year,
                                c.month as i64,
                                c.day as i64,
                                c.hour as i64,
                                c.minute as i64,
                                c.second as i64,
                                c.microsecond as i64,
                            )
                            .map_err(|e| it.text_err(e))?;
                            Ok(tuple_of(&c))
                        }
                        None => Err(it.value_error(format!(
                            "time data {} does not match format {}",
                            crate::python::text::str_repr(&text),
                            crate::python::text::str_repr(&fmt)
                        ))),
                    }
                }),
            ),
            (
                "strftime",
                func("strftime", |it, args| {
                    let c = fields(it, &args)?;
                    let fmt = args
                        .pos
                        .get(7)
                        .and_then(|v| v.as_str_opt())
                        .unwrap_or_default();
                    let zone = match (args.pos.get(8), args.pos.get(9)) {
                        (Some(Value::Int(off)), name) => Some(ZoneInfo {
                            offset_micros: *off,
                            name: name.and_then(|n| n.as_str_opt()).unwrap_or_default(),
                        }),
                        _ => None,
                    };
                    Ok(Value::str(&civil::strftime(&c, &fmt, zone.as_ref())))
                }),
            ),
            (
                "isoformat",
                func("isoformat", |it, args| {
                    let c = fields(it, &args)?;
                    let sep = args
                        .pos
                        .get(7)
                        .and_then(|v| v.as_str_opt())
                        .and_then(|s| s.chars().next())
                        .unwrap_or('T');
                    let spec = TimeSpec::parse(
                        &args
                            .pos
                            .get(8)
                            .and_then(|v| v.as_str_opt())
                            .unwrap_or_else(|| "auto".into()),
                    )
                    .map_err(|e| it.text_err(e))?;
                    let off = match args.pos.get(9) {
                        Some(Value::Int(o)) => Some(*o),
                        _ => None,
                    };
                    Ok(Value::str(&civil::isoformat(&c, sep, spec, off)))
                }),
            ),
            (
                "dt_repr",
                func("dt_repr", |it, args| {
                    let c = fields(it, &args)?;
                    let tz = args.pos.get(7).and_then(|v| v.as_str_opt());
                    Ok(Value::str(&civil::datetime_repr(&c, tz.as_deref())))
                }),
            ),
        ],
    )
}
