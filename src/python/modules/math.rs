//! `math`: the float functions and constants learners reach for.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed};

use super::{func, make_module};
use crate::python::interp::{Interp, PyResult};
use crate::python::text;
use crate::python::value::*;

fn arg_f64(it: &mut Interp, args: &Args, i: usize, name: &str) -> PyResult<f64> {
    match args.pos.get(i) {
        Some(Value::Float(f)) => Ok(*f),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::Long(_))) => it.to_float(v),
        Some(o) => Err(it.type_error(format!("must be real number, not {}", o.type_name()))),
        None => Err(it.type_error(format!("{name}() takes exactly one argument (0 given)"))),
    }
}

fn unary(name: &'static str, f: fn(f64) -> f64) -> (&'static str, Value) {
    (
        name,
        func(name, move |it, args| {
            let x = arg_f64(it, &args, 0, name)?;
            let r = f(x);
            if r.is_nan() && !x.is_nan() {
                return Err(it.value_error("math domain error"));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(it.err("OverflowError", "math range error"));
            }
            Ok(Value::Float(r))
        }),
    )
}

fn to_int_fn(name: &'static str, f: fn(f64) -> f64) -> (&'static str, Value) {
    (
        name,
        func(name, move |it, args| match args.pos.first() {
            Some(v @ (Value::Int(_) | Value::Long(_))) => Ok(v.clone()),
            Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            _ => {
                let x = arg_f64(it, &args, 0, name)?;
                text::float_repr::float_to_int(f(x))
                    .map(Value::from_bigint)
                    .map_err(|e| it.text_err(e))
            }
        }),
    )
}

/// Build the module.
pub fn make(_it: &mut Interp) -> Value {
    let mut items = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        unary("sqrt", |x| if x < 0.0 { f64::NAN } else { x.sqrt() }),
        unary("exp", f64::exp),
        unary("sin", f64::sin),
        unary("cos", f64::cos),
        unary("tan", f64::tan),
        unary("asin", f64::asin),
        unary("acos", f64::acos),
        unary("atan", f64::atan),
        unary("fabs", f64::abs),
        unary("log2", |x| if x <= 0.0 { f64::NAN } else { x.log2() }),
        unary("log10", |x| if x <= 0.0 { f64::NAN } else { x.log10() }),
        unary("degrees", f64::to_degrees),
        unary("radians", f64::to_radians),
        to_int_fn("floor", f64::floor),
        to_int_fn("ceil", f64::ceil),
        to_int_fn("trunc", f64::trunc),
    ];
    items.push((
        "log",
        func("log", |it, args| {
            let x = arg_f64(it, &args, 0, "log")?;
            if x <= 0.0 {
                return Err(it.value_error("math domain error"));
            }
            match args.pos.get(1) {
                None => Ok(Value::Float(x.ln())),
                Some(_) => {
                    let b = arg_f64(it, &args, 1, "log")?;
                    Ok(Value::Float(x.ln() / b.ln()))
                }
            }
        }),
    ));
    items.push((
        "pow",
        func("pow", |it, args| {
            let (x, y) = (arg_f64(it, &args, 0, "pow")?, arg_f64(it, &args, 1, "pow")?);
            Ok(Value::Float(x.powf(y)))
        }),
    ));
    items.push((
        "hypot",
        func("hypot", |it, args| {
            let mut acc = 0.0f64;
            for i in 0..args.pos.len() {
                let v = arg_f64(it, &args, i, "hypot")?;
                acc = acc.hypot(v);
            }
            Ok(Value::Float(acc))
        }),
    ));
    items.push((
        "isnan",
        func("isnan", |it, args| {
            Ok(Value::Bool(arg_f64(it, &args, 0, "isnan")?.is_nan()))
        }),
    ));
    items.push((
        "isinf",
        func("isinf", |it, args| {
            Ok(Value::Bool(arg_f64(it, &args, 0, "isinf")?.is_infinite()))
        }),
    ));
    items.push((
        "isfinite",
        func("isfinite", |it, args| {
            Ok(Value::Bool(arg_f64(it, &args, 0, "isfinite")?.is_finite()))
        }),
    ));
    items.push((
        "isclose",
        func("isclose", |it, mut args| {
            let rel = args
                .take_kw("rel_tol")
                .map(|v| it.to_float(&v))
                .transpose()?
                .unwrap_or(1e-9);
            let abs = args
                .take_kw("abs_tol")
                .map(|v| it.to_float(&v))
                .transpose()?
                .unwrap_or(0.0);
            let (a, b) = (
                arg_f64(it, &args, 0, "isclose")?,
                arg_f64(it, &args, 1, "isclose")?,
            );
            if a == b {
                return Ok(Value::Bool(true));
            }
            let diff = (a - b).abs();
            Ok(Value::Bool(
                diff <= (rel * b.abs()).max(rel * a.abs()) || diff <= abs,
            ))
        }),
    ));
    items.push((
        "gcd",
        func("gcd", |it, args| {
            let mut acc = BigInt::from(0);
            for a in &args.pos {
                match a.as_bigint() {
                    Some(b) => acc = acc.gcd(&b),
                    None => {
                        return Err(it.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            a.type_name()
                        )));
                    }
                }
            }
            Ok(Value::from_bigint(acc))
        }),
    ));
    items.push((
        "factorial",
        func("factorial", |it, args| {
            let n = match args.pos.first() {
                Some(v @ (Value::Int(_) | Value::Bool(_))) => v.as_i64().unwrap_or(0),
                Some(o) => {
                    return Err(it.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        o.type_name()
                    )));
                }
                None => {
                    return Err(it.type_error("factorial() takes exactly one argument (0 given)"));
                }
            };
            if n < 0 {
                return Err(it.value_error("factorial() not defined for negative values"));
            }
            it.check_size((n as u128 * 20) / 8)?;
            let mut acc = BigInt::one();
            for i in 2..=n {
                it.charge_multiply(acc.bits(), 64)?;
                acc *= i;
            }
            Ok(Value::from_bigint(acc))
        }),
    ));
    items.push((
        "copysign",
        func("copysign", |it, args| {
            let (a, b) = (
                arg_f64(it, &args, 0, "copysign")?,
                arg_f64(it, &args, 1, "copysign")?,
            );
            Ok(Value::Float(a.copysign(b)))
        }),
    ));
    items.push((
        "fsum",
        func("fsum", |it, args| {
            let items = it.collect(args.pos.first().unwrap_or(&Value::None))?;
            let mut s = 0.0;
            for x in items {
                s += it.to_float(&x)?;
            }
            Ok(Value::Float(s))
        }),
    ));
    items.push((
        "isqrt",
        func("isqrt", |it, args| {
            let n = args
                .pos
                .first()
                .and_then(|v| v.as_bigint())
                .unwrap_or_default();
            if n.is_negative() {
                return Err(it.value_error("isqrt() argument must be nonnegative"));
            }
            Ok(Value::from_bigint(n.sqrt()))
        }),
    ));
    make_module("math", items)
}
