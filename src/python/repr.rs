//! `repr()`, `str()` and `format()` of values, delegating number and string layout to `text`.

use std::rc::Rc;

use num_bigint::BigInt;

use super::interp::{Interp, PyResult};
use super::text;
use super::value::*;

impl Interp {
    /// Turn a text-helper failure into the Python exception it names.
    pub fn text_err(&self, e: text::TextError) -> Box<super::interp::Exc> {
        match e.kind {
            text::PyErrorKind::MemoryError => self.err_empty("MemoryError"),
            text::PyErrorKind::KeyError => self.key_error(Value::str(&e.message)),
            text::PyErrorKind::JsonDecodeError => self.err("JSONDecodeError", e.message),
            k => self.err(k.name(), e.message),
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.step()?;
        // Nested containers recurse on the Rust stack: bound it like CPython's recursion check.
        if self.repr_stack.len() + self.depth > self.config.recursion_limit {
            return Err(self.err(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => {
                if *b {
                    "True".into()
                } else {
                    "False".into()
                }
            }
            Value::Int(i) => i.to_string(),
            Value::Long(b) => self.int_to_str(b)?,
            Value::Float(f) => text::float_repr(*f),
            Value::Str(s) => text::str_repr(s),
            Value::Bytes(b) => text::bytes_repr(b),
            Value::List(l) => {
                if self.repr_enter(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.join_reprs(&items);
                self.repr_leave();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                if self.repr_enter(v) {
                    return Ok("(...)".into());
                }
                let r = self.repr_tuple(t);
                self.repr_leave();
                r?
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s[0])?,
                self.repr(&s[1])?,
                self.repr(&s[2])?
            ),
            _ => return self.repr_other(v),
        })
    }

    fn repr_tuple(&mut self, t: &[Value]) -> PyResult<String> {
        Ok({
            if t.len() == 1 {
                format!("({},)", self.repr(&t[0])?)
            } else {
                let items = t.to_vec();
                format!("({})", self.join_reprs(&items)?)
            }
        })
    }

    fn repr_other(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Dict(d) => {
                if self.repr_enter(v) {
                    return Ok("{...}".into());
                }
                let items: Vec<(Value, Value)> = d.borrow().iter().collect();
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in items {
                    let kr = self.repr(&k);
                    let vr = self.repr(&val);
                    match (kr, vr) {
                        (Ok(k), Ok(val)) => parts.push(format!("{k}: {val}")),
                        (Err(e), _) | (_, Err(e)) => {
                            self.repr_leave();
                            return Err(e);
                        }
                    }
                }
                self.repr_leave();
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) => {
                let items = d.borrow().set_keys();
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Value::FrozenSet(d) => {
                let items = d.set_keys();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s[0])?,
                self.repr(&s[1])?,
                self.repr(&s[2])?
            ),
            Value::Function(f) => format!("<function {} at {}>", f.qualname, addr(v)),
            Value::Builtin(b) => match &b.receiver {
                Some(r) => format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    r.type_name(),
                    addr(r)
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let fname = match &m.1 {
                    Value::Function(f) => f.qualname.clone(),
                    Value::Builtin(b) => {
                        return Ok(format!(
                            "<built-in method {} of {} object at {}>",
                            b.name,
                            m.0.type_name(),
                            addr(&m.0)
                        ));
                    }
                    other => other.type_name(),
                };
                let recv = self.repr(&m.0.clone())?;
                format!("<bound method {fname} of {recv}>")
            }
            Value::Class(c)
                if c.meta.borrow().is_some() && self.meta_method(c, "__repr__").is_some() =>
            {
                let m = self.meta_method(c, "__repr__").unwrap_or(Value::None);
                match &self.call(&m, Args::default())? {
                    Value::Str(s) => s.to_string(),
                    other => {
                        return Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        )));
                    }
                }
            }
            Value::Class(c) => {
                if c.module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__repr__")
                    && !matches!(m, Value::Builtin(_))
                {
                    let r = self.call(&self.bind(m, v.clone()), Args::default())?;
                    return match &r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(self.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(b) = i.base.clone() {
                    return self.repr(&b);
                }
                if let Some(st) = &i.exc {
                    let args = st.borrow().args.clone();
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?
                    } else {
                        self.join_reprs(&args)?
                    };
                    return Ok(format!("{}({inner})", i.class.name));
                }
                format!("<{} object at {}>", i.class.display_name_full(), addr(v))
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Iter(_) => format!("<iterator object at {}>", addr(v)),
            Value::Native(n) => n.clone().repr(self)?,
            Value::Property(_) => format!("<property object at {}>", addr(v)),
            Value::StaticMethod(_) => format!("<staticmethod object at {}>", addr(v)),
            Value::ClassMethod(_) => format!("<classmethod object at {}>", addr(v)),
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.0.name,
                s.1.type_name()
            ),
            _ => String::new(),
        })
    }

    fn repr_enter(&mut self, v: &Value) -> bool {
        let p = v.ptr().unwrap_or(0);
        if self.repr_stack.contains(&p) {
            return true;
        }
        self.repr_stack.push(p);
        false
    }

    fn repr_leave(&mut self) {
        self.repr_stack.pop();
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(it)?);
            self.check_size(out.len() as u128)?;
        }
        Ok(out)
    }

    fn int_to_str(&self, b: &BigInt) -> PyResult<String> {
        text::number_parse::int_to_decimal(b).map_err(|e| self.text_err(e))
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__str__")
                    && !matches!(m, Value::Builtin(_))
                {
                    let r = self.call(&self.bind(m, v.clone()), Args::default())?;
                    return match &r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(self.type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                // `str.__str__` gives the plain string of a `str` subclass.
                if let Some(b @ Value::Str(_)) = &i.base {
                    return Ok(b.as_str_opt().unwrap_or_default());
                }
                if let Some(st) = &i.exc {
                    let args = st.borrow().args.clone();
                    let is_key_error = i.class.is_subclass(&self.ty("KeyError"));
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if is_key_error => self.repr(&args[0]),
                        1 => self.to_str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Str(s) => text::format_str(s, spec).map_err(|e| self.text_err(e)),
            Value::Int(i) => {
                if spec.is_empty() {
                    return Ok(i.to_string());
                }
                text::format_int(&BigInt::from(*i), spec).map_err(|e| self.text_err(e))
            }
            Value::Long(b) => text::format_int(b, spec).map_err(|e| self.text_err(e)),
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True".into() } else { "False".into() });
                }
                text::format_spec::format_int_named(&BigInt::from(*b as i64), spec, "bool")
                    .map_err(|e| self.text_err(e))
            }
            Value::Float(f) => text::format_float(*f, spec).map_err(|e| self.text_err(e)),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__format__") {
                    let r = self.call(
                        &self.bind(m, v.clone()),
                        Args::positional(vec![Value::str(spec)]),
                    )?;
                    return self.to_str(&r);
                }
                if let Some(b) = super::subclass::immutable_base(v) {
                    return self.format(&b, spec);
                }
                if spec.is_empty() {
                    return self.to_str(v);
                }
                Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    i.class.name
                )))
            }
            _ => {
                if spec.is_empty() {
                    return self.to_str(v);
                }
                Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )))
            }
        }
    }
}

fn addr(v: &Value) -> String {
    format!("0x{:012x}", v.ptr().unwrap_or(0))
}

impl Class {
    /// `module.qualname` as in the default object repr (`__main__.Foo`).
    pub fn display_name_full(&self) -> String {
        format!("{}.{}", self.module, self.qualname)
    }
}

/// Keep `Rc` in scope for callers constructing values here.
#[allow(dead_code)]
fn _rc(_: Rc<()>) {}
