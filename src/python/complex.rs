//! `complex`: the complex number type — literals (`2j`), `complex(...)`, arithmetic with `int`,
//! `float` and `complex`, `abs`, equality and hashing consistent with the real numbers, the
//! `real`/`imag`/`conjugate()` members and CPython's repr (`(1+2j)`, `-0j`, `(nan+infj)`).
//!
//! A host object (`NativeObject`), as `bytearray` is, so the evaluator's matches over `Value`
//! stay untouched; the operators reach it through the small hooks [`binary`], [`negate`],
//! [`abs_value`], [`equals`] and [`hash`]. The arithmetic is written by hand (no crate: the
//! results must be CPython's to the last bit): products as written out, quotients by Smith's
//! method (the scaled form that avoids needless overflow, as CPython divides), powers by repeated
//! squaring for small integral exponents and through polar form otherwise, as CPython does.

use std::rc::Rc;

use rustpython_ruff_python_ast::Operator;

use super::builtins::builtin;
use super::interp::{Interp, PyResult};
use super::text::float_repr::{FloatCode, FloatFlags, double_to_string};
use super::value::*;

/// A `complex` value: two floats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

/// A new `complex` value.
pub fn new_value(re: f64, im: f64) -> Value {
    Value::Native(Rc::new(Complex { re, im }))
}

/// The complex number behind a value, if it is a `complex`.
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<Complex>().copied(),
        _ => None,
    }
}

/// An `int`, `float` or `complex` as a complex number (`None` for anything else). An int too
/// large for a float is CPython's OverflowError.
fn coerce(it: &mut Interp, v: &Value) -> PyResult<Option<Complex>> {
    let re = match v {
        Value::Bool(b) => *b as i64 as f64,
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Long(b) => match super::text::float_repr::int_to_float(b) {
            Ok(f) => f,
            Err(_) => return Err(it.err("OverflowError", "int too large to convert to float")),
        },
        other => return Ok(as_complex(other)),
    };
    Ok(Some(Complex { re, im: 0.0 }))
}

fn mul(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// `a / b` by Smith's method; `None` when `b` is zero.
fn div(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        // A NaN in the divisor.
        Some(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

/// Why a power failed: a zero base to a negative or complex power, or an overflow.
enum PowError {
    ZeroBase,
    Overflow,
}

/// `a ** b`.
fn pow(a: Complex, b: Complex) -> Result<Complex, PowError> {
    let result = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        // Small integral exponents multiply, so `(1+2j) ** 2` is exact.
        let n = b.re as i64;
        let mut result = ONE;
        let mut square = a;
        let mut rest = n.unsigned_abs();
        while rest > 0 {
            if rest & 1 == 1 {
                result = mul(result, square);
            }
            rest >>= 1;
            if rest > 0 {
                square = mul(square, square);
            }
        }
        if n > 0 {
            result
        } else {
            div(ONE, result).ok_or(PowError::ZeroBase)?
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        ONE
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowError::ZeroBase);
        }
        Complex { re: 0.0, im: 0.0 }
    } else {
        let modulus = a.re.hypot(a.im);
        let mut length = modulus.powf(b.re);
        let angle = a.im.atan2(a.re);
        let mut phase = angle * b.re;
        if b.im != 0.0 {
            length /= (angle * b.im).exp();
            phase += b.im * modulus.ln();
        }
        Complex {
            re: length * phase.cos(),
            im: length * phase.sin(),
        }
    };
    let finite = |c: Complex| c.re.is_finite() && c.im.is_finite();
    if finite(a) && finite(b) && !finite(result) {
        return Err(PowError::Overflow);
    }
    Ok(result)
}

/// `l op r` when either side is a `complex` and the other a number; `None` leaves the operands
/// to the interpreter's other rules (and its "unsupported operand" message).
pub fn binary(it: &mut Interp, op: Operator, l: &Value, r: &Value) -> PyResult<Option<Value>> {
    if as_complex(l).is_none() && as_complex(r).is_none() {
        return Ok(None);
    }
    let (Some(a), Some(b)) = (coerce(it, l)?, coerce(it, r)?) else {
        return Ok(None);
    };
    let c = match op {
        Operator::Add => Complex {
            re: a.re + b.re,
            im: a.im + b.im,
        },
        Operator::Sub => Complex {
            re: a.re - b.re,
            im: a.im - b.im,
        },
        Operator::Mult => mul(a, b),
        Operator::Div => {
            div(a, b).ok_or_else(|| it.err("ZeroDivisionError", "complex division by zero"))?
        }
        Operator::Pow => power(it, a, b)?,
        _ => return Ok(None),
    };
    Ok(Some(new_value(c.re, c.im)))
}

/// `divmod` refuses complex numbers, naming itself (not `//`) in the message.
pub fn no_divmod(it: &mut Interp, l: &Value, r: &Value) -> Option<Box<super::interp::Exc>> {
    (as_complex(l).is_some() || as_complex(r).is_some()).then(|| {
        it.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            l.type_name(),
            r.type_name()
        ))
    })
}

