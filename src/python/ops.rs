//! Operators and protocols: arithmetic, comparison, truthiness, `repr`/`str`, attributes,
//! subscripts, iteration, with CPython's error messages.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use ast::{CmpOp, Operator, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Pow, Signed, ToPrimitive, Zero};
use rustpython_ruff_python_ast as ast;

use super::dict::Dict;
use super::interp::{Interp, PyResult};
use super::value::*;

/// The symbol CPython prints for an operator.
pub fn op_symbol(op: Operator) -> &'static str {
    match op {
        Operator::Add => "+",
        Operator::Sub => "-",
        Operator::Mult => "*",
        Operator::MatMult => "@",
        Operator::Div => "/",
        Operator::Mod => "%",
        Operator::Pow => "** or pow()",
        Operator::LShift => "<<",
        Operator::RShift => ">>",
        Operator::BitOr => "|",
        Operator::BitXor => "^",
        Operator::BitAnd => "&",
        Operator::FloorDiv => "//",
    }
}

fn dunder(op: Operator) -> (&'static str, &'static str, &'static str) {
    match op {
        Operator::Add => ("__add__", "__radd__", "__iadd__"),
        Operator::Sub => ("__sub__", "__rsub__", "__isub__"),
        Operator::Mult => ("__mul__", "__rmul__", "__imul__"),
        Operator::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        Operator::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        Operator::Mod => ("__mod__", "__rmod__", "__imod__"),
        Operator::Pow => ("__pow__", "__rpow__", "__ipow__"),
        Operator::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        Operator::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        Operator::BitOr => ("__or__", "__ror__", "__ior__"),
        Operator::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        Operator::BitAnd => ("__and__", "__rand__", "__iand__"),
        Operator::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

fn is_num(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Long(_) | Value::Bool(_) | Value::Float(_)
    )
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Long(b) => b.to_f64(),
        _ => None,
    }
}

fn big(v: &Value) -> BigInt {
    v.as_bigint().unwrap_or_default()
}

