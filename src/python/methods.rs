//! Constructors and methods of the built-in types (`str`, `list`, `dict`, `set`, `bytes`, ...),
//! stored in each type's class dict so `"a".upper()` and `str.upper("a")` both work.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::builtins::{builtin, exact_args, range_args};
use super::dict::Dict;
use super::interp::{Interp, PyResult};
use super::native::{Arity, Native};
use super::ops::set_items;
use super::text;
use super::value::*;

/// A method of a built-in type as a plain `fn`: the path from before the tables (`native`), kept
/// for the methods not yet in one. It checks only that a receiver was given; the body checks the
/// rest. One wrapper serves every such method (a generic one cost the page a copy each).
fn def(interp: &Interp, ty: &str, name: &str, f: super::native::NativeBody) {
    def_dyn(interp, ty, name, Rc::new(f));
}

/// A capturing body as a [`NativeFn`] (the closure's signature comes from the bound).
fn boxed(f: impl Fn(&mut Interp, Args) -> PyResult<Value> + 'static) -> NativeFn {
    Rc::new(f)
}

/// [`def`] for a method whose body captured state (a name or an operator from a loop).
fn def_dyn(interp: &Interp, ty: &str, name: &str, f: NativeFn) {
    let c = interp.ty(ty);
    let owned = name.to_string();
    let ty_name = ty.to_string();
    let unwrap = super::subclass::unwraps_receiver(ty, name);
    let checked = move |it: &mut Interp, mut args: Args| -> PyResult<Value> {
        if unwrap {
            super::subclass::unwrap_args(&mut args);
        }
        if args.pos.is_empty() {
            return Err(it.type_error(format!(
                "unbound method {ty_name}.{owned}() needs an argument"
            )));
        }
        f(it, args)
    };
    c.dict.borrow_mut().set_str(name, builtin(name, checked));
}

fn self_str(args: &Args) -> Rc<str> {
    match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => Rc::from(""),
    }
}

fn arg_str(it: &Interp, v: Option<&Value>, fname: &str, pos: usize) -> PyResult<Option<Rc<str>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(o) => Err(it.type_error(format!(
            "{fname}() argument {pos} must be str or None, not {}",
            o.type_name()
        ))),
    }
}

fn need_str(it: &Interp, v: Option<&Value>, what: &str) -> PyResult<Rc<str>> {
    match v {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(o) => Err(it.type_error(format!("{what}, not {}", o.type_name()))),
        None => Err(it.type_error(format!("{what}, not nothing"))),
    }
}

