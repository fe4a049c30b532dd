//! `datetime`: the classes are Python (`py/datetime.py`, run as a hidden module); the
//! calendar arithmetic and every piece of text come from `text::civil_time` through the
//! native helper module `_civil` defined here. The clock is the host's virtual clock.

use num_traits::ToPrimitive;

use super::{func, make_module};
use crate::python::interp::{Interp, PyResult};
use crate::python::text::civil_time::{self as civil, CivilDateTime, TimeSpec, ZoneInfo};
use crate::python::text::{iso_parse, strptime};
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

/// The seven fields as Python ints, year first.
fn field_values(c: &CivilDateTime) -> Vec<Value> {
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
    .collect()
}

fn tuple_of(c: &CivilDateTime) -> Value {
    Value::tuple(field_values(c))
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

/// The text argument of `fromisoformat`/`strptime`, with CPython's message for a non-str.
fn str_arg(it: &Interp, args: &Args, i: usize, what: &str) -> PyResult<String> {
    match args.pos.get(i).and_then(|v| v.as_str_opt()) {
        Some(text) => Ok(text.to_string()),
        None => Err(it.type_error(what.to_string())),
    }
}

/// The fields, then the UTC offset in microseconds (or None): what the Python half turns into a
/// naive or aware value.
fn fields_with_offset(c: &CivilDateTime, offset: Option<i64>) -> Vec<Value> {
    let mut v = field_values(c);
    v.push(offset.map(Value::Int).unwrap_or(Value::None));
    v
}

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
                        return Err(it.value_error("ordinal must be >= 1".to_string()));
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
                    let text = str_arg(it, &args, 0, "fromisoformat: argument must be str")?;
                    if args.pos.get(1).and_then(|v| v.as_str_opt()).as_deref() == Some("date") {
                        let (y, m, d) =
                            iso_parse::date_fromisoformat(&text).map_err(|e| it.text_err(e))?;
                        let c = CivilDateTime {
                            year: y,
                            month: m,
                            day: d,
                            hour: 0,
                            minute: 0,
                            second: 0,
                            microsecond: 0,
                        };
                        return Ok(Value::tuple(fields_with_offset(&c, None)));
                    }
                    let (c, offset) =
                        iso_parse::datetime_fromisoformat(&text).map_err(|e| it.text_err(e))?;
                    Ok(Value::tuple(fields_with_offset(&c, offset)))
                }),
            ),
            (
                "strptime",
                func("strptime", |it, args| {
                    let text = args.pos.first().cloned().unwrap_or(Value::None);
                    let format = args.pos.get(1).cloned().unwrap_or(Value::None);
                    let (Some(text), Some(format)) = (text.as_str_opt(), format.as_str_opt())
                    else {
                        let bad = if text.as_str_opt().is_none() {
                            &text
                        } else {
                            &format
                        };
                        return Err(it.type_error(format!(
                            "strptime() argument {} must be str, not {}",
                            if text.as_str_opt().is_none() { 1 } else { 2 },
                            bad.type_name()
                        )));
                    };
                    let parsed = strptime::strptime(&text, &format).map_err(|e| it.text_err(e))?;
                    let mut v = fields_with_offset(&parsed.fields, parsed.offset_micros);
                    v.push(
                        parsed
                            .zone_name
                            .map(|z| Value::str(&z))
                            .unwrap_or(Value::None),
                    );
                    Ok(Value::tuple(v))
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