/// `a ** b` with CPython's errors.
fn power(it: &mut Interp, a: Complex, b: Complex) -> PyResult<Complex> {
    pow(a, b).map_err(|e| match e {
        PowError::ZeroBase => it.err("ZeroDivisionError", "0.0 to a negative or complex power"),
        PowError::Overflow => it.err("OverflowError", "complex exponentiation"),
    })
}

/// `a ** b` for floats whose real result does not exist (a negative base to a fractional
/// power): CPython computes it as a complex power.
pub fn float_pow(it: &mut Interp, a: f64, b: f64) -> PyResult<Value> {
    let c = power(it, Complex { re: a, im: 0.0 }, Complex { re: b, im: 0.0 })?;
    Ok(new_value(c.re, c.im))
}

/// `-z` (`None` when `v` is no `complex`).
pub fn negate(v: &Value) -> Option<Value> {
    as_complex(v).map(|c| new_value(-c.re, -c.im))
}

/// `abs(z)`: the modulus (`None` when `v` is no `complex`).
pub fn abs_value(it: &mut Interp, v: &Value) -> Option<PyResult<Value>> {
    let c = as_complex(v)?;
    let m = c.re.hypot(c.im);
    if m.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Some(Err(it.err("OverflowError", "absolute value too large")));
    }
    Some(Ok(Value::Float(m)))
}

/// `l == r` when one side is a `complex` (`None` otherwise). A complex with no imaginary part
/// equals the int or float of its real part.
pub fn equals(l: &Value, r: &Value) -> Option<bool> {
    let (c, other) = match (as_complex(l), as_complex(r)) {
        (Some(a), Some(b)) => return Some(a.re == b.re && a.im == b.im),
        (Some(c), None) => (c, r),
        (None, Some(c)) => (c, l),
        (None, None) => return None,
    };
    Some(match other {
        Value::Bool(_) | Value::Int(_) | Value::Long(_) | Value::Float(_) => {
            c.im == 0.0 && super::dict::key_eq(&Value::Float(c.re), other)
        }
        _ => false,
    })
}

/// `hash(z)`: the real part's hash plus 1000003 times the imaginary part's, so a complex with
/// no imaginary part hashes as its real part does (`None` when `v` is no `complex`).
pub fn hash(v: &Value) -> Option<i64> {
    let c = as_complex(v)?;
    let h = super::dict::hash_float(c.re)
        .wrapping_add(super::dict::hash_float(c.im).wrapping_mul(1_000_003));
    Some(if h == -1 { -2 } else { h })
}

/// A part as repr writes it: the shortest digits, no `.0` (`1`, `-0`, `2.5`, `inf`).
fn part(x: f64, sign: bool) -> String {
    let flags = FloatFlags {
        sign,
        ..FloatFlags::default()
    };
    double_to_string(x, FloatCode::Repr, 0, flags)
}

