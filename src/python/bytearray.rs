//! `bytearray`: the mutable byte string, as a host object.
//!
//! A host object (`NativeObject`) rather than a new `Value` variant keeps the evaluator's
//! matches untouched; the few operators that must know it (`==`, `<`, `+`, `+=`, `bytes(...)`,
//! hashing) ask [`bytes_like`]. Methods that do not mutate reuse `bytes`'s own implementation
//! on a snapshot and turn the `bytes` they return back into `bytearray`s, as CPython's
//! `bytearray` methods return `bytearray`.

use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::builtin;
use super::interp::{Interp, PyResult};
use super::value::*;

/// A method of a `bytearray`: the body, given the object's bytes.
type DataMethod = fn(&mut Interp, &Rc<RefCell<Vec<u8>>>, Args) -> PyResult<Value>;

/// A `bytearray` object.
pub struct ByteArray {
    /// The bytes (shared with the bound methods handed out by `get_attr`).
    pub data: Rc<RefCell<Vec<u8>>>,
}

/// A new `bytearray` value.
pub fn new_value(data: Vec<u8>) -> Value {
    Value::Native(Rc::new(ByteArray {
        data: Rc::new(RefCell::new(data)),
    }))
}

/// The `bytearray` behind a value, if it is one.
pub fn as_bytearray(v: &Value) -> Option<&ByteArray> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<ByteArray>(),
        _ => None,
    }
}

/// The contents of a `bytes` or `bytearray` (a bytes-like object).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Bytes(b) => Some(b.to_vec()),
        other => as_bytearray(other).map(|b| b.data.borrow().clone()),
    }
}

/// `bytes` results become `bytearray`s (also inside the lists `split` returns).
fn retag(v: Value) -> Value {
    match &v {
        Value::Bytes(b) => new_value(b.to_vec()),
        Value::List(l) => {
            let items: Vec<Value> = l.borrow().iter().cloned().map(retag).collect();
            Value::list(items)
        }
        other => other.clone(),
    }
}

/// A byte value for `ba[i] = x` / `append(x)`.
fn byte_of(it: &mut Interp, v: &Value) -> PyResult<u8> {
    match v.as_i64() {
        Some(n) if (0..256).contains(&n) => Ok(n as u8),
        Some(_) => Err(it.value_error("byte must be in range(0, 256)")),
        None if matches!(v, Value::Long(_)) => Err(it.value_error("byte must be in range(0, 256)")),
        None => Err(it.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

/// The bytes of `bytearray(x)` / `ba.extend(x)` / `ba[a:b] = x`.
fn bytes_from(it: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if let Value::Str(_) = v {
        return Err(it.type_error("string argument without an encoding"));
    }
    let items = it.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_of(it, x)?);
    }
    Ok(out)
}

fn index(it: &Interp, key: &Value, len: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Long(_) => i64::MAX,
        other => {
            return Err(it.type_error(format!(
                "bytearray indices must be integers or slices, not {}",
                other.type_name()
            )));
        }
    };
    let j = if i < 0 {
        i.saturating_add(len as i64)
    } else {
        i
    };
    if j < 0 || j >= len as i64 {
        return Err(it.err("IndexError", "bytearray index out of range"));
    }
    Ok(j as usize)
}