impl Interp {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Long(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::FrozenSet(d) => !d.is_empty(),
            Value::Range(r) => r.len() > 0,
            Value::Instance(i)
                if i.class.lookup("__bool__").is_none()
                    && i.class.lookup("__len__").is_none()
                    && i.base.is_some() =>
            {
                let b = i.base.clone().unwrap_or(Value::None);
                return self.truthy(&b);
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__bool__") {
                    let r = self.call(&self.bind(m, v.clone()), Args::default())?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(m) = i.class.lookup("__len__") {
                    let r = self.call(&self.bind(m, v.clone()), Args::default())?;
                    return Ok(r.as_i64().unwrap_or(1) != 0);
                }
                true
            }
            Value::Native(n) => n.clone().truthy(self)?.unwrap_or(true),
            _ => true,
        })
    }

    /// `l op= r`: in-place for lists and sets, otherwise the binary operator.
    pub fn inplace_op(&mut self, op: Operator, l: Value, r: Value) -> PyResult<Value> {
        match (&l, op) {
            (Value::List(a), Operator::Add) => {
                let items = if let Value::List(b) = &r {
                    b.borrow().clone()
                } else {
                    if !self.is_iterable(&r) {
                        return Err(
                            self.type_error(format!("'{}' object is not iterable", r.type_name()))
                        );
                    }
                    self.collect(&r)?
                };
                self.check_size((a.borrow().len() + items.len()) as u128 * 8)?;
                a.borrow_mut().extend(items);
                return Ok(l.clone());
            }
            (Value::Dict(a), Operator::BitOr) => {
                for (k, v) in self.mapping_items(&r)? {
                    let mut d = a.borrow_mut();
                    d.insert(k, v)
                        .map_err(|u| self.type_error(format!("unhashable type: '{}'", u.0)))?;
                }
                return Ok(l.clone());
            }
            (Value::Native(_), Operator::Add) if super::bytearray::as_bytearray(&l).is_some() => {
                let more = super::bytearray::bytes_like(&r).ok_or_else(|| {
                    self.type_error(format!("can't concat {} to bytearray", r.type_name()))
                })?;
                if let Some(b) = super::bytearray::as_bytearray(&l) {
                    self.check_size((b.data.borrow().len() + more.len()) as u128)?;
                    b.data.borrow_mut().extend(more);
                }
                return Ok(l.clone());
            }
            (Value::Instance(i), _) => {
                let (_, _, iname) = dunder(op);
                if let Some(m) = i.class.lookup(iname) {
                    let res =
                        self.call(&self.bind(m, l.clone()), Args::positional(vec![r.clone()]))?;
                    if !matches!(res, Value::NotImplemented) {
                        return Ok(res);
                    }
                }
            }
            _ => {}
        }
        self.binary_op_sym(op, l, r, true)
    }

    /// `l op r`.
    pub fn binary_op(&mut self, op: Operator, l: Value, r: Value) -> PyResult<Value> {
        self.binary_op_sym(op, l, r, false)
    }

    fn binary_op_sym(
        &mut self,
        op: Operator,
        l: Value,
        r: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        // Fast path for small ints.
        if let (Value::Int(a), Value::Int(b)) = (&l, &r) {
            let (a, b) = (*a, *b);
            let fast = match op {
                Operator::Add => a.checked_add(b),
                Operator::Sub => a.checked_sub(b),
                Operator::Mult => a.checked_mul(b),
                _ => None,
            };
            if let Some(v) = fast {
                return Ok(Value::Int(v));
            }
        }
        if is_num(&l) && is_num(&r) {
            return self.num_op(op, &l, &r);
        }
        let (name, rname, _) = dunder(op);
        if let Some(v) = self.rich_user(&l, &r, name, rname)? {
            return Ok(v);
        }
        // `int | None` in an annotation or an isinstance: a `types.UnionType` (made by the
        // stdlib's `types`, imported on the first use).
        if op == Operator::BitOr
            && (matches!(l, Value::Class(_)) || matches!(r, Value::Class(_)))
            && [&l, &r]
                .iter()
                .all(|side| matches!(side, Value::Class(_) | Value::None))
        {
            let types = self.import_module("types")?;
            let union = self.get_attr(&types, "_union")?;
            return self.call(&union, Args::positional(vec![l, r]));
        }
        if let Some(v) = self.builtin_subclass_binop(op, &l, &r, inplace)? {
            return Ok(v);
        }
        if let Some(v) = super::complex::binary(self, op, &l, &r)? {
            return Ok(v);
        }
        match (op, &l, &r) {
            (Operator::Add, Value::Str(a), Value::Str(b)) => {
                self.check_size(a.len() as u128 + b.len() as u128)?;
                let mut s = String::with_capacity(a.len() + b.len());
                s.push_str(a);
                s.push_str(b);
                return Ok(Value::Str(Rc::from(s)));
            }
            (Operator::Add, Value::Str(_), _) => {
                return Err(self.type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    r.type_name()
                )));
            }
            (Operator::Add, Value::Bytes(a), Value::Bytes(b)) => {
                self.check_size(a.len() as u128 + b.len() as u128)?;
                return Ok(Value::Bytes(Rc::from([&a[..], &b[..]].concat())));
            }
            (Operator::Add, Value::List(a), Value::List(b)) => {
                let mut v = a.borrow().clone();
                v.extend(b.borrow().iter().cloned());
                self.check_size(v.len() as u128 * 8)?;
                return Ok(Value::list(v));
            }
            (Operator::Add, Value::List(_), _) => {
                return Err(self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    r.type_name()
                )));
            }
            (Operator::Add, Value::Tuple(a), Value::Tuple(b)) => {
                let mut v = a.to_vec();
                v.extend(b.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (Operator::Add, Value::Tuple(_), _) => {
                return Err(self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    r.type_name()
                )));
            }
            (
                Operator::Mult,
                Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_) | Value::Long(_),
            ) => {
                return self.repeat(&l, &r);
            }
            (
                Operator::Mult,
                Value::Int(_) | Value::Bool(_) | Value::Long(_),
                Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_),
            ) => {
                return self.repeat(&r, &l);
            }
            (Operator::Mod, Value::Str(s), _) => return self.percent_format(s, &r),
            (Operator::Mod, Value::Bytes(b), _) => return self.percent_format_bytes(b, &r),
            (Operator::Mod, Value::Native(_), _)
                if super::bytearray::as_bytearray(&l).is_some() =>
            {
                // `bytearray % x` formats as `bytes % x` and gives a new bytearray.
                let template = super::bytearray::bytes_like(&l).unwrap_or_default();
                return match &self.percent_format_bytes(&template, &r)? {
                    Value::Bytes(b) => Ok(super::bytearray::new_value(b.to_vec())),
                    other => Ok(other.clone()),
                };
            }
            (Operator::BitOr, Value::Dict(a), Value::Dict(b)) => {
                let mut d = a.borrow().clone();
                for (k, v) in b.borrow().iter() {
                    self.dict_insert(&mut d, k, v)?;
                }
                return Ok(Value::dict(d));
            }
            (_, Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                if let Some(v) = self.set_op(op, &l, &r)? {
                    return Ok(v);
                }
            }
            (Operator::BitAnd | Operator::BitOr | Operator::Sub | Operator::BitXor, _, _)
                if is_set_like_view(&l) || is_set_like_view(&r) =>
            {
                // `d.keys() & e.keys()`: a keys or items view is set-like; the other operand may
                // be any iterable, and the result is a new set.
                let mut sets = Vec::with_capacity(2);
                for side in [&l, &r] {
                    let mut d = super::dict::Dict::new();
                    for item in self.collect(side)? {
                        self.dict_insert(&mut d, item, Value::None)?;
                    }
                    sets.push(Value::Set(Rc::new(std::cell::RefCell::new(d))));
                }
                if let Some(v) = self.set_op(op, &sets[0], &sets[1])? {
                    return Ok(v);
                }
            }
            _ => {}
        }
        if op == Operator::Mult {
            // A sequence times a non-integer: CPython's repeat slot names the other operand.
            let is_seq = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_)
                ) || super::bytearray::as_bytearray(v).is_some()
            };
            let other = if is_seq(&l) {
                Some(&r)
            } else if is_seq(&r) {
                Some(&l)
            } else {
                None
            };
            if let Some(other) = other {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    other.type_name()
                )));
            }
        }
        let sym = op_symbol(op);
        let sym = if inplace && op != Operator::Pow {
            format!("{sym}=")
        } else {
            sym.to_string()
        };
        Err(self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            l.type_name(),
            r.type_name()
        )))
    }

    fn set_op(&mut self, op: Operator, l: &Value, r: &Value) -> PyResult<Option<Value>> {
        let a = set_items(l);
        let b = set_items(r);
        let mut out = Dict::new();
        match op {
            Operator::BitOr => {
                for k in a.keys().into_iter().chain(b.keys()) {
                    self.dict_insert(&mut out, k, Value::None)?;
                }
            }
            Operator::BitAnd => {
                for k in a.keys() {
                    if b.contains(&k) {
                        self.dict_insert(&mut out, k, Value::None)?;
                    }
                }
            }
            Operator::Sub => {
                for k in a.keys() {
                    if !b.contains(&k) {
                        self.dict_insert(&mut out, k, Value::None)?;
                    }
                }
            }
            Operator::BitXor => {
                for k in a.keys() {
                    if !b.contains(&k) {
                        self.dict_insert(&mut out, k, Value::None)?;
                    }
                }
                for k in b.keys() {
                    if !a.contains(&k) {
                        self.dict_insert(&mut out, k, Value::None)?;
                    }
                }
            }
            _ => return Ok(None),
        }
        Ok(Some(if matches!(l, Value::FrozenSet(_)) {
            Value::FrozenSet(Rc::new(out))
        } else {
            Value::Set(Rc::new(RefCell::new(out)))
        }))
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let count = match n {
            Value::Long(b) => {
                if b.is_negative() {
                    0
                } else {
                    return Err(self.err(
                        "OverflowError",
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
            }
            other => other.as_i64().unwrap_or(0),
        };
        let count = count.max(0) as u128;
        Ok(match seq {
            Value::Str(s) => {
                self.check_size(s.len() as u128 * count)?;
                Value::Str(Rc::from(s.repeat(count as usize)))
            }
            Value::Bytes(b) => {
                self.check_size(b.len() as u128 * count)?;
                Value::Bytes(Rc::from(b.repeat(count as usize)))
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                self.check_size(items.len() as u128 * count * 8)?;
                let mut out = Vec::with_capacity(items.len() * count as usize);
                for _ in 0..count {
                    out.extend(items.iter().cloned());
                }
                Value::list(out)
            }
            Value::Tuple(t) => {
                self.check_size(t.len() as u128 * count * 8)?;
                let mut out = Vec::new();
                for _ in 0..count {
                    out.extend(t.iter().cloned());
                }
                Value::tuple(out)
            }
            _ => Value::None,
        })
    }

    fn num_op(&mut self, op: Operator, l: &Value, r: &Value) -> PyResult<Value> {
        let float = matches!(l, Value::Float(_)) || matches!(r, Value::Float(_));
        if float {
            // An int beyond a float's range never becomes `inf` in arithmetic: CPython refuses it.
            let (Some(a), Some(b)) = (as_f64(l), as_f64(r)) else {
                return Err(self.err("OverflowError", "int too large to convert to float"));
            };
            let huge = |v: &Value, f: f64| matches!(v, Value::Long(_)) && !f.is_finite();
            if huge(l, a) || huge(r, b) {
                return Err(self.err("OverflowError", "int too large to convert to float"));
            }
            return Ok(Value::Float(match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => a * b,
                Operator::Div => {
                    if b == 0.0 {
                        return Err(self.err("ZeroDivisionError", "float division by zero"));
                    }
                    a / b
                }
                Operator::FloorDiv => {
                    if b == 0.0 {
                        return Err(self.err("ZeroDivisionError", "float floor division by zero"));
                    }
                    float_divmod(a, b).0
                }
                Operator::Mod => {
                    if b == 0.0 {
                        return Err(self.err("ZeroDivisionError", "float modulo"));
                    }
                    float_divmod(a, b).1
                }
                Operator::Pow => {
                    if a == 0.0 && b < 0.0 {
                        return Err(self.err(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                        return super::complex::float_pow(self, a, b);
                    }
                    let r = a.powf(b);
                    if r.is_infinite() && a.is_finite() && b.is_finite() {
                        return Err(
                            self.err("OverflowError", "(34, 'Numerical result out of range')")
                        );
                    }
                    r
                }
                _ => {
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for {}: '{}' and '{}'",
                        op_symbol(op),
                        l.type_name(),
                        r.type_name()
                    )));
                }
            }));
        }
        // Integers (bool counts as int).
        if let (Some(a), Some(b)) = (l.as_i64(), r.as_i64()) {
            match op {
                Operator::Add => {
                    return Ok(a
                        .checked_add(b)
                        .map(Value::Int)
                        .unwrap_or_else(|| Value::from_bigint(BigInt::from(a) + b)));
                }
                Operator::Sub => {
                    return Ok(a
                        .checked_sub(b)
                        .map(Value::Int)
                        .unwrap_or_else(|| Value::from_bigint(BigInt::from(a) - b)));
                }
                Operator::Mult => {
                    return Ok(a
                        .checked_mul(b)
                        .map(Value::Int)
                        .unwrap_or_else(|| Value::from_bigint(BigInt::from(a) * b)));
                }
                Operator::FloorDiv if b != 0 && !(a == i64::MIN && b == -1) => {
                    return Ok(Value::Int(Integer::div_floor(&a, &b)));
                }
                Operator::Mod if b != 0 && !(a == i64::MIN && b == -1) => {
                    return Ok(Value::Int(Integer::mod_floor(&a, &b)));
                }
                Operator::BitAnd => return Ok(Value::Int(a & b)),
                Operator::BitOr => return Ok(Value::Int(a | b)),
                Operator::BitXor => return Ok(Value::Int(a ^ b)),
                _ => {}
            }
        }
        let a = big(l);
        let b = big(r);
        Ok(match op {
            Operator::Add => Value::from_bigint(a + b),
            Operator::Sub => Value::from_bigint(a - b),
            Operator::Mult => {
                self.check_size(((a.bits() + b.bits()) / 8) as u128)?;
                self.charge_multiply(a.bits(), b.bits())?;
                Value::from_bigint(a * b)
            }
            Operator::Div => {
                if b.is_zero() {
                    return Err(self.err("ZeroDivisionError", "division by zero"));
                }
                match (a.to_f64(), b.to_f64()) {
                    (Some(x), Some(y)) if x.abs() < 9e15 && y.abs() < 9e15 => Value::Float(x / y),
                    _ => Value::Float(super::builtins::big_true_div(&a, &b)),
                }
            }
            Operator::FloorDiv => {
                if b.is_zero() {
                    return Err(self.err("ZeroDivisionError", "integer division or modulo by zero"));
                }
                Value::from_bigint(a.div_floor(&b))
            }
            Operator::Mod => {
                if b.is_zero() {
                    return Err(self.err("ZeroDivisionError", "integer modulo by zero"));
                }
                Value::from_bigint(a.mod_floor(&b))
            }
            Operator::Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return Err(self.err(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    let (Some(x), Some(y)) = (a.to_f64(), b.to_f64()) else {
                        return Ok(Value::Float(0.0));
                    };
                    Value::Float(x.powf(y))
                } else {
                    let e = b.to_u32().unwrap_or(u32::MAX);
                    let bits = a.bits() as u128 * e as u128;
                    if a.magnitude().bits() > 1 {
                        self.check_size(bits / 8)?;
                        // Squaring up to the result: the last squaring costs most, and the
                        // ones before it add about half as much again.
                        let half = (bits / 2).min(u64::MAX as u128) as u64;
                        let work = super::interp::multiply_work(half, half);
                        self.charge(work.saturating_add(work / 2), "big-number arithmetic")?;
                    }
                    Value::from_bigint(Pow::pow(a, e))
                }
            }
            Operator::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b.to_u64().unwrap_or(u64::MAX);
                if !a.is_zero() {
                    self.check_size((a.bits() as u128 + s as u128) / 8)?;
                }
                Value::from_bigint(a << s as usize)
            }
            Operator::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                Value::from_bigint(a >> s as usize)
            }
            Operator::BitAnd => Value::from_bigint(a & b),
            Operator::BitOr => Value::from_bigint(a | b),
            Operator::BitXor => Value::from_bigint(a ^ b),
            Operator::MatMult => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for @: '{}' and '{}'",
                    l.type_name(),
                    r.type_name()
                )));
            }
        })
    }

    /// Unary `-`, `+`, `~`, `not`.
    pub fn unary_op(&mut self, op: UnaryOp, v: Value) -> PyResult<Value> {
        match op {
            UnaryOp::Not => Ok(Value::Bool(!self.truthy(&v)?)),
            UnaryOp::USub => match &v {
                Value::Int(i) => Ok(i
                    .checked_neg()
                    .map(Value::Int)
                    .unwrap_or_else(|| Value::from_bigint(-BigInt::from(*i)))),
                Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
                Value::Long(b) => Ok(Value::from_bigint(-(**b).clone())),
                Value::Float(f) => Ok(Value::Float(-f)),
                _ => match super::complex::negate(&v) {
                    Some(z) => Ok(z),
                    None => self.unary_dunder(&v, "__neg__", "-"),
                },
            },
            UnaryOp::UAdd => match &v {
                Value::Int(_) | Value::Long(_) | Value::Float(_) => Ok(v),
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                _ if super::complex::as_complex(&v).is_some() => Ok(v),
                _ => self.unary_dunder(&v, "__pos__", "+"),
            },
            UnaryOp::Invert => match &v {
                Value::Int(i) => Ok(Value::Int(!i)),
                Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
                Value::Long(b) => Ok(Value::from_bigint(-(**b).clone() - 1)),
                _ => self.unary_dunder(&v, "__invert__", "~"),
            },
        }
    }

    fn unary_dunder(&mut self, v: &Value, name: &str, sym: &str) -> PyResult<Value> {
        if let Value::Instance(i) = v
            && let Some(m) = i.class.lookup(name)
        {
            return self.call(&self.bind(m, v.clone()), Args::default());
        }
        Err(self.type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            v.type_name()
        )))
    }

    /// A comparison operator.
    pub fn compare(&mut self, op: CmpOp, l: &Value, r: &Value) -> PyResult<bool> {
        match op {
            CmpOp::Eq => self.eq(l, r),
            CmpOp::NotEq => Ok(!self.eq(l, r)?),
            CmpOp::Is => Ok(l.is(r)),
            CmpOp::IsNot => Ok(!l.is(r)),
            CmpOp::In => self.contains(r, l),
            CmpOp::NotIn => Ok(!self.contains(r, l)?),
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                let (sym, name, rname) = match op {
                    CmpOp::Lt => ("<", "__lt__", "__gt__"),
                    CmpOp::LtE => ("<=", "__le__", "__ge__"),
                    CmpOp::Gt => (">", "__gt__", "__lt__"),
                    _ => (">=", "__ge__", "__le__"),
                };
                if let Some(res) = self.rich_user(l, r, name, rname)? {
                    return self.truthy(&res);
                }
                let ord = self.order(l, r, sym)?;
                Ok(match op {
                    CmpOp::Lt => ord == Ordering::Less,
                    CmpOp::LtE => ord != Ordering::Greater,
                    CmpOp::Gt => ord == Ordering::Greater,
                    _ => ord != Ordering::Less,
                })
            }
        }
    }

    /// A user class's `l.name(r)`, else its reflected `r.rname(l)` (binary and rich
    /// comparison operators alike); `None` when neither is defined or both return
    /// `NotImplemented`.
    fn rich_user(
        &mut self,
        l: &Value,
        r: &Value,
        name: &str,
        rname: &str,
    ) -> PyResult<Option<Value>> {
        if let Value::Instance(i) = l
            && let Some(m) = i.class.lookup(name)
        {
            let res = self.call(&self.bind(m, l.clone()), Args::positional(vec![r.clone()]))?;
            if !matches!(res, Value::NotImplemented) {
                return Ok(Some(res));
            }
        }
        if let Value::Instance(i) = r
            && let Some(m) = i.class.lookup(rname)
        {
            let res = self.call(&self.bind(m, r.clone()), Args::positional(vec![l.clone()]))?;
            if !matches!(res, Value::NotImplemented) {
                return Ok(Some(res));
            }
        }
        Ok(None)
    }

    /// Total order used by `<` and `sorted`.
    pub fn order(&mut self, l: &Value, r: &Value, sym: &str) -> PyResult<Ordering> {
        match (l, r) {
            (Value::Int(a), Value::Int(b)) => return Ok(a.cmp(b)),
            (Value::Str(a), Value::Str(b)) => return Ok(a.cmp(b)),
            _ => {}
        }
        if is_num(l) && is_num(r) {
            if matches!(l, Value::Float(_)) || matches!(r, Value::Float(_)) {
                let (a, b) = (as_f64(l).unwrap_or(f64::NAN), as_f64(r).unwrap_or(f64::NAN));
                return Ok(a.partial_cmp(&b).unwrap_or(Ordering::Equal));
            }
            return Ok(big(l).cmp(&big(r)));
        }
        match (l, r) {
            (Value::Bytes(a), Value::Bytes(b)) => return Ok(a.cmp(b)),
            (Value::Native(_), _) | (_, Value::Native(_)) => {
                if let (Some(a), Some(b)) = (
                    super::bytearray::bytes_like(l),
                    super::bytearray::bytes_like(r),
                ) {
                    return Ok(a.cmp(&b));
                }
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                if let Some((a, b)) = super::subclass::unwrap_pair(l, r) {
                    return self.order(&a, &b, sym);
                }
            }
            (Value::List(a), Value::List(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                self.enter_native(" in comparison")?;
                let res = self
                    .charge(1, "comparison")
                    .and_then(|()| self.seq_order(&a, &b, sym));
                self.leave_native();
                return res;
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                let (a, b) = (a.to_vec(), b.to_vec());
                self.enter_native(" in comparison")?;
                let res = self
                    .charge(1, "comparison")
                    .and_then(|()| self.seq_order(&a, &b, sym));
                self.leave_native();
                return res;
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (a, b) = (set_items(l), set_items(r));
                let (sub, sup) = self.native_op(true, || {
                    Ok((
                        a.keys().iter().all(|k| b.contains(k)),
                        b.keys().iter().all(|k| a.contains(k)),
                    ))
                })?;
                return Ok(match (sub, sup) {
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    // Neither: every strict comparison is False; report "less-or-equal false".
                    _ => {
                        if sym.starts_with('<') {
                            Ordering::Greater
                        } else {
                            Ordering::Less
                        }
                    }
                });
            }
            _ => {}
        }
        Err(self.type_error(format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            l.type_name(),
            r.type_name()
        )))
    }

    fn seq_order(&mut self, a: &[Value], b: &[Value], sym: &str) -> PyResult<Ordering> {
        for (x, y) in a.iter().zip(b.iter()) {
            if !self.eq(x, y)? {
                return self.order(x, y, sym);
            }
        }
        Ok(a.len().cmp(&b.len()))
    }

    /// `==` of two lists, two tuples or two dicts (entered through `eq`'s depth check).
    fn eq_containers(&mut self, l: &Value, r: &Value) -> PyResult<bool> {
        match (l, r) {
            (Value::List(a), Value::List(b)) => {
                if Rc::ptr_eq(a, b) {
                    return Ok(true);
                }
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                self.seq_eq(&a, &b)
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                let (a, b) = (a.to_vec(), b.to_vec());
                self.seq_eq(&a, &b)
            }
            (Value::Dict(a), Value::Dict(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                if a.len() != b.len() {
                    return Ok(false);
                }
                for (k, v) in a.iter() {
                    match b.get(&k) {
                        Ok(Some(v2)) => {
                            if !self.eq(&v, &v2)? {
                                return Ok(false);
                            }
                        }
                        _ => return Ok(false),
                    }
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// CPython's `RecursionError` when a set comparison just gave up on frozensets nested
    /// too deep (`dict::frozensets_eq`).
    pub(crate) fn check_set_depth(&self) -> PyResult<()> {
        if super::dict::set_eq_gave_up() {
            return Err(self.err(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        Ok(())
    }

    /// `l == r`.
    pub fn eq(&mut self, l: &Value, r: &Value) -> PyResult<bool> {
        match (l, r) {
            (Value::Int(a), Value::Int(b)) => return Ok(a == b),
            (Value::Str(a), Value::Str(b)) => return Ok(a == b),
            _ => {}
        }
        if is_num(l) && is_num(r) {
            if matches!(l, Value::Float(_)) || matches!(r, Value::Float(_)) {
                return Ok(match (l, r) {
                    (Value::Float(a), Value::Float(b)) => a == b,
                    _ => super::dict::key_eq(l, r),
                });
            }
            return Ok(big(l) == big(r));
        }
        match (l, r) {
            (Value::List(_), Value::List(_))
            | (Value::Tuple(_), Value::Tuple(_))
            | (Value::Dict(_), Value::Dict(_)) => {
                // Nested containers recurse on the native stack: bounded like CPython's. Each
                // pair compared is a step of work: two nests that share their halves
                // (`x = (x, x)`) compare in 2^n pairs, which must end like an endless loop.
                self.enter_native(" in comparison")?;
                let res = self
                    .charge(1, "comparison")
                    .and_then(|()| self.eq_containers(l, r));
                self.leave_native();
                res
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (a, b) = (set_items(l), set_items(r));
                self.native_op(true, || {
                    Ok(a.len() == b.len() && a.keys().iter().all(|k| b.contains(k)))
                })
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                if let Some(res) = self.rich_user(l, r, "__eq__", "__eq__")? {
                    return self.truthy(&res);
                }
                let unwrap = |v: &Value| match v {
                    Value::Instance(i) => i.base.clone(),
                    _ => None,
                };
                match (unwrap(l), unwrap(r)) {
                    (Some(a), Some(b)) => self.eq(&a, &b),
                    (Some(a), None) => self.eq(&a, r),
                    (None, Some(b)) => self.eq(l, &b),
                    (None, None) => Ok(l.is(r)),
                }
            }
            (Value::Native(_), _) | (_, Value::Native(_)) => {
                if let (Some(a), Some(b)) = (
                    super::bytearray::bytes_like(l),
                    super::bytearray::bytes_like(r),
                ) {
                    return Ok(a == b);
                }
                if let Some(equal) = super::complex::equals(l, r) {
                    return Ok(equal);
                }
                if l.is(r) {
                    return Ok(true);
                }
                // Proxies compare by the object they stand for.
                Ok(false)
            }
            (Value::Method(a), Value::Method(b)) => Ok(a.0.is(&b.0) && a.1.is(&b.1)),
            _ => Ok(super::dict::key_eq(l, r)),
        }
    }

    fn seq_eq(&mut self, a: &[Value], b: &[Value]) -> PyResult<bool> {
        if a.len() != b.len() {
            return Ok(false);
        }
        for (x, y) in a.iter().zip(b.iter()) {
            if !x.is(y) && !self.eq(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Class(c) = container
            && let Some(m) = self.meta_method(c, "__contains__")
        {
            let r = self.call(&m, Args::positional(vec![item.clone()]))?;
            return self.truthy(&r);
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                Value::Instance(i) if matches!(i.base, Some(Value::Str(_))) => {
                    let sub = i.base.clone().unwrap_or(Value::None);
                    self.contains(container, &sub)
                }
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Bytes(b) => match item {
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                Value::Int(i) => Ok(b.contains(&(*i as u8))),
                _ => Err(self.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    item.type_name()
                ))),
            },
            Value::Dict(d) => Ok(self.dict_lookup(d, item)?.is_some()),
            Value::Set(d) => self.set_contains(d, item),
            Value::FrozenSet(d) => self.frozenset_contains(d, item),
            Value::Range(r) => Ok(match item.as_i64() {
                Some(i) => {
                    if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    }
                }
                None => false,
            }),
            Value::Instance(i) if i.class.lookup("__contains__").is_none() && i.base.is_some() => {
                let b = i.base.clone().unwrap_or(Value::None);
                self.contains(&b, item)
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__contains__") {
                    let r = self.call(
                        &self.bind(m, container.clone()),
                        Args::positional(vec![item.clone()]),
                    )?;
                    return self.truthy(&r);
                }
                let items = self.collect(container)?;
                self.any_eq(&items, item)
            }
            Value::Native(n) if n.is_iterator() => {
                while let Some(v) = self.next(container)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Native(n) => match n.clone().contains(self, item)? {
                Some(b) => Ok(b),
                None => Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    container.type_name()
                ))),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                self.any_eq(&items, item)
            }
            Value::Tuple(t) => {
                let items = t.to_vec();
                self.any_eq(&items, item)
            }
            Value::Iter(_) => {
                while let Some(v) = self.next(container)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
        }
    }

    fn any_eq(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for v in items {
            if v.is(item) || self.eq(v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- iteration -----

    /// Whether `iter(v)` would succeed.
    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
            | Value::Iter(_) => true,
            Value::Instance(i) => {
                i.base.is_some()
                    || i.class.lookup("__iter__").is_some()
                    || i.class.lookup("__getitem__").is_some()
            }
            Value::Native(_) => true,
            _ => false,
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Class(c) = v
            && let Some(m) = self.meta_method(c, "__iter__")
        {
            let it = self.call(&m, Args::default())?;
            return self.iter(&it);
        }
        let st = match v {
            Value::Iter(_) => return Ok(v.clone()),
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => IterState::Seq(v.clone(), 0),
            Value::Str(s) => IterState::Chars(s.clone(), 0),
            Value::Dict(d) => IterState::Values(d.borrow().keys().into_iter()),
            Value::Set(d) => IterState::Values(d.borrow().set_keys().into_iter()),
            Value::FrozenSet(d) => IterState::Values(d.set_keys().into_iter()),
            Value::Range(r) => IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Instance(i) if i.class.lookup("__iter__").is_none() && i.base.is_some() => {
                let b = i.base.clone().unwrap_or(Value::None);
                return self.iter(&b);
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__iter__") {
                    let it = self.call(&self.bind(m, v.clone()), Args::default())?;
                    if let Value::Instance(ii) = &it {
                        if ii.class.lookup("__next__").is_none() {
                            return Err(self.type_error(format!(
                                "iter() returned non-iterator of type '{}'",
                                it.type_name()
                            )));
                        }
                        IterState::User(it)
                    } else {
                        return self.iter(&it);
                    }
                } else {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", v.type_name()))
                    );
                }
            }
            Value::Native(n) if n.is_iterator() => return Ok(v.clone()),
            Value::Native(n) => match n.clone().iterate(self)? {
                Some(items) => IterState::Values(items.into_iter()),
                None => {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", v.type_name()))
                    );
                }
            },
            _ => return Err(self.type_error(format!("'{}' object is not iterable", v.type_name()))),
        };
        Ok(Value::Iter(Rc::new(RefCell::new(st))))
    }

    /// `next(it)`, `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Iter(st) = it else {
            if let Value::Native(n) = it
                && n.is_iterator()
            {
                return n.clone().next_item(self);
            }
            if let Value::Instance(i) = it
                && let Some(m) = i.class.lookup("__next__")
            {
                return match self.call(&self.bind(m, it.clone()), Args::default()) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.exc_matches(&e.value, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                };
            }
            return Err(self.type_error(format!("'{}' object is not an iterator", it.type_name())));
        };
        let mut s = st.borrow_mut();
        match &mut *s {
            IterState::Seq(seq, i) => {
                let item = match seq {
                    Value::List(l) => l.borrow().get(*i).cloned(),
                    Value::Tuple(t) => t.get(*i).cloned(),
                    Value::Bytes(b) => b.get(*i).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                *i += 1;
                if item.is_none() {
                    *s = IterState::Done;
                }
                Ok(item)
            }
            IterState::Values(v) => Ok(v.next()),
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Chars(text, pos) => match text[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Ok(Some(Value::str(c.encode_utf8(&mut buf))))
                }
                None => Ok(None),
            },
            IterState::User(obj) => {
                let obj = obj.clone();
                drop(s);
                self.next(&obj)
            }
            IterState::Done => Ok(None),
        }
    }

    /// Drain an iterable into a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            Value::Dict(d) => return Ok(d.borrow().keys()),
            Value::Set(d) => return Ok(d.borrow().set_keys()),
            Value::FrozenSet(d) => return Ok(d.set_keys()),
            Value::Range(r) => {
                self.check_size(r.len().max(0) as u128 * 8)?;
            }
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            if out.len() % 4096 == 4095 {
                self.check_size(out.len() as u128 * 8)?;
                self.step()?;
            }
            out.push(x);
        }
        Ok(out)
    }

    /// Key/value pairs of a mapping (dicts, objects with `keys()`, native mappings).
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d.borrow().iter().collect()),
            _ => {
                let keys_fn = self.get_attr(m, "keys").map_err(|_| {
                    self.type_error(format!("'{}' object is not a mapping", m.type_name()))
                })?;
                let keys = self.call(&keys_fn, Args::default())?;
                let keys = self.collect(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = self.get_item(m, &k)?;
                    out.push((k, v));
                }
                Ok(out)
            }
        }
    }
}

/// The entries of a set or frozenset.
pub fn set_items(v: &Value) -> Dict {
    match v {
        Value::Set(d) => d.borrow().clone(),
        Value::FrozenSet(d) => (**d).clone(),
        _ => Dict::new(),
    }
}

/// Whether a value is a dict's keys or items view (set-like, unlike its values view).
fn is_set_like_view(v: &Value) -> bool {
    matches!(v, Value::Native(n) if matches!(n.type_name().as_str(), "dict_keys" | "dict_items"))
}

/// Python's float `divmod` (floor semantics, sign of the divisor).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}
