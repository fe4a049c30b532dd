//! Small modules: `time`, `secrets`, `string`, `sys`, `functools`, `typing`, `os`.
//!
//! Time and randomness come from the host (`HostConfig::clock`, `HostConfig::seed`): nothing
//! here reads the wall clock or the OS.

use std::rc::Rc;

use super::{func, make_module};
use crate::python::builtins::{builtin, builtin_holding};
use crate::python::interp::{Interp, PyResult};
use crate::python::value::*;

/// `sys.stdout` / `sys.stderr`.
pub struct StdStream {
    /// Whether this is stderr.
    pub is_err: bool,
}

impl NativeObject for StdStream {
    fn type_name(&self) -> String {
        "TextIOWrapper".into()
    }
    fn get_attr(&self, _interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let is_err = self.is_err;
        Ok(match name {
            "write" => Some(builtin("write", move |it, args| {
                let s = match args.pos.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    Some(o) => {
                        return Err(it.type_error(format!(
                            "write() argument must be str, not {}",
                            o.type_name()
                        )));
                    }
                    None => String::new(),
                };
                if is_err {
                    it.write_stderr(&s)
                } else {
                    it.out.push_str(&s)
                }
                Ok(Value::Int(s.chars().count() as i64))
            })),
            "flush" => Some(builtin("flush", |_it, _args| Ok(Value::None))),
            _ => None,
        })
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `functools.partial` objects.
struct Partial {
    func: Value,
    args: Vec<Value>,
    kw: Vec<(String, Value)>,
}

impl NativeObject for Partial {
    fn teardown(&self, t: &mut crate::python::Teardown) {
        t.value(&self.func);
        self.args
            .iter()
            .chain(self.kw.iter().map(|(_, v)| v))
            .for_each(|v| t.value(v));
    }
    fn type_name(&self) -> String {
        "functools.partial".into()
    }
    fn get_attr(&self, _interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "func" => Some(self.func.clone()),
            "args" => Some(Value::tuple(self.args.clone())),
            "keywords" => {
                let mut d = crate::python::dict::Dict::new();
                for (k, v) in &self.kw {
                    d.set_str(k, v.clone());
                }
                Some(Value::dict(d))
            }
            _ => None,
        })
    }
    fn call(&self, interp: &mut Interp, more: Args) -> PyResult<Option<Value>> {
        let mut pos = self.args.clone();
        pos.extend(more.pos);
        let mut kw = self.kw.clone();
        for (k, v) in more.kw {
            kw.retain(|(n, _)| *n != k);
            kw.push((k, v));
        }
        interp.call(&self.func, Args { pos, kw }).map(Some)
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let mut parts = vec![interp.repr(&self.func)?];
        for a in &self.args {
            parts.push(interp.repr(a)?);
        }
        for (k, v) in &self.kw {
            parts.push(format!("{k}={}", interp.repr(v)?));
        }
        Ok(format!("functools.partial({})", parts.join(", ")))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `functools.lru_cache`/`cache`: memoise on the (hashable) arguments.
fn memoize(f: Value) -> Value {
    let table = Rc::new(std::cell::RefCell::new(crate::python::dict::Dict::new()));
    let name = match &f {
        Value::Function(func) => func.name.clone(),
        _ => "wrapper".into(),
    };
    let held = vec![f.clone(), Value::Dict(table.clone())];
    builtin_holding(&name, held, move |it, args| {
        let mut key = args.pos.clone();
        for (k, v) in &args.kw {
            key.push(Value::tuple(vec![Value::str(k), v.clone()]));
        }
        let key = Value::tuple(key);
        let hit = table
            .borrow()
            .get(&key)
            .map_err(|u| it.type_error(format!("unhashable type: '{}'", u.0)))?;
        if let Some(v) = hit {
            return Ok(v);
        }
        let v = it.call(&f, args)?;
        let _ = table.borrow_mut().insert(key, v.clone());
        Ok(v)
    })
}

const URLSAFE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64url(data: &[u8]) -> String {
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        let chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        for c in chars.iter().take(chunk.len() + 1) {
            out.push(URLSAFE[*c as usize] as char);
        }
    }
    out
}

/// `os.environ`: the host's environment ([`crate::python::HostConfig::environ`]) as a
/// dict (a real `os._Environ` is a mapping of its own; item access and its `KeyError` agree).
fn environ(it: &Interp) -> Value {
    let mut table = crate::python::dict::Dict::new();
    for (name, value) in &it.config.environ {
        table.set_str(name, Value::str(value));
    }
    Value::dict(table)
}

fn nbytes(it: &mut Interp, args: &Args) -> PyResult<usize> {
    match args.pos.first() {
        None | Some(Value::None) => Ok(32),
        Some(v) => {
            let n = it.to_index(v)?;
            if n < 0 {
                return Err(it.value_error("negative argument not allowed"));
            }
            it.check_size(n as u128 * 2)?;
            Ok(n as usize)
        }
    }
}