/// `repr(z)`: `2j` when the real part is a positive zero, else `(re±imj)`.
pub fn repr(c: Complex) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        format!("{}j", part(c.im, false))
    } else {
        format!("({}{}j)", part(c.re, false), part(c.im, true))
    }
}

impl NativeObject for Complex {
    fn type_name(&self) -> String {
        "complex".into()
    }
    fn get_attr(&self, _interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let me = *self;
        Ok(match name {
            "real" => Some(Value::Float(self.re)),
            "imag" => Some(Value::Float(self.im)),
            "conjugate" => Some(builtin("conjugate", move |_, _| {
                Ok(new_value(me.re, -me.im))
            })),
            _ => None,
        })
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok(repr(*self))
    }
    fn truthy(&self, _interp: &mut Interp) -> PyResult<Option<bool>> {
        Ok(Some(self.re != 0.0 || self.im != 0.0))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Reads `complex(text)`: optional blanks and one pair of parentheses around `re`, `imj`,
/// `re±imj` (`j` alone stands for `1j`); blanks inside the number are refused, as CPython does.
fn parse(text: &str) -> Option<Complex> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let float = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => super::text::number_parse::parse_float(t).ok(),
        }
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Some(Complex {
            re: super::text::number_parse::parse_float(s).ok()?,
            im: 0.0,
        });
    };
    // The imaginary part starts at the last sign that is not an exponent's.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    match split {
        Some(i) => {
            let re = super::text::number_parse::parse_float(&body[..i]).ok()?;
            Some(Complex {
                re,
                im: float(&body[i..])?,
            })
        }
        None => Some(Complex {
            re: 0.0,
            im: float(body)?,
        }),
    }
}

/// `complex(real=0, imag=0)`: numbers (a complex `imag` turns by `1j`) or one string.
fn construct(it: &mut Interp, args: &[Value]) -> PyResult<Value> {
    let first = args.first().cloned().unwrap_or(Value::Int(0));
    let second = args.get(1);
    if let Value::Str(s) = &first {
        if second.is_some() {
            return Err(it.type_error("complex() can't take second arg if first is a string"));
        }
        let c = parse(s).ok_or_else(|| it.value_error("complex() arg is a malformed string"))?;
        return Ok(new_value(c.re, c.im));
    }
    let first_is_complex = as_complex(&first).is_some();
    let Some(a) = coerce(it, &first)? else {
        return Err(it.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            first.type_name()
        )));
    };
    let second_is_complex = second.and_then(as_complex).is_some();
    let b = match second {
        None => Complex { re: 0.0, im: 0.0 },
        Some(Value::Str(_)) => return Err(it.type_error("complex() second arg can't be a string")),
        Some(v) => coerce(it, v)?.ok_or_else(|| {
            it.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                v.type_name()
            ))
        })?,
    };
    // real + imag * 1j, with the sums only where a part is complex: `complex(0, -0.0)` keeps
    // its negative zero, as in CPython.
    let re = if second_is_complex { a.re - b.im } else { a.re };
    let im = if first_is_complex { a.im + b.re } else { b.re };
    Ok(new_value(re, im))
}

/// Makes `complex` a built-in name.
pub fn install(interp: &mut Interp) {
    let class = interp.ty("complex");
    let ctor = builtin("complex", |it, mut args| {
        args.pos.remove(0);
        if let Some(v) = args.take_kw("real") {
            args.pos.insert(0, v);
        }
        if let Some(v) = args.take_kw("imag") {
            if args.pos.is_empty() {
                args.pos.push(Value::Int(0));
            }
            args.pos.insert(1, v);
        }
        if args.pos.len() > 2 {
            return Err(it.type_error(format!(
                "complex() takes at most 2 arguments ({} given)",
                args.pos.len()
            )));
        }
        construct(it, &args.pos)
    });
    class.dict.borrow_mut().set_str("__new__", ctor);
    interp.builtins.set("complex", Value::Class(class));
}