fn char_index_to_byte(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// Clamp Python-style (start, end) optional arguments to char positions.
fn sub_range(
    it: &Interp,
    s: &str,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let n = s.chars().count() as i64;
    let fix = |v: Option<&Value>, d: i64| -> PyResult<i64> {
        Ok(match v {
            None | Some(Value::None) => d,
            Some(v) => {
                let x = it.to_index(v)?;
                let x = if x < 0 { x + n } else { x };
                x.clamp(0, n)
            }
        })
    };
    Ok((fix(start, 0)? as usize, fix(end, n)? as usize))
}

/// Python's (start, end) optional arguments over a sequence of `len` items: negative values
/// count from the end and are clamped at 0; an end past the length is clamped to it; a start
/// past it is kept (callers decide what an empty, out-of-range window means).
fn byte_range(
    it: &Interp,
    len: usize,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let fix = |v: Option<&Value>, d: i64, cap: i64| -> PyResult<i64> {
        Ok(match v {
            None | Some(Value::None) => d,
            Some(v) => {
                let x = it.to_index(v)?;
                let x = if x < 0 { x + n } else { x };
                x.clamp(0, cap)
            }
        })
    };
    Ok((fix(start, 0, i64::MAX)? as usize, fix(end, n, n)? as usize))
}

/// `str.translate(table)`: each character's code point looked up with `table[...]`; a
/// `LookupError` keeps the character, `None` drops it, an int or a str replaces it.
fn translate(it: &mut Interp, s: &str, table: &Value) -> PyResult<Value> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let got = match it.get_item(table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if it.exc_matches(&e.value, "LookupError") => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &got {
            Value::None => {}
            Value::Str(r) => out.push_str(r),
            Value::Int(_) | Value::Bool(_) | Value::Long(_) => {
                match got.as_i64().and_then(|n| u32::try_from(n).ok()) {
                    Some(n) if n < 0x110000 => {
                        // Lone surrogates have no Rust `char`; they print as U+FFFD here.
                        out.push(char::from_u32(n).unwrap_or('\u{fffd}'))
                    }
                    _ => {
                        return Err(it.value_error("character mapping must be in range(0x110000)"));
                    }
                }
            }
            _ => {
                return Err(it.type_error("character mapping must return integer, None or str"));
            }
        }
        it.check_size(out.len() as u128)?;
    }
    Ok(Value::str(&out))
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` reads, keyed by code point.
fn maketrans(it: &mut Interp, pos: &[Value]) -> PyResult<Value> {
    let mut table = Dict::new();
    match pos {
        [] => {
            return Err(it.type_error("maketrans expected at least 1 argument, got 0"));
        }
        [x] => {
            let Value::Dict(d) = x else {
                return Err(
                    it.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let items: Vec<(Value, Value)> = d.borrow().iter().collect();
            for (k, v) in items {
                let key = match &k {
                    Value::Str(ks) => {
                        let mut cs = ks.chars();
                        match (cs.next(), cs.next()) {
                            (Some(c), None) => Value::Int(c as i64),
                            _ => {
                                return Err(it.value_error(
                                    "string keys in translate table must be of length 1",
                                ));
                            }
                        }
                    }
                    Value::Int(_) | Value::Bool(_) | Value::Long(_) => k.clone(),
                    _ => {
                        return Err(
                            it.type_error("keys in translate table must be strings or integers")
                        );
                    }
                };
                it.dict_insert(&mut table, key, v)?;
            }
        }
        [x, y, rest @ ..] if rest.len() <= 1 => {
            let Value::Str(x) = x else {
                return Err(it.type_error(
                    "first maketrans argument must be a string if there is a second argument",
                ));
            };
            let Value::Str(y) = y else {
                return Err(it.type_error(format!(
                    "maketrans() argument 2 must be str, not {}",
                    y.type_name()
                )));
            };
            let z = match rest.first() {
                None => None,
                Some(Value::Str(z)) => Some(z.clone()),
                Some(o) => {
                    return Err(it.type_error(format!(
                        "maketrans() argument 3 must be str, not {}",
                        o.type_name()
                    )));
                }
            };
            if x.chars().count() != y.chars().count() {
                return Err(
                    it.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in x.chars().zip(y.chars()) {
                it.dict_insert(&mut table, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            for c in z.iter().flat_map(|z| z.chars()) {
                it.dict_insert(&mut table, Value::Int(c as i64), Value::None)?;
            }
        }
        _ => {
            return Err(it.type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                pos.len()
            )));
        }
    }
    Ok(Value::dict(table))
}

/// A live view over a dict (`dict_keys`, `dict_values`, `dict_items`).
struct DictView {
    dict: Rc<RefCell<Dict>>,
    kind: &'static str,
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let d = self.dict.borrow();
        match self.kind {
            "dict_keys" => d.keys(),
            "dict_values" => d.values(),
            _ => d.iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
        }
    }
}

impl NativeObject for DictView {
    fn teardown(&self, t: &mut crate::python::Teardown) {
        t.value(&Value::Dict(self.dict.clone()));
    }
    fn type_name(&self) -> String {
        self.kind.to_string()
    }
    fn iterate(&self, _interp: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.items()))
    }
    fn len(&self, _interp: &mut Interp) -> PyResult<Option<usize>> {
        Ok(Some(self.dict.borrow().len()))
    }
    fn contains(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<bool>> {
        if self.kind == "dict_keys" {
            return Ok(Some(self.dict.borrow().contains(key)));
        }
        let items = self.items();
        for it in items {
            if interp.eq(&it, key)? {
                return Ok(Some(true));
            }
        }
        Ok(Some(false))
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let l = interp.repr(&Value::list(self.items()))?;
        Ok(format!("{}({l})", self.kind))
    }
    fn truthy(&self, _interp: &mut Interp) -> PyResult<Option<bool>> {
        Ok(Some(!self.dict.borrow().is_empty()))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Encode text with a codec name (utf-8, latin-1, ascii).
pub fn encode(it: &Interp, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = encoding.to_ascii_lowercase().replace('_', "-");
    let limit = match enc.as_str() {
        "utf-8" | "utf8" => return Ok(s.as_bytes().to_vec()),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => 256u32,
        "ascii" | "us-ascii" => 128u32,
        _ => return Err(it.err("LookupError", format!("unknown encoding: {encoding}"))),
    };
    let name = if limit == 128 { "ascii" } else { "latin-1" };
    let mut out = Vec::new();
    for (i, c) in s.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
        } else if errors == "ignore" {
        } else if errors == "replace" {
            out.push(b'?');
        } else {
            let esc = text::str_repr(&c.to_string());
            return Err(it.err(
                "UnicodeEncodeError",
                format!("'{name}' codec can't encode character {esc} in position {i}: ordinal not in range({limit})"),
            ));
        }
    }
    Ok(out)
}

/// Decode bytes with a codec name (utf-8, latin-1, ascii).
pub fn decode(it: &Interp, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let enc = encoding.to_ascii_lowercase().replace('_', "-");
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                if errors == "replace" {
                    return Ok(String::from_utf8_lossy(b).to_string());
                }
                if errors == "ignore" {
                    let lossy = String::from_utf8_lossy(b).replace('\u{fffd}', "");
                    return Ok(lossy);
                }
                let pos = e.valid_up_to();
                let byte = b[pos];
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc2).contains(&byte) || byte >= 0xf5 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                Err(it.err(
                    "UnicodeDecodeError",
                    format!(
                        "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"
                    ),
                ))
            }
        },
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            Ok(b.iter().map(|&x| x as char).collect())
        }
        "ascii" | "us-ascii" => {
            let mut s = String::new();
            for (i, &x) in b.iter().enumerate() {
                if x < 128 {
                    s.push(x as char);
                } else if errors == "replace" {
                    s.push('\u{fffd}');
                } else if errors != "ignore" {
                    return Err(it.err(
                        "UnicodeDecodeError",
                        format!("'ascii' codec can't decode byte 0x{x:02x} in position {i}: ordinal not in range(128)"),
                    ));
                }
            }
            Ok(s)
        }
        _ => Err(it.err("LookupError", format!("unknown encoding: {encoding}"))),
    }
}

fn bytes_of(it: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Int(n) => {
            if *n < 0 {
                return Err(it.value_error("negative count"));
            }
            it.check_size(*n as u128)?;
            Ok(vec![0; *n as usize])
        }
        Value::Str(_) => Err(it.type_error("string argument without an encoding")),
        other => {
            let items = it.collect(other)?;
            let mut out = Vec::new();
            for x in items {
                match x.as_i64() {
                    Some(n) if (0..256).contains(&n) => out.push(n as u8),
                    Some(_) => return Err(it.value_error("bytes must be in range(0, 256)")),
                    None => {
                        return Err(it.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            x.type_name()
                        )));
                    }
                }
            }
            Ok(out)
        }
    }
}

/// Install the constructors (`int(...)`, `list(...)`, ...) as `__new__` of each built-in type.
pub fn install_constructors(interp: &mut Interp) {
    def(interp, "int", "__new__", |it, mut args| {
        args.pos.remove(0);
        let base = args.take_kw("base").or_else(|| args.pos.get(1).cloned());
        if args.pos.len() > 2 {
            return Err(it.type_error(format!(
                "int() takes at most 2 arguments ({} given)",
                args.pos.len()
            )));
        }
        match (args.pos.first(), base) {
            (None, _) => Ok(Value::Int(0)),
            (Some(v), None) => it.to_int(v),
            (Some(Value::Str(s)), Some(b)) => {
                let b = it.to_index(&b)?;
                text::parse_int(s, b)
                    .map(Value::from_bigint)
                    .map_err(|e| it.text_err(e))
            }
            (Some(_), Some(_)) => {
                Err(it.type_error("int() can't convert non-string with explicit base"))
            }
        }
    });
    def(interp, "float", "__new__", |it, mut args| {
        args.pos.remove(0);
        match args.pos.first() {
            None => Ok(Value::Float(0.0)),
            Some(v) => Ok(Value::Float(it.to_float(v)?)),
        }
    });
    def(interp, "bool", "__new__", |it, mut args| {
        args.pos.remove(0);
        match args.pos.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(it.truthy(v)?)),
        }
    });
    def(interp, "str", "__new__", |it, mut args| {
        args.pos.remove(0);
        let encoding = args
            .take_kw("encoding")
            .or_else(|| args.pos.get(1).cloned());
        let errors = args.take_kw("errors").or_else(|| args.pos.get(2).cloned());
        match (args.pos.first(), &encoding) {
            (None, _) => Ok(Value::str("")),
            (Some(Value::Bytes(b)), Some(Value::Str(enc))) => {
                let errors = errors
                    .and_then(|e| e.as_str_opt())
                    .unwrap_or_else(|| "strict".into());
                Ok(Value::str(&decode(it, b, enc, &errors)?))
            }
            (Some(Value::Str(_)), Some(_)) => Err(it.type_error("decoding str is not supported")),
            (Some(v), _) => Ok(Value::str(&it.to_str(v)?)),
        }
    });
    def(interp, "bytes", "__new__", |it, mut args| {
        args.pos.remove(0);
        let encoding = args
            .take_kw("encoding")
            .or_else(|| args.pos.get(1).cloned());
        match (args.pos.first(), &encoding) {
            (None, _) => Ok(Value::Bytes(Rc::from(Vec::new()))),
            (Some(Value::Str(s)), Some(Value::Str(enc))) => {
                Ok(Value::Bytes(Rc::from(encode(it, s, enc, "strict")?)))
            }
            (Some(v), _) => {
                let v = v.clone();
                Ok(Value::Bytes(Rc::from(bytes_of(it, &v)?)))
            }
        }
    });
    def(interp, "list", "__new__", |it, mut args| {
        args.pos.remove(0);
        range_args(it, "list", &args, 0, 1)?;
        match args.pos.first() {
            None => Ok(Value::list(vec![])),
            Some(v) => Ok(Value::list(it.collect(v)?)),
        }
    });
    def(interp, "tuple", "__new__", |it, mut args| {
        args.pos.remove(0);
        range_args(it, "tuple", &args, 0, 1)?;
        match args.pos.first() {
            None => Ok(Value::tuple(vec![])),
            Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
            Some(v) => Ok(Value::tuple(it.collect(v)?)),
        }
    });
    for name in ["set", "frozenset"] {
        def_dyn(
            interp,
            name,
            "__new__",
            boxed(move |it, mut args| {
                args.pos.remove(0);
                range_args(it, name, &args, 0, 1)?;
                let mut d = Dict::new();
                if let Some(v) = args.pos.first() {
                    for x in it.collect(v)? {
                        it.dict_insert(&mut d, x, Value::None)?;
                    }
                }
                Ok(if name == "set" {
                    Value::Set(Rc::new(RefCell::new(d)))
                } else {
                    Value::FrozenSet(Rc::new(d))
                })
            }),
        );
    }
    def(interp, "dict", "__new__", |it, mut args| {
        args.pos.remove(0);
        if args.pos.len() > 1 {
            return Err(it.type_error(format!(
                "dict expected at most 1 argument, got {}",
                args.pos.len()
            )));
        }
        let mut d = Dict::new();
        if let Some(v) = args.pos.first() {
            dict_update_from(it, &mut d, v)?;
        }
        for (k, v) in args.kw {
            d.set_str(&k, v);
        }
        Ok(Value::dict(d))
    });
    def(interp, "range", "__new__", |it, mut args| {
        args.pos.remove(0);
        if !args.kw.is_empty() {
            return Err(it.type_error("range() takes no keyword arguments"));
        }
        let n = args.pos.len();
        if n == 0 {
            return Err(it.type_error("range expected at least 1 argument, got 0"));
        }
        if n > 3 {
            return Err(it.type_error(format!("range expected at most 3 arguments, got {n}")));
        }
        let mut v = Vec::new();
        for a in &args.pos {
            match a {
                Value::Int(_) | Value::Bool(_) => v.push(a.as_i64().unwrap_or(0)),
                Value::Long(_) => {
                    return Err(it.err(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                }
                o => {
                    return Err(it.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        o.type_name()
                    )));
                }
            }
        }
        let (start, stop, step) = match n {
            1 => (0, v[0], 1),
            2 => (v[0], v[1], 1),
            _ => (v[0], v[1], v[2]),
        };
        if step == 0 {
            return Err(it.value_error("range() arg 3 must not be zero"));
        }
        Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
    });
    let init_subclass = builtin("__init_subclass__", |it, args| {
        let cls = match args.pos.first() {
            Some(Value::Class(c)) => c.clone(),
            _ => it.types.object.clone(),
        };
        object_init_subclass(it, &cls, &args.kw)?;
        Ok(Value::None)
    });
    interp.ty("object").dict.borrow_mut().set_str(
        "__init_subclass__",
        Value::ClassMethod(Rc::new(init_subclass)),
    );
    def(interp, "object", "__new__", |it, args| {
        // `object.__new__(cls)` from a user `__new__` makes an instance of `cls`.
        let cls = match args.pos.first() {
            Some(Value::Class(c)) if c.builtin.get() == Some(BuiltinType::Object) => c.clone(),
            _ => it.types.object.clone(),
        };
        if args.pos.len() > 1 && Rc::ptr_eq(&cls, &it.types.object) {
            return Err(it.type_error("object() takes no arguments"));
        }
        Ok(it.new_instance(Instance {
            class: cls,
            attrs: Rc::new(RefCell::new(Dict::new())),
            exc: None,
            base: None,
        }))
    });
    def(interp, "object", "__init__", |_it, _args| Ok(Value::None));
    // The plain class-attribute store, for metaclasses that define their own `__setattr__`.
    def(interp, "type", "__setattr__", |it, args| {
        exact_args(it, "__setattr__", &args, 3)?;
        match (&args.pos[0], &args.pos[1]) {
            (Value::Class(c), Value::Str(n)) => {
                let c = c.clone();
                it.set_class_attr(&c, n, args.pos[2].clone())?;
                Ok(Value::None)
            }
            _ => Err(it.type_error("type.__setattr__() needs a class and a name")),
        }
    });
    def(interp, "type", "__delattr__", |it, args| {
        exact_args(it, "__delattr__", &args, 2)?;
        match (&args.pos[0], &args.pos[1]) {
            (Value::Class(c), Value::Str(n)) => {
                if c.dict.borrow_mut().remove_str(n).is_none() {
                    return Err(it.attr_error(&args.pos[0], n));
                }
                Ok(Value::None)
            }
            _ => Err(it.type_error("type.__delattr__() needs a class and a name")),
        }
    });
    def(interp, "type", "__new__", |it, mut args| {
        let meta = args.pos.remove(0);
        if args.pos.len() == 1 {
            return Ok(Value::Class(it.class_of(&args.pos[0])));
        }
        if args.pos.len() == 3 {
            let name = args.pos[0].as_str_opt().unwrap_or_default();
            let bases: Vec<Rc<Class>> = match &args.pos[1] {
                Value::Tuple(t) => t
                    .iter()
                    .filter_map(|b| {
                        if let Value::Class(c) = b {
                            Some(c.clone())
                        } else {
                            None
                        }
                    })
                    .collect(),
                _ => vec![],
            };
            let d = match &args.pos[2] {
                Value::Dict(d) => d.borrow().clone(),
                _ => Dict::new(),
            };
            // A class statement's namespace carries its module and qualified name.
            let text = |key: &str| match &d.get_str(key) {
                Some(Value::Str(s)) => Some(s.to_string()),
                _ => None,
            };
            let module = text("__module__").unwrap_or_else(|| "__main__".to_string());
            let qualname = text("__qualname__").unwrap_or_else(|| name.to_string());
            let c = it.new_class(&name, &qualname, &module, bases, d)?;
            // `type.__new__(mcs, ...)` from a metaclass's `__new__` makes an instance of `mcs`.
            if let Value::Class(m) = &meta
                && !(m.module == "builtins" && m.name == "type")
            {
                *c.meta.borrow_mut() = Some(m.clone());
            }
            it.finish_class(&c, std::mem::take(&mut args.kw))?;
            return Ok(Value::Class(c));
        }
        Err(it.type_error("type() takes 1 or 3 arguments"))
    });
    def(interp, "property", "__new__", |it, mut args| {
        args.pos.remove(0);
        let fget = args
            .take_kw("fget")
            .or_else(|| args.pos.first().cloned())
            .unwrap_or(Value::None);
        let fset = args
            .take_kw("fset")
            .or_else(|| args.pos.get(1).cloned())
            .unwrap_or(Value::None);
        let fdel = args
            .take_kw("fdel")
            .or_else(|| args.pos.get(2).cloned())
            .unwrap_or(Value::None);
        let _ = it;
        Ok(Value::Property(Rc::new(Property { fget, fset, fdel })))
    });
    def(interp, "property", "setter", |it, args| {
        exact_args(it, "setter", &args, 2)?;
        let Value::Property(p) = &args.pos[0] else {
            return Err(it.type_error("descriptor 'setter' requires a 'property' object"));
        };
        Ok(Value::Property(Rc::new(Property {
            fget: p.fget.clone(),
            fset: args.pos[1].clone(),
            fdel: p.fdel.clone(),
        })))
    });
    def(interp, "property", "getter", |it, args| {
        exact_args(it, "getter", &args, 2)?;
        let Value::Property(p) = &args.pos[0] else {
            return Err(it.type_error("descriptor 'getter' requires a 'property' object"));
        };
        Ok(Value::Property(Rc::new(Property {
            fget: args.pos[1].clone(),
            fset: p.fset.clone(),
            fdel: p.fdel.clone(),
        })))
    });
    def(interp, "property", "deleter", |it, args| {
        exact_args(it, "deleter", &args, 2)?;
        let Value::Property(p) = &args.pos[0] else {
            return Err(it.type_error("descriptor 'deleter' requires a 'property' object"));
        };
        Ok(Value::Property(Rc::new(Property {
            fget: p.fget.clone(),
            fset: p.fset.clone(),
            fdel: args.pos[1].clone(),
        })))
    });
    def(interp, "staticmethod", "__new__", |it, args| {
        exact_args(it, "staticmethod", &args, 2)?;
        Ok(Value::StaticMethod(Rc::new(args.pos[1].clone())))
    });
    def(interp, "classmethod", "__new__", |it, args| {
        exact_args(it, "classmethod", &args, 2)?;
        Ok(Value::ClassMethod(Rc::new(args.pos[1].clone())))
    });
    def(interp, "slice", "__new__", |it, mut args| {
        args.pos.remove(0);
        range_args(it, "slice", &args, 1, 3)?;
        let p = &args.pos;
        Ok(Value::Slice(Rc::new(match p.len() {
            1 => [Value::None, p[0].clone(), Value::None],
            2 => [p[0].clone(), p[1].clone(), Value::None],
            _ => [p[0].clone(), p[1].clone(), p[2].clone()],
        })))
    });
    def(interp, "BaseException", "__init__", |it, args| {
        if let Some(st) = args.pos.first().and_then(|v| v.exc_state()) {
            st.borrow_mut().args = args.pos[1..].to_vec();
        }
        let _ = it;
        Ok(Value::None)
    });
    def(interp, "BaseException", "with_traceback", |_it, args| {
        Ok(args.pos.first().cloned().unwrap_or(Value::None))
    });
    def(interp, "BaseException", "add_note", |_it, _args| {
        Ok(Value::None)
    });
    def(interp, "object", "__eq__", |_it, args| {
        Ok(if args.pos.len() == 2 && args.pos[0].is(&args.pos[1]) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        })
    });
    def(interp, "object", "__str__", |it, args| {
        let v = args.pos.first().cloned().unwrap_or(Value::None);
        Ok(Value::str(&it.to_str(&v)?))
    });
    def(interp, "object", "__repr__", |it, args| {
        let v = args.pos.first().cloned().unwrap_or(Value::None);
        Ok(Value::str(&it.repr(&v)?))
    });
    def(interp, "object", "__setattr__", |it, args| {
        exact_args(it, "__setattr__", &args, 3)?;
        if let (Value::Instance(i), Value::Str(n)) = (&args.pos[0], &args.pos[1]) {
            i.attrs.borrow_mut().set_str(n, args.pos[2].clone());
        }
        Ok(Value::None)
    });
    // object.__eq__/__str__/__repr__/__setattr__ must not shadow the defaults: remove from lookup paths.
    for n in ["__eq__", "__str__", "__repr__", "__setattr__"] {
        let v = interp.types.object.dict.borrow_mut().remove_str(n);
        if let Some(v) = v {
            interp
                .types
                .object
                .dict
                .borrow_mut()
                .set_str(&format!("_object{n}"), v);
        }
    }
}

fn dict_update_from(it: &mut Interp, d: &mut Dict, v: &Value) -> PyResult<()> {
    match v {
        Value::Dict(src) => {
            for (k, val) in src.borrow().iter() {
                let _ = d.insert(k, val);
            }
            Ok(())
        }
        Value::Native(_) | Value::Instance(_) if it.get_attr_opt(v, "keys")?.is_some() => {
            for (k, val) in it.mapping_items(v)? {
                it.dict_insert(d, k, val)?;
            }
            Ok(())
        }
        other => {
            let items = it.collect(other)?;
            for (i, item) in items.into_iter().enumerate() {
                let pair = match &item {
                    Value::Tuple(_) | Value::List(_) | Value::Str(_) => it.collect(&item)?,
                    _ => {
                        return Err(it.type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )));
                    }
                };
                if pair.len() != 2 {
                    return Err(it.value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                it.dict_insert(d, pair[0].clone(), pair[1].clone())?;
            }
            Ok(())
        }
    }
}

fn split_whitespace(s: &str, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(|c: char| text::char_class::is_space(c));
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(Value::str(rest));
            return out;
        }
        let end = rest
            .find(|c: char| text::char_class::is_space(c))
            .unwrap_or(rest.len());
        out.push(Value::str(&rest[..end]));
        rest = rest[end..].trim_start_matches(|c: char| text::char_class::is_space(c));
        n += 1;
    }
    out
}

/// `str.format` over a format string.
pub fn str_format(
    it: &mut Interp,
    fmt: &str,
    args: &[Value],
    kwargs: &[(String, Value)],
) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (format specs may nest one level).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(it.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            let (name_conv, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(p) => (
                    name_conv[..p].to_string(),
                    Some(name_conv[p + 1..].to_string()),
                ),
                None => (name_conv, None),
            };
            // Split the field name into the first part and attribute/index accessors.
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut value = if first.is_empty() {
                if manual {
                    return Err(it.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                let v = args.get(auto).cloned();
                auto += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return Err(it.err(
                            "IndexError",
                            format!(
                                "Replacement index {} out of range for positional args tuple",
                                auto - 1
                            ),
                        ));
                    }
                }
            } else if let Ok(n) = first.parse::<usize>() {
                manual = true;
                match args.get(n) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(it.err(
                            "IndexError",
                            format!("Replacement index {n} out of range for positional args tuple"),
                        ));
                    }
                }
            } else {
                match kwargs.iter().find(|(k, _)| k == first) {
                    Some((_, v)) => v.clone(),
                    None => return Err(it.key_error(Value::str(first))),
                }
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    value = it.get_attr(&value, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    value = it.get_item(&value, &k)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let value = match conv.as_deref() {
                None => value,
                Some("r") => Value::str(&it.repr(&value)?),
                Some("s") => Value::str(&it.to_str(&value)?),
                Some("a") => Value::str(&super::builtins::ascii_escape(&it.repr(&value)?)),
                Some(c) => return Err(it.value_error(format!("Unknown conversion specifier {c}"))),
            };
            let spec = if spec.contains('{') {
                str_format(it, &spec, args, kwargs)?
            } else {
                spec
            };
            out.push_str(&it.format(&value, &spec)?);
            it.check_size(out.len() as u128)?;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(it.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// Install methods of str, list, dict, set, bytes, int, float.
pub fn install_methods(interp: &mut Interp) {
    install_str(interp);
    install_list(interp);
    install_dict(interp);
    install_set(interp);
    install_bytes(interp);
    install_numbers(interp);
}

/// The `str` natives, each with its arity as CPython 3.11 has it.
static STR_METHODS: &[Native] = &[
    Native::new("upper", Arity::NONE, str_upper),
    Native::new("lower", Arity::NONE, str_lower),
    Native::new("casefold", Arity::NONE, str_casefold),
    Native::new("swapcase", Arity::NONE, str_swapcase),
    Native::new("capitalize", Arity::NONE, str_capitalize),
    Native::new("title", Arity::NONE, str_title),
    Native::new("isdigit", Arity::NONE, str_isdigit),
    Native::new("isdecimal", Arity::NONE, str_isdecimal),
    Native::new("isnumeric", Arity::NONE, str_isnumeric),
    Native::new("isalpha", Arity::NONE, str_isalpha),
    Native::new("isalnum", Arity::NONE, str_isalnum),
    Native::new("isspace", Arity::NONE, str_isspace),
    Native::new("isascii", Arity::NONE, str_isascii),
    Native::new("isupper", Arity::NONE, str_isupper),
    Native::new("islower", Arity::NONE, str_islower),
    Native::new("isidentifier", Arity::NONE, str_isidentifier),
    Native::new("istitle", Arity::NONE, str_istitle),
    Native::new("strip", Arity::clinic(0, 1), str_strip),
    Native::new("lstrip", Arity::clinic(0, 1), str_lstrip),
    Native::new("rstrip", Arity::clinic(0, 1), str_rstrip),
    Native::new("split", Arity::tuple(0, 2).kw(), str_split),
    Native::new("rsplit", Arity::tuple(0, 2).kw(), str_rsplit),
    Native::new("splitlines", Arity::tuple(0, 1).kw(), str_splitlines),
    Native::new("join", Arity::ONE, str_join),
    Native::new("translate", Arity::ONE, str_translate),
    Native::new("replace", Arity::clinic(2, 3), str_replace),
    Native::new("startswith", Arity::tuple(1, 3), str_startswith),
    Native::new("endswith", Arity::tuple(1, 3), str_endswith),
    Native::new("find", Arity::tuple(1, 3), str_find),
    Native::new("rfind", Arity::tuple(1, 3), str_rfind),
    Native::new("index", Arity::tuple(1, 3), str_index),
    Native::new("rindex", Arity::tuple(1, 3), str_rindex),
    Native::new("count", Arity::tuple(1, 3), str_count),
    Native::new("center", Arity::clinic(1, 2), str_center),
    Native::new("ljust", Arity::clinic(1, 2), str_ljust),
    Native::new("rjust", Arity::clinic(1, 2), str_rjust),
    Native::new("zfill", Arity::ONE, str_zfill),
    Native::new("partition", Arity::ONE, str_partition),
    Native::new("rpartition", Arity::ONE, str_rpartition),
    Native::new("removeprefix", Arity::ONE, str_removeprefix),
    Native::new("removesuffix", Arity::ONE, str_removesuffix),
    Native::new("encode", Arity::tuple(0, 2).kw(), str_encode),
    Native::new("format", Arity::ANY, str_format_method),
    Native::new("format_map", Arity::ONE, str_format_map),
    Native::new("expandtabs", Arity::tuple(0, 1).kw(), str_expandtabs),
    Native::new("__len__", Arity::slot(0), str_dunder_len),
];

fn install_str(interp: &mut Interp) {
    let maketrans = builtin("maketrans", |it, args| maketrans(it, &args.pos));
    interp
        .ty("str")
        .dict
        .borrow_mut()
        .set_str("maketrans", Value::StaticMethod(Rc::new(maketrans)));
    super::native::install_methods(interp, "str", STR_METHODS);
}

/// The text `str.upper()` returns.
fn upper_text(s: &str) -> String {
    let mut o = String::new();
    s.chars()
        .for_each(|c| text::char_class::push_upper(&mut o, c));
    o
}

fn str_upper(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(Rc::from(upper_text(&self_str(&args)))))
}

/// The text `str.lower()` returns.
fn lower_text(s: &str) -> String {
    let mut o = String::new();
    s.chars()
        .for_each(|c| text::char_class::push_lower(&mut o, c));
    o
}

fn str_lower(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(Rc::from(lower_text(&self_str(&args)))))
}

/// The text `str.casefold()` returns.
fn casefold_text(s: &str) -> String {
    let mut o = String::new();
    s.chars()
        .for_each(|c| text::char_class::push_casefold(&mut o, c));
    o
}

fn str_casefold(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(Rc::from(casefold_text(&self_str(&args)))))
}

/// The text `str.swapcase()` returns.
fn swapcase_text(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        if text::char_class::is_upper(c) {
            text::char_class::push_lower(&mut o, c)
        } else if text::char_class::is_lower(c) {
            text::char_class::push_upper(&mut o, c)
        } else {
            o.push(c)
        }
    }
    o
}

fn str_swapcase(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(Rc::from(swapcase_text(&self_str(&args)))))
}

/// The text `str.capitalize()` returns.
fn capitalize_text(s: &str) -> String {
    let mut o = String::new();
    let mut cs = s.chars();
    if let Some(c) = cs.next() {
        text::char_class::push_title(&mut o, c);
    }
    cs.for_each(|c| text::char_class::push_lower(&mut o, c));
    o
}

fn str_capitalize(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(Rc::from(capitalize_text(&self_str(&args)))))
}

/// The text `str.title()` returns.
fn title_text(s: &str) -> String {
    let mut o = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            text::char_class::push_lower(&mut o, c)
        } else {
            text::char_class::push_title(&mut o, c)
        }
        prev_cased = text::char_class::is_cased(c);
    }
    o
}

fn str_title(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Str(Rc::from(title_text(&self_str(&args)))))
}

fn str_isdigit(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(text::char_class::is_digit),
    ))
}

fn str_isdecimal(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(text::char_class::is_decimal),
    ))
}

fn str_isnumeric(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(text::char_class::is_numeric),
    ))
}

fn str_isalpha(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(text::char_class::is_alpha),
    ))
}

fn str_isalnum(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(text::char_class::is_alnum),
    ))
}

fn str_isspace(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        !s.is_empty() && s.chars().all(text::char_class::is_space),
    ))
}

fn str_isascii(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(s.chars().all(|c| (c as u32) < 128)))
}

fn str_isupper(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        s.chars().any(text::char_class::is_upper) && !s.chars().any(text::char_class::is_lower),
    ))
}

fn str_islower(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    Ok(Value::Bool(
        s.chars().any(text::char_class::is_lower) && !s.chars().any(text::char_class::is_upper),
    ))
}

fn str_isidentifier(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let mut cs = s.chars();
    Ok(Value::Bool(
        cs.next()
            .map(|c| c == '_' || text::char_class::is_id_start(c))
            .unwrap_or(false)
            && cs.all(text::char_class::is_id_continue),
    ))
}

fn str_istitle(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let (mut cased, mut prev) = (false, false);
    for c in s.chars() {
        if text::char_class::is_upper(c) || text::char_class::is_title(c) {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if text::char_class::is_lower(c) {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// `strip`, `lstrip`, `rstrip`: one body, told which it is.
fn str_strip_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let s = self_str(&args);
    let chars = arg_str(it, args.pos.get(1), name, 1)?;
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => text::char_class::is_space(c),
    };
    let r = match name {
        "strip" => s.trim_matches(pred),
        "lstrip" => s.trim_start_matches(pred),
        _ => s.trim_end_matches(pred),
    };
    Ok(Value::str(r))
}

fn str_strip(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_strip_family(it, args, "strip")
}

fn str_lstrip(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_strip_family(it, args, "lstrip")
}

fn str_rstrip(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_strip_family(it, args, "rstrip")
}

/// `split`, `rsplit`: one body, told which it is.
fn str_split_family(it: &mut Interp, mut args: Args, name: &'static str) -> PyResult<Value> {
    let s = self_str(&args);
    let sep = args.take_kw("sep").or_else(|| args.pos.get(1).cloned());
    let maxsplit = args
        .take_kw("maxsplit")
        .or_else(|| args.pos.get(2).cloned())
        .map(|v| it.to_index(&v))
        .transpose()?
        .unwrap_or(-1);
    match &sep {
        None | Some(Value::None) => {
            if name == "split" {
                Ok(Value::list(split_whitespace(&s, maxsplit)))
            } else {
                let rev: String = s.chars().rev().collect();
                let mut parts: Vec<Value> = split_whitespace(&rev, maxsplit)
                    .into_iter()
                    .map(|v| {
                        Value::str(
                            &v.as_str_opt()
                                .unwrap_or_default()
                                .chars()
                                .rev()
                                .collect::<String>(),
                        )
                    })
                    .collect();
                parts.reverse();
                Ok(Value::list(parts))
            }
        }
        Some(Value::Str(sep)) => {
            if sep.is_empty() {
                return Err(it.value_error("empty separator"));
            }
            let parts: Vec<Value> = if maxsplit < 0 {
                s.split(&**sep).map(Value::str).collect()
            } else if name == "split" {
                s.splitn(maxsplit as usize + 1, &**sep)
                    .map(Value::str)
                    .collect()
            } else {
                let mut p: Vec<Value> = s
                    .rsplitn(maxsplit as usize + 1, &**sep)
                    .map(Value::str)
                    .collect();
                p.reverse();
                p
            };
            Ok(Value::list(parts))
        }
        Some(o) => Err(it.type_error(format!("must be str or None, not {}", o.type_name()))),
    }
}

fn str_split(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_split_family(it, args, "split")
}

fn str_rsplit(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_split_family(it, args, "rsplit")
}

fn str_splitlines(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let keep = args
        .take_kw("keepends")
        .or_else(|| args.pos.get(1).cloned())
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    let lines = super::text::str_methods::splitlines(&s, keep);
    Ok(Value::list(lines.iter().map(|l| Value::str(l)).collect()))
}

fn str_join(it: &mut Interp, args: Args) -> PyResult<Value> {
    let sep = self_str(&args);
    // CPython names join's own need when the argument cannot be iterated at all.
    let items = match it.iter(&args.pos[1]) {
        Ok(iter) => it.collect(&iter)?,
        Err(e) if it.exc_matches(&e.value, "TypeError") => {
            return Err(it.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match x {
            Value::Str(s) => out.push_str(s),
            Value::Instance(inst) if matches!(inst.base, Some(Value::Str(_))) => {
                if let Some(Value::Str(s)) = &inst.base {
                    out.push_str(s);
                }
            }
            o => {
                return Err(it.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    o.type_name()
                )));
            }
        }
        if out.len() > it.config.memory_limit {
            return Err(it.err_empty("MemoryError"));
        }
    }
    Ok(Value::Str(Rc::from(out)))
}

fn str_translate(it: &mut Interp, args: Args) -> PyResult<Value> {
    exact_args(
        it,
        "translate",
        &Args::positional(args.pos[1..].to_vec()),
        1,
    )?;
    let s = self_str(&args);
    translate(it, &s, &args.pos[1])
}

fn str_replace(it: &mut Interp, args: Args) -> PyResult<Value> {
    range_args(
        it,
        "replace",
        &Args::positional(args.pos[1..].to_vec()),
        2,
        3,
    )?;
    let s = self_str(&args);
    let old = need_str(it, args.pos.get(1), "replace() argument 1 must be str")?;
    let new = need_str(it, args.pos.get(2), "replace() argument 2 must be str")?;
    let count = args
        .pos
        .get(3)
        .map(|v| it.to_index(v))
        .transpose()?
        .unwrap_or(-1);
    let n = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(&*old).count()
    };
    let n = if count >= 0 { n.min(count as usize) } else { n };
    it.check_size(s.len() as u128 + n as u128 * new.len() as u128)?;
    Ok(Value::Str(Rc::from(if count < 0 {
        s.replace(&*old, &new)
    } else {
        s.replacen(&*old, &new, count as usize)
    })))
}

/// `startswith`, `endswith`: one body, told which it is.
fn str_startswith_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let s = self_str(&args);
    let (a, b) = sub_range(it, &s, args.pos.get(2), args.pos.get(3))?;
    let (ba, bb) = (char_index_to_byte(&s, a), char_index_to_byte(&s, b.max(a)));
    let sub = &s[ba..bb];
    let cands: Vec<Value> = match &args.pos[1] {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    for c in cands {
        let Value::Str(p) = &c else {
            return Err(it.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                c.type_name()
            )));
        };
        if (name == "startswith" && sub.starts_with(&**p))
            || (name == "endswith" && sub.ends_with(&**p))
        {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_startswith_family(it, args, "startswith")
}

fn str_endswith(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_startswith_family(it, args, "endswith")
}

/// `find`, `rfind`, `index`, `rindex`, `count`: one body, told which it is.
fn str_find_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let s = self_str(&args);
    let sub = need_str(it, args.pos.get(1), "must be str")?;
    let (a, b) = sub_range(it, &s, args.pos.get(2), args.pos.get(3))?;
    let (ba, bb) = (char_index_to_byte(&s, a), char_index_to_byte(&s, b.max(a)));
    let hay = &s[ba..bb];
    if name == "count" {
        let n = if sub.is_empty() {
            hay.chars().count() + 1
        } else {
            hay.matches(&*sub).count()
        };
        return Ok(Value::Int(n as i64));
    }
    let found = if name.starts_with('r') {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    match found {
        Some(p) => Ok(Value::Int((a + hay[..p].chars().count()) as i64)),
        None if name.ends_with("index") => Err(it.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_find(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_find_family(it, args, "find")
}

fn str_rfind(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_find_family(it, args, "rfind")
}

fn str_index(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_find_family(it, args, "index")
}

fn str_rindex(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_find_family(it, args, "rindex")
}

fn str_count(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_find_family(it, args, "count")
}

/// `center`, `ljust`, `rjust`: one body, told which it is.
fn str_center_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let s = self_str(&args);
    let width = it.to_index(&args.pos[1])?;
    let fill = match args.pos.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(it.type_error("The fill character must be exactly one character long"));
        }
    };
    let n = s.chars().count() as i64;
    if width <= n {
        return Ok(Value::Str(s));
    }
    it.check_size(width as u128 * 4)?;
    let pad = (width - n) as usize;
    let (l, r) = match name {
        "ljust" => (0, pad),
        "rjust" => (pad, 0),
        _ => {
            let l = pad / 2 + (pad & (width as usize) & 1);
            (l, pad - l)
        }
    };
    let f = fill.to_string();
    Ok(Value::Str(Rc::from(format!(
        "{}{}{}",
        f.repeat(l),
        s,
        f.repeat(r)
    ))))
}

fn str_center(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_center_family(it, args, "center")
}

fn str_ljust(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_center_family(it, args, "ljust")
}

fn str_rjust(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_center_family(it, args, "rjust")
}

fn str_zfill(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let width = it.to_index(&args.pos[1])?;
    let n = s.chars().count() as i64;
    if width <= n {
        return Ok(Value::Str(s));
    }
    it.check_size(width as u128)?;
    let pad = "0".repeat((width - n) as usize);
    Ok(Value::Str(Rc::from(if s.starts_with(['+', '-']) {
        format!("{}{}{}", &s[..1], pad, &s[1..])
    } else {
        format!("{pad}{s}")
    })))
}

/// `partition`, `rpartition`: one body, told which it is.
fn str_partition_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let s = self_str(&args);
    let sep = need_str(it, args.pos.get(1), "must be str")?;
    if sep.is_empty() {
        return Err(it.value_error("empty separator"));
    }
    let found = if name == "partition" {
        s.find(&*sep)
    } else {
        s.rfind(&*sep)
    };
    Ok(Value::tuple(match found {
        Some(p) => vec![
            Value::str(&s[..p]),
            Value::Str(sep.clone()),
            Value::str(&s[p + sep.len()..]),
        ],
        None if name == "partition" => {
            vec![Value::Str(s.clone()), Value::str(""), Value::str("")]
        }
        None => vec![Value::str(""), Value::str(""), Value::Str(s.clone())],
    }))
}

fn str_partition(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_partition_family(it, args, "partition")
}

fn str_rpartition(it: &mut Interp, args: Args) -> PyResult<Value> {
    str_partition_family(it, args, "rpartition")
}

fn str_removeprefix(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let p = need_str(it, args.pos.get(1), "removeprefix() argument must be str")?;
    Ok(Value::str(s.strip_prefix(&*p).unwrap_or(&s)))
}

fn str_removesuffix(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let p = need_str(it, args.pos.get(1), "removesuffix() argument must be str")?;
    Ok(Value::str(s.strip_suffix(&*p).unwrap_or(&s)))
}

fn str_encode(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let enc = args
        .take_kw("encoding")
        .or_else(|| args.pos.get(1).cloned())
        .and_then(|v| v.as_str_opt())
        .unwrap_or_else(|| "utf-8".into());
    let errors = args
        .take_kw("errors")
        .or_else(|| args.pos.get(2).cloned())
        .and_then(|v| v.as_str_opt())
        .unwrap_or_else(|| "strict".into());
    Ok(Value::Bytes(Rc::from(encode(it, &s, &enc, &errors)?)))
}

fn str_format_method(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let out = str_format(it, &s, &args.pos[1..], &args.kw)?;
    Ok(Value::Str(Rc::from(out)))
}

fn str_format_map(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let m = args.pos.get(1).cloned().unwrap_or(Value::None);
    let kw: Vec<(String, Value)> = it
        .mapping_items(&m)?
        .into_iter()
        .filter_map(|(k, v)| k.as_str_opt().map(|k| (k, v)))
        .collect();
    Ok(Value::Str(Rc::from(str_format(it, &s, &[], &kw)?)))
}

fn str_expandtabs(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_str(&args);
    let size = args
        .pos
        .get(1)
        .map(|v| it.to_index(v))
        .transpose()?
        .unwrap_or(8)
        .max(0) as usize;
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            if size > 0 {
                let n = size - col % size;
                out.push_str(&" ".repeat(n));
                col += n;
            }
        } else {
            out.push(c);
            col = if c == '\n' || c == '\r' { 0 } else { col + 1 };
        }
    }
    Ok(Value::Str(Rc::from(out)))
}

fn str_dunder_len(it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Int(it.len(&args.pos[0])? as i64))
}

fn self_list(it: &Interp, args: &Args) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(Value::Instance(i)) if matches!(i.base, Some(Value::List(_))) => match &i.base {
            Some(Value::List(l)) => Ok(l.clone()),
            _ => Err(it.type_error("descriptor requires a 'list' object")),
        },
        _ => Err(it.type_error("descriptor requires a 'list' object")),
    }
}

/// The `tuple` natives, each with its arity as CPython 3.11 has it.
static TUPLE_METHODS: &[Native] = &[
    Native::new("index", Arity::clinic(1, 3), tuple_index),
    Native::new("count", Arity::ONE, tuple_count),
];

fn tuple_index(it: &mut Interp, args: Args) -> PyResult<Value> {
    let items = it.collect(&args.pos[0])?;
    let (a, e) = byte_range(it, items.len(), args.pos.get(2), args.pos.get(3))?;
    for (i, x) in items.iter().enumerate().take(e).skip(a) {
        if it.eq(x, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(it.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(it: &mut Interp, args: Args) -> PyResult<Value> {
    let items = it.collect(&args.pos[0])?;
    let mut n = 0;
    for x in items.iter() {
        if it.eq(x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// The `list` natives, each with its arity as CPython 3.11 has it.
static LIST_METHODS: &[Native] = &[
    Native::new("append", Arity::ONE, list_append),
    Native::new("extend", Arity::ONE, list_extend),
    Native::new("insert", Arity::clinic(2, 2), list_insert),
    Native::new("pop", Arity::clinic(0, 1), list_pop),
    Native::new("remove", Arity::ONE, list_remove),
    Native::new("index", Arity::clinic(1, 3), list_index),
    Native::new("count", Arity::ONE, list_count),
    Native::new("sort", Arity::tuple(0, 2).kw(), list_sort),
    Native::new("reverse", Arity::NONE, list_reverse),
    Native::new("copy", Arity::NONE, list_copy),
    Native::new("clear", Arity::NONE, list_clear),
];

fn install_list(interp: &mut Interp) {
    super::native::install_methods(interp, "tuple", TUPLE_METHODS);
    super::native::install_methods(interp, "list", LIST_METHODS);
}

fn list_append(it: &mut Interp, args: Args) -> PyResult<Value> {
    exact_args(
        it,
        "list.append",
        &Args::positional(args.pos[1..].to_vec()),
        1,
    )?;
    let l = self_list(it, &args)?;
    let n = l.borrow().len();
    if n % 1024 == 1023 {
        it.check_size(n as u128 * 8)?;
    }
    l.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn list_extend(it: &mut Interp, args: Args) -> PyResult<Value> {
    exact_args(
        it,
        "list.extend",
        &Args::positional(args.pos[1..].to_vec()),
        1,
    )?;
    let l = self_list(it, &args)?;
    let items = it.collect(&args.pos[1])?;
    it.check_size((l.borrow().len() + items.len()) as u128 * 8)?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(it: &mut Interp, args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    let n = l.borrow().len() as i64;
    let i = it.to_index(&args.pos[1])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    l.borrow_mut().insert(i, args.pos[2].clone());
    Ok(Value::None)
}

fn list_pop(it: &mut Interp, args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    let n = l.borrow().len() as i64;
    if n == 0 {
        return Err(it.err("IndexError", "pop from empty list"));
    }
    let i = args
        .pos
        .get(1)
        .map(|v| it.to_index(v))
        .transpose()?
        .unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(it.err("IndexError", "pop index out of range"));
    }
    Ok(l.borrow_mut().remove(j as usize))
}

fn list_remove(it: &mut Interp, args: Args) -> PyResult<Value> {
    exact_args(
        it,
        "list.remove",
        &Args::positional(args.pos[1..].to_vec()),
        1,
    )?;
    let l = self_list(it, &args)?;
    let items = l.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if it.eq(x, &args.pos[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(it.value_error("list.remove(x): x not in list"))
}

fn list_index(it: &mut Interp, args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    let items = l.borrow().clone();
    let (a, e) = byte_range(it, items.len(), args.pos.get(2), args.pos.get(3))?;
    for (i, x) in items.iter().enumerate().take(e).skip(a) {
        if it.eq(x, &args.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = it.repr(&args.pos[1])?;
    Err(it.value_error(format!("{r} is not in list")))
}

fn list_count(it: &mut Interp, args: Args) -> PyResult<Value> {
    exact_args(
        it,
        "list.count",
        &Args::positional(args.pos[1..].to_vec()),
        1,
    )?;
    let l = self_list(it, &args)?;
    let items = l.borrow().clone();
    let mut n = 0;
    for x in items.iter() {
        if it.eq(x, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    let key = args.take_kw("key").unwrap_or(Value::None);
    let reverse = args
        .take_kw("reverse")
        .map(|v| it.truthy(&v))
        .transpose()?
        .unwrap_or(false);
    if args.pos.len() > 1 {
        return Err(it.type_error("sort() takes no positional arguments"));
    }
    let mut items = l.borrow().clone();
    it.sort_values(&mut items, &key, reverse)?;
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn list_reverse(it: &mut Interp, args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(it: &mut Interp, args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    let v = l.borrow().clone();
    Ok(Value::list(v))
}

fn list_clear(it: &mut Interp, args: Args) -> PyResult<Value> {
    let l = self_list(it, &args)?;
    l.borrow_mut().clear();
    Ok(Value::None)
}

fn self_dict(it: &Interp, args: &Args) -> PyResult<Rc<RefCell<Dict>>> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        Some(Value::Instance(i)) if matches!(i.base, Some(Value::Dict(_))) => match &i.base {
            Some(Value::Dict(d)) => Ok(d.clone()),
            _ => Err(it.type_error("descriptor requires a 'dict' object")),
        },
        _ => Err(it.type_error("descriptor requires a 'dict' object")),
    }
}

/// The `dict` natives, each with its arity as CPython 3.11 has it.
static DICT_METHODS: &[Native] = &[
    Native::new("get", Arity::clinic(1, 2), dict_get),
    Native::new("pop", Arity::clinic(1, 2), dict_pop),
    Native::new("popitem", Arity::NONE, dict_popitem),
    Native::new("setdefault", Arity::clinic(1, 2), dict_setdefault),
    Native::new("update", Arity::clinic(0, 1).kw(), dict_update),
    Native::new("copy", Arity::NONE, dict_copy),
    Native::new("clear", Arity::NONE, dict_clear),
];

fn install_dict(interp: &mut Interp) {
    for (name, kind) in [
        ("keys", "dict_keys"),
        ("values", "dict_values"),
        ("items", "dict_items"),
    ] {
        def_dyn(
            interp,
            "dict",
            name,
            boxed(move |it, args| {
                exact_args(it, name, &Args::positional(args.pos[1..].to_vec()), 0)?;
                let d = self_dict(it, &args)?;
                Ok(Value::Native(Rc::new(DictView { dict: d, kind })))
            }),
        );
    }
    let fromkeys = builtin("fromkeys", |it, args| {
        range_args(
            it,
            "fromkeys",
            &Args::positional(args.pos[1..].to_vec()),
            1,
            2,
        )?;
        let keys = it.collect(&args.pos[1])?;
        let v = args.pos.get(2).cloned().unwrap_or(Value::None);
        let mut d = Dict::new();
        for k in keys {
            it.dict_insert(&mut d, k, v.clone())?;
        }
        Ok(Value::dict(d))
    });
    interp
        .ty("dict")
        .dict
        .borrow_mut()
        .set_str("fromkeys", Value::ClassMethod(Rc::new(fromkeys)));
    super::native::install_methods(interp, "dict", DICT_METHODS);
}

fn dict_get(it: &mut Interp, args: Args) -> PyResult<Value> {
    let d = self_dict(it, &args)?;
    match it.dict_lookup(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => Ok(args.pos.get(2).cloned().unwrap_or(Value::None)),
    }
}

fn dict_pop(it: &mut Interp, args: Args) -> PyResult<Value> {
    let d = self_dict(it, &args)?;
    match it.dict_delete(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(it.key_error(args.pos[1].clone())),
        },
    }
}

fn dict_popitem(it: &mut Interp, args: Args) -> PyResult<Value> {
    let d = self_dict(it, &args)?;
    let r = d.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(it.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(it: &mut Interp, args: Args) -> PyResult<Value> {
    range_args(
        it,
        "setdefault",
        &Args::positional(args.pos[1..].to_vec()),
        1,
        2,
    )?;
    let d = self_dict(it, &args)?;
    match it.dict_lookup(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => {
            let v = args.pos.get(2).cloned().unwrap_or(Value::None);
            it.dict_store(&d, args.pos[1].clone(), v.clone())?;
            Ok(v)
        }
    }
}

fn dict_update(it: &mut Interp, args: Args) -> PyResult<Value> {
    let d = self_dict(it, &args)?;
    let mut copy = d.borrow().clone();
    if let Some(v) = args.pos.get(1) {
        let v = v.clone();
        dict_update_from(it, &mut copy, &v)?;
    }
    for (k, v) in args.kw {
        copy.set_str(&k, v);
    }
    *d.borrow_mut() = copy;
    Ok(Value::None)
}

fn dict_copy(it: &mut Interp, args: Args) -> PyResult<Value> {
    let d = self_dict(it, &args)?;
    let c = d.borrow().clone();
    Ok(Value::dict(c))
}

fn dict_clear(it: &mut Interp, args: Args) -> PyResult<Value> {
    let d = self_dict(it, &args)?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

/// The `set` natives, each with its arity as CPython 3.11 has it.
static SET_METHODS: &[Native] = &[
    Native::new("add", Arity::ONE, set_add),
    Native::new("remove", Arity::ONE, set_remove),
    Native::new("discard", Arity::ONE, set_discard),
    Native::new("pop", Arity::NONE, set_pop),
    Native::new("clear", Arity::NONE, set_clear),
    Native::new("update", Arity::ANY, set_update),
];

fn self_set(it: &Interp, args: &Args) -> PyResult<Rc<RefCell<Dict>>> {
    match args.pos.first() {
        Some(Value::Set(d)) => Ok(d.clone()),
        Some(Value::Instance(i)) if matches!(i.base, Some(Value::Set(_))) => match &i.base {
            Some(Value::Set(d)) => Ok(d.clone()),
            _ => Err(it.type_error("descriptor requires a 'set' object")),
        },
        _ => Err(it.type_error("descriptor requires a 'set' object")),
    }
}

/// The subset tests `set` and `frozenset` share, each with its arity as CPython 3.11 has it.
static SET_ORDER_METHODS: &[Native] = &[
    Native::new("issubset", Arity::ONE, set_issubset),
    Native::new("issuperset", Arity::ONE, set_issuperset),
    Native::new("isdisjoint", Arity::ONE, set_isdisjoint),
];

/// `issubset`, `issuperset`, `isdisjoint`: one body, told which it is.
fn set_order_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let a = set_items(&args.pos[0]);
    let mut b = Dict::new();
    for x in it.collect(&args.pos[1])? {
        it.dict_insert(&mut b, x, Value::None)?;
    }
    Ok(Value::Bool(match name {
        "issubset" => a.keys().iter().all(|k| b.contains(k)),
        "issuperset" => b.keys().iter().all(|k| a.contains(k)),
        _ => !a.keys().iter().any(|k| b.contains(k)),
    }))
}

fn set_issubset(it: &mut Interp, args: Args) -> PyResult<Value> {
    set_order_family(it, args, "issubset")
}

fn set_issuperset(it: &mut Interp, args: Args) -> PyResult<Value> {
    set_order_family(it, args, "issuperset")
}

fn set_isdisjoint(it: &mut Interp, args: Args) -> PyResult<Value> {
    set_order_family(it, args, "isdisjoint")
}

fn install_set(interp: &mut Interp) {
    for (name, op) in [
        (
            "intersection_update",
            rustpython_ruff_python_ast::Operator::BitAnd,
        ),
        (
            "difference_update",
            rustpython_ruff_python_ast::Operator::Sub,
        ),
        (
            "symmetric_difference_update",
            rustpython_ruff_python_ast::Operator::BitXor,
        ),
    ] {
        def_dyn(
            interp,
            "set",
            name,
            boxed(move |it, args| {
                let s = self_set(it, &args)?;
                let mut acc = Value::FrozenSet(Rc::new(s.borrow().clone()));
                for other in &args.pos[1..] {
                    let mut d = Dict::new();
                    for x in it.collect(other)? {
                        it.dict_insert(&mut d, x, Value::None)?;
                    }
                    acc = it.binary_op(op, acc, Value::FrozenSet(Rc::new(d)))?;
                }
                *s.borrow_mut() = set_items(&acc);
                Ok(Value::None)
            }),
        );
    }
    for ty in ["set", "frozenset"] {
        def(interp, ty, "copy", |_it, args| {
            Ok(match &args.pos[0] {
                Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
                other => other.clone(),
            })
        });
        for (name, op) in [
            ("union", rustpython_ruff_python_ast::Operator::BitOr),
            ("intersection", rustpython_ruff_python_ast::Operator::BitAnd),
            ("difference", rustpython_ruff_python_ast::Operator::Sub),
            (
                "symmetric_difference",
                rustpython_ruff_python_ast::Operator::BitXor,
            ),
        ] {
            def_dyn(
                interp,
                ty,
                name,
                boxed(move |it, args| {
                    let mut acc = args.pos[0].clone();
                    for other in &args.pos[1..] {
                        let mut d = Dict::new();
                        for x in it.collect(other)? {
                            it.dict_insert(&mut d, x, Value::None)?;
                        }
                        acc = it.binary_op(op, acc, Value::FrozenSet(Rc::new(d)))?;
                    }
                    if let (Value::Set(_), Value::FrozenSet(d)) = (&args.pos[0], &acc) {
                        return Ok(Value::Set(Rc::new(RefCell::new((**d).clone()))));
                    }
                    if let Value::Set(d) = &acc
                        && acc.is(&args.pos[0])
                    {
                        return Ok(Value::Set(Rc::new(RefCell::new(d.borrow().clone()))));
                    }
                    Ok(acc)
                }),
            );
        }
    }
    super::native::install_methods(interp, "frozenset", SET_ORDER_METHODS);
    super::native::install_methods(interp, "set", SET_ORDER_METHODS);
    super::native::install_methods(interp, "set", SET_METHODS);
}

fn set_add(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_set(it, &args)?;
    it.dict_store(&s, args.pos[1].clone(), Value::None)?;
    Ok(Value::None)
}

fn set_remove(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_set(it, &args)?;
    if it.set_discard(&s, &args.pos[1])? {
        Ok(Value::None)
    } else {
        Err(it.key_error(args.pos[1].clone()))
    }
}

fn set_discard(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_set(it, &args)?;
    it.set_discard(&s, &args.pos[1])?;
    Ok(Value::None)
}

fn set_pop(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_set(it, &args)?;
    let r = s.borrow_mut().pop_first();
    match r {
        Some((k, _)) => Ok(k),
        None => Err(it.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_clear(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_set(it, &args)?;
    s.borrow_mut().clear();
    Ok(Value::None)
}

fn set_update(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = self_set(it, &args)?;
    for other in &args.pos[1..] {
        for x in it.collect(other)? {
            it.dict_store(&s, x, Value::None)?;
        }
    }
    Ok(Value::None)
}

/// The `bytes` natives, each with its arity as CPython 3.11 has it.
static BYTES_METHODS: &[Native] = &[
    Native::new("decode", Arity::tuple(0, 2).kw(), bytes_decode),
    Native::new("hex", Arity::tuple(0, 2).kw(), bytes_hex),
    Native::new("startswith", Arity::tuple(1, 3), bytes_startswith),
    Native::new("endswith", Arity::tuple(1, 3), bytes_endswith),
    Native::new("upper", Arity::NONE, bytes_upper),
    Native::new("lower", Arity::NONE, bytes_lower),
    Native::new("strip", Arity::clinic(0, 1), bytes_strip),
    Native::new("join", Arity::ONE, bytes_join),
];

fn self_bytes(args: &Args) -> Rc<[u8]> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => b.clone(),
        _ => Rc::from(Vec::new()),
    }
}

fn install_bytes(interp: &mut Interp) {
    let fromhex = builtin("fromhex", |it, args| {
        let s = args
            .pos
            .get(1)
            .and_then(|v| v.as_str_opt())
            .unwrap_or_default();
        let clean: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
        let mut out = Vec::new();
        for (i, pair) in clean.chunks(2).enumerate() {
            let h = std::str::from_utf8(pair)
                .ok()
                .and_then(|p| u8::from_str_radix(p, 16).ok());
            match h {
                Some(x) if pair.len() == 2 => out.push(x),
                _ => {
                    return Err(it.value_error(format!(
                        "non-hexadecimal number found in fromhex() arg at position {}",
                        i * 2
                    )));
                }
            }
        }
        Ok(Value::Bytes(Rc::from(out)))
    });
    interp
        .ty("bytes")
        .dict
        .borrow_mut()
        .set_str("fromhex", Value::ClassMethod(Rc::new(fromhex)));
    super::native::install_methods(interp, "bytes", BYTES_METHODS);
}

fn bytes_decode(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let b = self_bytes(&args);
    let enc = args
        .take_kw("encoding")
        .or_else(|| args.pos.get(1).cloned())
        .and_then(|v| v.as_str_opt())
        .unwrap_or_else(|| "utf-8".into());
    let errors = args
        .take_kw("errors")
        .or_else(|| args.pos.get(2).cloned())
        .and_then(|v| v.as_str_opt())
        .unwrap_or_else(|| "strict".into());
    Ok(Value::str(&decode(it, &b, &enc, &errors)?))
}

fn bytes_hex(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let b = self_bytes(&args);
    Ok(Value::str(
        &b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
    ))
}

/// `startswith`, `endswith`: one body, told which it is.
fn bytes_startswith_family(it: &mut Interp, args: Args, name: &'static str) -> PyResult<Value> {
    let b = self_bytes(&args);
    let (a, e) = byte_range(it, b.len(), args.pos.get(2), args.pos.get(3))?;
    let cands: Vec<Value> = match &args.pos[1] {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    for c in cands {
        let Value::Bytes(p) = &c else {
            return Err(it.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                c.type_name()
            )));
        };
        // CPython compares nothing once start lies past the end (even with b"").
        if a > b.len() || e < a {
            continue;
        }
        let sub = &b[a..e];
        if (name == "startswith" && sub.starts_with(p)) || (name == "endswith" && sub.ends_with(p))
        {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn bytes_startswith(it: &mut Interp, args: Args) -> PyResult<Value> {
    bytes_startswith_family(it, args, "startswith")
}

fn bytes_endswith(it: &mut Interp, args: Args) -> PyResult<Value> {
    bytes_startswith_family(it, args, "endswith")
}

fn bytes_upper(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bytes(Rc::from(
        self_bytes(&args).to_ascii_uppercase(),
    )))
}

fn bytes_lower(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bytes(Rc::from(
        self_bytes(&args).to_ascii_lowercase(),
    )))
}

fn bytes_strip(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let b = self_bytes(&args);
    let s: Vec<u8> = b
        .iter()
        .copied()
        .skip_while(|c| c.is_ascii_whitespace())
        .collect();
    let end = s
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map(|p| p + 1)
        .unwrap_or(0);
    Ok(Value::Bytes(Rc::from(&s[..end])))
}

fn bytes_join(it: &mut Interp, args: Args) -> PyResult<Value> {
    let sep = self_bytes(&args);
    let items = it.collect(&args.pos[1])?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match x {
            Value::Bytes(b) => out.extend_from_slice(b),
            o => {
                return Err(it.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    o.type_name()
                )));
            }
        }
        // The per-object limit, as `str.join` keeps it: a response body joined from a
        // generator of chunks must not grow without end.
        if out.len() > it.config.memory_limit {
            return Err(it.err_empty("MemoryError"));
        }
    }
    Ok(Value::Bytes(Rc::from(out)))
}

fn install_numbers(interp: &mut Interp) {
    for ty in ["dict", "list", "set"] {
        def_dyn(
            interp,
            ty,
            "__init__",
            boxed(move |it, mut args| {
                let me = args.pos.remove(0);
                let Value::Instance(i) = &me else {
                    return Ok(Value::None);
                };
                let Some(base) = i.base.clone() else {
                    return Ok(Value::None);
                };
                let mut a = args;
                a.pos.insert(0, Value::Class(it.ty(ty)));
                let fresh = match &it.ty(ty).dict.borrow().get_str("__new__") {
                    Some(Value::Builtin(b)) => b.func.clone(),
                    _ => return Ok(Value::None),
                };
                let v = fresh.invoke(it, a)?;
                match (&base, &v) {
                    (Value::Dict(d), Value::Dict(n)) => *d.borrow_mut() = n.borrow().clone(),
                    (Value::List(l), Value::List(n)) => *l.borrow_mut() = n.borrow().clone(),
                    (Value::Set(s), Value::Set(n)) => *s.borrow_mut() = n.borrow().clone(),
                    _ => {}
                }
                Ok(Value::None)
            }),
        );
    }
    def(interp, "slice", "indices", |it, args| {
        let Some(Value::Slice(s)) = args.pos.first() else {
            return Err(it.type_error("descriptor 'indices' requires a 'slice' object"));
        };
        let n = it.to_index(args.pos.get(1).unwrap_or(&Value::Int(0)))?;
        if n < 0 {
            return Err(it.value_error("length should not be negative"));
        }
        let (a, b, c) = it.slice_indices(s, n as usize)?;
        Ok(Value::tuple(vec![
            Value::Int(a),
            Value::Int(b),
            Value::Int(c),
        ]))
    });
    def(interp, "float", "as_integer_ratio", |it, args| {
        let Some(Value::Float(f)) = args.pos.first() else {
            return Err(it.type_error("descriptor requires a 'float' object"));
        };
        if f.is_infinite() {
            return Err(it.err("OverflowError", "cannot convert Infinity to integer ratio"));
        }
        if f.is_nan() {
            return Err(it.value_error("cannot convert NaN to integer ratio"));
        }
        let (mut num, mut den) = (*f, BigInt::from(1));
        let mut guard = 0;
        while num.fract() != 0.0 && guard < 1100 {
            num *= 2.0;
            den *= 2;
            guard += 1;
        }
        let n = crate::python::text::float_repr::float_to_int(num).map_err(|e| it.text_err(e))?;
        let g = num_integer::Integer::gcd(&n, &den);
        Ok(Value::tuple(vec![
            Value::from_bigint(&n / &g),
            Value::from_bigint(&den / &g),
        ]))
    });
    def(interp, "int", "bit_length", |_it, args| {
        Ok(Value::Int(
            args.pos[0]
                .as_bigint()
                .map(|b| b.bits() as i64)
                .unwrap_or(0),
        ))
    });
    def(interp, "int", "to_bytes", |it, mut args| {
        let n = args.pos[0].as_bigint().unwrap_or_default();
        let length = args
            .take_kw("length")
            .or_else(|| args.pos.get(1).cloned())
            .map(|v| it.to_index(&v))
            .transpose()?
            .unwrap_or(1);
        let order = args
            .take_kw("byteorder")
            .or_else(|| args.pos.get(2).cloned())
            .and_then(|v| v.as_str_opt())
            .unwrap_or_else(|| "big".into());
        if n.is_negative() {
            return Err(it.err("OverflowError", "can't convert negative int to unsigned"));
        }
        let mut bytes = n.to_bytes_be().1;
        if n.bits() == 0 {
            bytes = vec![];
        }
        if bytes.len() as i64 > length {
            return Err(it.err("OverflowError", "int too big to convert"));
        }
        let mut out = vec![0u8; length as usize - bytes.len()];
        out.extend(bytes);
        if order == "little" {
            out.reverse();
        }
        Ok(Value::Bytes(Rc::from(out)))
    });
    let from_bytes = builtin("from_bytes", |it, mut args| {
        let order = args
            .take_kw("byteorder")
            .or_else(|| args.pos.get(2).cloned())
            .and_then(|v| v.as_str_opt())
            .unwrap_or_else(|| "big".into());
        let Some(Value::Bytes(b)) = args.pos.get(1) else {
            return Err(it.type_error("cannot convert object to bytes"));
        };
        let n = if order == "little" {
            BigInt::from_bytes_le(num_bigint::Sign::Plus, b)
        } else {
            BigInt::from_bytes_be(num_bigint::Sign::Plus, b)
        };
        Ok(Value::from_bigint(n))
    });
    interp
        .ty("int")
        .dict
        .borrow_mut()
        .set_str("from_bytes", Value::ClassMethod(Rc::new(from_bytes)));
    def(interp, "float", "hex", |it, args| match args.pos.first() {
        Some(Value::Float(f)) => Ok(Value::str(&crate::python::text::float_hex::to_hex(*f))),
        _ => Err(it.type_error(
            "descriptor 'hex' for 'float' objects doesn't apply to a non-float object",
        )),
    });
    let float_fromhex = builtin("fromhex", |it, args| {
        let Some(Value::Str(s)) = args.pos.get(1) else {
            let got = args
                .pos
                .get(1)
                .map(|v| v.type_name())
                .unwrap_or_else(|| "NoneType".into());
            return Err(it.type_error(format!("must be str, not {got}")));
        };
        crate::python::text::float_hex::from_hex(s)
            .map(Value::Float)
            .map_err(|e| it.text_err(e))
    });
    interp
        .ty("float")
        .dict
        .borrow_mut()
        .set_str("fromhex", Value::ClassMethod(Rc::new(float_fromhex)));
    def(interp, "float", "is_integer", |_it, args| {
        Ok(Value::Bool(
            matches!(args.pos[0], Value::Float(f) if f.is_finite() && f.fract() == 0.0),
        ))
    });
    def(interp, "int", "__index__", |_it, args| {
        Ok(args.pos[0].clone())
    });
    def(interp, "float", "__float__", |_it, args| {
        Ok(args.pos[0].clone())
    });
    let _ = ToPrimitive::to_f64(&BigInt::from(0));
}

/// `object.__init_subclass__`: the end of every chain of `super().__init_subclass__(**kw)`,
/// which does nothing and takes no keywords (`cls` names the class being made).
pub(crate) fn object_init_subclass(
    it: &mut Interp,
    cls: &Rc<Class>,
    kwargs: &[(String, Value)],
) -> PyResult<()> {
    if kwargs.is_empty() {
        return Ok(());
    }
    Err(it.type_error(format!(
        "{}.__init_subclass__() takes no keyword arguments",
        cls.name
    )))
}