fn choice(it: &mut Interp, args: &Args) -> PyResult<Value> {
    let seq = it.collect(args.pos.first().unwrap_or(&Value::None))?;
    if seq.is_empty() {
        return Err(it.err("IndexError", "Cannot choose from an empty sequence"));
    }
    let i = it.rng.below(seq.len() as u64) as usize;
    Ok(seq[i].clone())
}

/// Build one of the small modules; `None` if the name is not one of them.
pub fn make(it: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "time" => make_module(
            "time",
            vec![
                (
                    "time",
                    func("time", |it, _a| Ok(Value::Float(it.config.clock))),
                ),
                (
                    "monotonic",
                    func("monotonic", |it, _a| Ok(Value::Float(it.config.clock))),
                ),
                (
                    "perf_counter",
                    func("perf_counter", |it, _a| Ok(Value::Float(it.config.clock))),
                ),
                (
                    "sleep",
                    func("sleep", |it, args| {
                        let s = it.to_float(args.pos.first().unwrap_or(&Value::Int(0)))?;
                        if s < 0.0 {
                            return Err(it.value_error("sleep length must be non-negative"));
                        }
                        // The playground's clock is virtual: sleeping moves it forward.
                        it.config.clock += s;
                        Ok(Value::None)
                    }),
                ),
            ],
        ),
        "secrets" => make_module(
            "secrets",
            vec![
                (
                    "token_hex",
                    func("token_hex", |it, args| {
                        let n = nbytes(it, &args)?;
                        let b = it.rng.bytes(n);
                        Ok(Value::str(
                            &b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
                        ))
                    }),
                ),
                (
                    "token_urlsafe",
                    func("token_urlsafe", |it, args| {
                        let n = nbytes(it, &args)?;
                        let b = it.rng.bytes(n);
                        Ok(Value::str(&b64url(&b)))
                    }),
                ),
                (
                    "token_bytes",
                    func("token_bytes", |it, args| {
                        let n = nbytes(it, &args)?;
                        Ok(Value::Bytes(Rc::from(it.rng.bytes(n))))
                    }),
                ),
                (
                    "randbelow",
                    func("randbelow", |it, args| {
                        let n = it.to_index(args.pos.first().unwrap_or(&Value::Int(0)))?;
                        if n <= 0 {
                            return Err(it.value_error("Upper bound must be positive."));
                        }
                        Ok(Value::Int(it.rng.below(n as u64) as i64))
                    }),
                ),
                ("choice", func("choice", |it, args| choice(it, &args))),
                (
                    "compare_digest",
                    func("compare_digest", |it, args| {
                        if args.pos.len() != 2 {
                            return Err(it.type_error(format!(
                                "compare_digest expected 2 arguments, got {}",
                                args.pos.len()
                            )));
                        }
                        Ok(Value::Bool(it.eq(&args.pos[0], &args.pos[1])?))
                    }),
                ),
            ],
        ),
        "_string" => {
            let lower = "abcdefghijklmnopqrstuvwxyz";
            let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            let punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
            make_module(
                "string",
                vec![
                    ("ascii_lowercase", Value::str(lower)),
                    ("ascii_uppercase", Value::str(upper)),
                    ("ascii_letters", Value::str(&format!("{lower}{upper}"))),
                    ("digits", Value::str("0123456789")),
                    ("hexdigits", Value::str("0123456789abcdefABCDEF")),
                    ("octdigits", Value::str("01234567")),
                    (
                        "capwords",
                        func("capwords", |it, args| {
                            // Split (on whitespace runs, or on `sep`), capitalize, join.
                            let s = match args.pos.first() {
                                Some(Value::Str(s)) => s.to_string(),
                                Some(o) => {
                                    return Err(it.type_error(format!(
                                        "descriptor 'split' for 'str' objects doesn't apply to a '{}' object",
                                        o.type_name()
                                    )));
                                }
                                None => {
                                    return Err(it.type_error(
                                        "capwords() missing 1 required positional argument: 's'",
                                    ));
                                }
                            };
                            let sep = match args.pos.get(1) {
                                Some(Value::Str(p)) => Some(p.to_string()),
                                _ => None,
                            };
                            let words: Vec<Value> = match &sep {
                                Some(p) if !p.is_empty() => {
                                    s.split(p.as_str()).map(Value::str).collect()
                                }
                                _ => s.split_whitespace().map(Value::str).collect(),
                            };
                            let mut out = Vec::with_capacity(words.len());
                            for w in words {
                                let method = it.get_attr(&w, "capitalize")?;
                                let cap = it.call(&method, Args::default())?;
                                out.push(it.to_str(&cap)?);
                            }
                            Ok(Value::str(&out.join(sep.as_deref().unwrap_or(" "))))
                        }),
                    ),
                    ("punctuation", Value::str(punct)),
                    ("whitespace", Value::str(" \t\n\r\x0b\x0c")),
                    (
                        "printable",
                        Value::str(&format!("0123456789{lower}{upper}{punct} \t\n\r\x0b\x0c")),
                    ),
                ],
            )
        }
        "sys" => make_module(
            "sys",
            vec![
                (
                    "stdout",
                    Value::Native(Rc::new(StdStream { is_err: false })),
                ),
                ("stderr", Value::Native(Rc::new(StdStream { is_err: true }))),
                ("argv", Value::list(vec![Value::str("app.py")])),
                ("maxsize", Value::Int(i64::MAX)),
                ("version", Value::str("3.11.2 (playground)")),
                ("platform", Value::str("playground")),
                (
                    "getrecursionlimit",
                    func("getrecursionlimit", |it, _a| {
                        Ok(Value::Int(it.config.recursion_limit as i64))
                    }),
                ),
                ("exit", func("exit", crate::python::builtins::builtin_exit)),
            ],
        ),
        "os" => {
            make_module(
                "os",
                vec![
                    ("environ", environ(it)),
                    (
                        "getenv",
                        func("getenv", |it, args| {
                            let name = match args.pos.first() {
                                Some(Value::Str(name)) => name.to_string(),
                                _ => String::new(),
                            };
                            let found = it
                                .config
                                .environ
                                .iter()
                                .find(|(key, _)| *key == name)
                                .map(|(_, value)| Value::str(value));
                            Ok(found
                                .unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or(Value::None)))
                        }),
                    ),
                    (
                        "urandom",
                        func("urandom", |it, args| {
                            let n = nbytes(it, &args)?;
                            Ok(Value::Bytes(Rc::from(it.rng.bytes(n))))
                        }),
                    ),
                    ("sep", Value::str("/")),
                ],
            )
        }
        "_functools" => make_module(
            "_functools",
            vec![
                (
                    "wraps",
                    func("wraps", |it, args| {
                        let wrapped = args.pos.first().cloned().unwrap_or(Value::None);
                        let _ = it;
                        Ok(builtin_holding(
                            "decorator",
                            vec![wrapped.clone()],
                            move |it, args| {
                                let wrapper = args.pos.first().cloned().unwrap_or(Value::None);
                                for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
                                    if let Some(v) = it.get_attr_opt(&wrapped, attr)?
                                        && let Value::Function(f) = &wrapper
                                    {
                                        f.attrs.borrow_mut().set_str(attr, v);
                                    }
                                }
                                if let Value::Function(f) = &wrapper {
                                    f.attrs.borrow_mut().set_str("__wrapped__", wrapped.clone());
                                }
                                Ok(wrapper)
                            },
                        ))
                    }),
                ),
                (
                    "partial",
                    func("partial", |it, args| {
                        if args.pos.is_empty() {
                            return Err(it.type_error("type 'partial' takes at least one argument"));
                        }
                        Ok(Value::Native(Rc::new(Partial {
                            func: args.pos[0].clone(),
                            args: args.pos[1..].to_vec(),
                            kw: args.kw.clone(),
                        })))
                    }),
                ),
                (
                    "reduce",
                    func("reduce", |it, args| {
                        if args.pos.len() < 2 {
                            return Err(it.type_error(format!(
                                "reduce expected at least 2 arguments, got {}",
                                args.pos.len()
                            )));
                        }
                        let items = it.collect(&args.pos[1])?;
                        let mut iter = items.into_iter();
                        let mut acc = match args.pos.get(2) {
                            Some(v) => v.clone(),
                            None => match iter.next() {
                                Some(v) => v,
                                None => {
                                    return Err(it.type_error(
                                        "reduce() of empty iterable with no initial value",
                                    ));
                                }
                            },
                        };
                        for x in iter {
                            acc = it.call(&args.pos[0], Args::positional(vec![acc, x]))?;
                        }
                        Ok(acc)
                    }),
                ),
                (
                    "lru_cache",
                    func("lru_cache", |_it, args| match args.pos.first() {
                        Some(f @ (Value::Function(_) | Value::Builtin(_))) => {
                            Ok(memoize(f.clone()))
                        }
                        _ => Ok(builtin("decorator", |_it, a| {
                            Ok(memoize(a.pos.first().cloned().unwrap_or(Value::None)))
                        })),
                    }),
                ),
                (
                    "cache",
                    func("cache", |_it, args| {
                        Ok(memoize(args.pos.first().cloned().unwrap_or(Value::None)))
                    }),
                ),
            ],
        ),
        "_contextlib" => make_module(
            "_contextlib",
            vec![(
                "contextmanager",
                func("contextmanager", |_it, args| {
                    Ok(crate::python::generator::contextmanager(
                        args.pos.first().cloned().unwrap_or(Value::None),
                    ))
                }),
            )],
        ),
        _ => return Ok(None),
    }))
}