impl NativeObject for ByteArray {
    fn type_name(&self) -> String {
        "bytearray".into()
    }
    fn get_attr(&self, interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let data = self.data.clone();
        // Each method is a plain `fn` of the data; one closure binds the data to it (a closure
        // per method cost the page its own copy of the calling glue each).
        let body: DataMethod = match name {
            "append" => |it, data, args| {
                let [x] = &args.pos[..] else {
                    return Err(it.type_error(format!(
                        "bytearray.append() takes exactly one argument ({} given)",
                        args.pos.len()
                    )));
                };
                let b = byte_of(it, x)?;
                data.borrow_mut().push(b);
                Ok(Value::None)
            },
            "extend" => |it, data, args| {
                let [x] = &args.pos[..] else {
                    return Err(it.type_error(format!(
                        "bytearray.extend() takes exactly one argument ({} given)",
                        args.pos.len()
                    )));
                };
                if matches!(x, Value::Int(_)) {
                    return Err(it.type_error("can't extend bytearray with int"));
                }
                let more = bytes_from(it, x)?;
                it.check_size((data.borrow().len() + more.len()) as u128)?;
                data.borrow_mut().extend(more);
                Ok(Value::None)
            },
            "insert" => |it, data, args| {
                let [i, x] = &args.pos[..] else {
                    return Err(it.type_error(format!(
                        "insert expected 2 arguments, got {}",
                        args.pos.len()
                    )));
                };
                let i = it.to_index(i)?;
                let b = byte_of(it, x)?;
                let len = data.borrow().len() as i64;
                let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
                data.borrow_mut().insert(at as usize, b);
                Ok(Value::None)
            },
            "pop" => |it, data, args| {
                let len = data.borrow().len();
                if len == 0 {
                    return Err(it.err("IndexError", "pop from empty bytearray"));
                }
                let i = match args.pos.first() {
                    None => len - 1,
                    Some(v) => index(it, v, len)
                        .map_err(|_| it.err("IndexError", "pop index out of range"))?,
                };
                Ok(Value::Int(data.borrow_mut().remove(i) as i64))
            },
            "remove" => |it, data, args| {
                let b = byte_of(it, args.pos.first().unwrap_or(&Value::None))?;
                let pos = data.borrow().iter().position(|x| *x == b);
                match pos {
                    Some(p) => {
                        data.borrow_mut().remove(p);
                        Ok(Value::None)
                    }
                    None => Err(it.value_error("value not found in bytearray")),
                }
            },
            "clear" => |_it, data, _args| {
                data.borrow_mut().clear();
                Ok(Value::None)
            },
            "reverse" => |_it, data, _args| {
                data.borrow_mut().reverse();
                Ok(Value::None)
            },
            "copy" => |_it, data, _args| Ok(new_value(data.borrow().clone())),
            _ => {
                // Everything else is `bytes`'s method on a snapshot.
                let lookup = interp.ty("bytes").lookup(name);
                let Some(Value::Builtin(m)) = &lookup else {
                    return Ok(None);
                };
                let m = m.clone();
                return Ok(Some(builtin(name, move |it, mut args| {
                    for a in args.pos.iter_mut() {
                        let snapshot = as_bytearray(a)
                            .map(|b| Value::Bytes(Rc::from(b.data.borrow().as_slice())));
                        if let Some(s) = snapshot {
                            *a = s;
                        }
                    }
                    args.pos
                        .insert(0, Value::Bytes(Rc::from(data.borrow().as_slice())));
                    m.func.clone().invoke(it, args).map(retag)
                })));
            }
        };
        Ok(Some(builtin(name, move |it, args| body(it, &data, args))))
    }
    fn get_item(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<Value>> {
        let data = self.data.borrow().clone();
        if let Value::Slice(s) = key {
            let pos = interp.slice_positions(s, data.len())?;
            return Ok(Some(new_value(pos.into_iter().map(|p| data[p]).collect())));
        }
        let i = index(interp, key, data.len())?;
        Ok(Some(Value::Int(data[i] as i64)))
    }
    fn set_item(&self, interp: &mut Interp, key: Value, value: Value) -> PyResult<bool> {
        let len = self.data.borrow().len();
        if let Value::Slice(s) = &key {
            let new = if matches!(value, Value::Int(_)) {
                return Err(interp.type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            } else {
                bytes_from(interp, &value)?
            };
            let (start, stop, step) = interp.slice_indices(s, len)?;
            if step == 1 {
                let stop = stop.max(start);
                self.data
                    .borrow_mut()
                    .splice(start as usize..stop as usize, new);
                return Ok(true);
            }
            let pos = interp.slice_positions(s, len)?;
            if pos.len() != new.len() {
                return Err(interp.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    new.len(),
                    pos.len()
                )));
            }
            let mut d = self.data.borrow_mut();
            for (p, b) in pos.into_iter().zip(new) {
                d[p] = b;
            }
            return Ok(true);
        }
        let i = index(interp, &key, len)?;
        let b = byte_of(interp, &value)?;
        self.data.borrow_mut()[i] = b;
        Ok(true)
    }
    fn del_item(&self, interp: &mut Interp, key: &Value) -> PyResult<bool> {
        let len = self.data.borrow().len();
        if let Value::Slice(s) = key {
            let mut pos = interp.slice_positions(s, len)?;
            pos.sort_unstable();
            let mut d = self.data.borrow_mut();
            for p in pos.into_iter().rev() {
                d.remove(p);
            }
            return Ok(true);
        }
        let i = index(interp, key, len)?;
        self.data.borrow_mut().remove(i);
        Ok(true)
    }
    fn contains(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<bool>> {
        let d = self.data.borrow();
        if let Some(sub) = bytes_like(key) {
            return Ok(Some(
                sub.is_empty() || d.windows(sub.len()).any(|w| w == &sub[..]),
            ));
        }
        drop(d);
        let b = byte_of(interp, key)?;
        Ok(Some(self.data.borrow().contains(&b)))
    }
    fn iterate(&self, _interp: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(
            self.data
                .borrow()
                .iter()
                .map(|b| Value::Int(*b as i64))
                .collect(),
        ))
    }
    fn len(&self, _interp: &mut Interp) -> PyResult<Option<usize>> {
        Ok(Some(self.data.borrow().len()))
    }
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        let r = super::text::bytes_repr(&self.data.borrow());
        // CPython's bytearray repr escapes `'` even inside double quotes.
        let r = if r.starts_with("b\"") {
            r.replace('\'', "\\'")
        } else {
            r
        };
        Ok(format!("bytearray({r})"))
    }
    fn truthy(&self, _interp: &mut Interp) -> PyResult<Option<bool>> {
        Ok(Some(!self.data.borrow().is_empty()))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Register `bytearray(...)` and `bytearray.fromhex` on the built-in class.
pub fn install(interp: &mut Interp) {
    let class = interp.ty("bytearray");
    let ctor = builtin("bytearray", |it, mut args| {
        args.pos.remove(0);
        let encoding = args
            .take_kw("encoding")
            .or_else(|| args.pos.get(1).cloned());
        let errors = args.take_kw("errors").or_else(|| args.pos.get(2).cloned());
        let data = match (args.pos.first(), &encoding) {
            (None, _) => Vec::new(),
            (Some(Value::Str(s)), Some(Value::Str(enc))) => {
                let errors = errors
                    .and_then(|e| e.as_str_opt())
                    .unwrap_or_else(|| "strict".into());
                super::methods::encode(it, s, enc, &errors)?
            }
            (Some(Value::Str(_)), None) => {
                return Err(it.type_error("string argument without an encoding"));
            }
            (Some(Value::Int(n)), _) => {
                if *n < 0 {
                    return Err(it.value_error("negative count"));
                }
                it.check_size(*n as u128)?;
                vec![0; *n as usize]
            }
            (Some(v), _) => {
                let v = v.clone();
                bytes_from(it, &v)?
            }
        };
        Ok(new_value(data))
    });
    class.dict.borrow_mut().set_str("__new__", ctor);
    if let Some(fromhex) = interp.ty("bytes").dict.borrow().get_str("fromhex") {
        let Value::ClassMethod(f) = &fromhex else {
            return;
        };
        let f = (*f).clone();
        let wrapped = builtin("fromhex", move |it, args| {
            let v = it.call(&f, args)?;
            Ok(retag(v))
        });
        class
            .dict
            .borrow_mut()
            .set_str("fromhex", Value::ClassMethod(Rc::new(wrapped)));
    }
}
