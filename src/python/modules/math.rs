//! `math`: the float functions and constants learners reach for.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::{func, make_module};
use crate::python::builtins::builtin;
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
        builtin(name, move |it, args| {
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
        builtin(name, move |it, args| match args.pos.first() {
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
            let mut values = Vec::with_capacity(items.len());
            for x in items {
                values.push(it.to_float(&x)?);
            }
            match exact_sum(&values) {
                Some(s) => Ok(Value::Float(s)),
                None => Err(it.err("OverflowError", "intermediate overflow in fsum")),
            }
        }),
    ));
    items.push((
        "fmod",
        func("fmod", |it, args| {
            let (x, y) = (
                arg_f64(it, &args, 0, "fmod")?,
                arg_f64(it, &args, 1, "fmod")?,
            );
            if y == 0.0 && !x.is_nan() || x.is_infinite() {
                return Err(it.value_error("math domain error"));
            }
            // Rust's `%` on floats is C's fmod: the result has the sign of x.
            Ok(Value::Float(x % y))
        }),
    ));
    items.push((
        "lcm",
        func("lcm", |it, args| {
            let mut acc = BigInt::one();
            for a in &args.pos {
                let Some(b) = a.as_bigint() else {
                    return Err(it.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        a.type_name()
                    )));
                };
                acc = if acc.is_zero() || b.is_zero() {
                    BigInt::from(0)
                } else {
                    acc.lcm(&b)
                };
            }
            Ok(Value::from_bigint(acc))
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

/// The correctly rounded sum of `values` (math.fsum), by Shewchuk's method: a list of
/// non-overlapping partial sums is kept exactly, then added from the largest with a final
/// half-way correction. `None` when an intermediate sum overflows.
fn exact_sum(values: &[f64]) -> Option<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for &v in values {
        if !v.is_finite() {
            // Infinities and NaNs: their own sum (inf + -inf is NaN), as CPython reports them.
            special += v;
            continue;
        }
        let mut x = v;
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        if !x.is_finite() {
            return None;
        }
        partials.truncate(kept);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return Some(special);
    }
    let Some(mut hi) = partials.pop() else {
        return Some(0.0);
    };
    let mut lo = 0.0;
    while let Some(y) = partials.pop() {
        let x = hi;
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    // Round half-way cases as if the remaining partials were added exactly.
    if let Some(&next) = partials.last()
        && ((lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0))
    {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    Some(hi)
}
