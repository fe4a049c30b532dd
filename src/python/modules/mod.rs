//! Importing: the small standard library written in Rust, and host-registered modules.
//!
//! Each stdlib module lives in its own file and builds a `Module` value on first import.
//! Anything else raises `ModuleNotFoundError: No module named 'x'`, as CPython does.

use std::rc::Rc;

use super::builtins::builtin;
use super::interp::{Interp, PyResult};
use super::native::NativeBody;
use super::value::*;

pub mod binascii;
mod datetime;
mod hashing;
pub mod json;
mod math;
mod misc;
mod random;
mod re_engine;
mod re_native;
mod re_parse;
mod url;

/// The seeded generator behind `secrets`, `uuid4` and `os.urandom` (`random` has CPython's own
/// Mersenne Twister: `random.rs`) (xoshiro256**: small, fast and
/// deterministic; the host chooses the seed, so no OS randomness is ever read).
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator from a seed (splitmix64 expands it).
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9e3779b97f4a7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }
    /// Whether no number has been drawn since seeding with `seed`.
    pub fn is_fresh(&self, seed: u64) -> bool {
        self.s == Rng::new(seed).s
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }
    /// An integer in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.next_u64();
            if v < zone {
                return v % n;
            }
        }
    }
    /// Random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next_u64() >> 56) as u8).collect()
    }
}

/// Build a module value from name/value pairs.
pub fn make_module(name: &str, items: Vec<(&str, Value)>) -> Value {
    let env = Rc::new(Env::default());
    env.set("__name__", Value::str(name));
    for (k, v) in items {
        env.set(k, v);
    }
    Value::Module(Rc::new(Module {
        name: name.to_string(),
        env,
    }))
}

/// A module function: a plain `fn` (a closure that captures nothing coerces to one), so every
/// module function shares one copy of the calling glue instead of a boxed closure's own
/// instantiation each (the page's weight: see `native`). A function that must capture state
/// uses `builtin` itself.
pub fn func(name: &str, f: NativeBody) -> Value {
    builtin(name, f)
}

impl Interp {
    /// `import name`: cached modules, host modules, then the built-in stdlib.
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let m = if let Some(factory) = self.module_factories.get(name).cloned() {
            factory(self)?
        } else {
            match name {
                "math" => math::make(self),
                "_civil" => datetime::make_civil(self),
                "collections" => self.load_source_module(
                    "collections",
                    "<frozen collections>",
                    include_str!(concat!(env!("OUT_DIR"), "/py/collections.py")),
                )?,
                "uuid" => self.load_source_module(
                    "uuid",
                    "<frozen uuid>",
                    include_str!(concat!(env!("OUT_DIR"), "/py/uuid.py")),
                )?,
                "dataclasses" => self.load_source_module(
                    "dataclasses",
                    "<frozen dataclasses>",
                    include_str!(concat!(env!("OUT_DIR"), "/py/dataclasses.py")),
                )?,
                "enum" => self.load_source_module(
                    "enum",
                    "<frozen enum>",
                    include_str!(concat!(env!("OUT_DIR"), "/py/enum.py")),
                )?,
                "datetime" => {
                    self.load_source_module("datetime", "<frozen datetime>", datetime::DATETIME_PY)?
                }
                "json" => json::make(self),
                "binascii" => binascii::make(self)?,
                "_urllib" => url::make(self),
                "itertools" | "operator" | "copy" | "contextlib" | "html" | "logging"
                | "urllib.parse" | "urllib" | "_html_names" | "textwrap" | "string" | "abc"
                | "os.path" | "functools" | "types" | "typing" => self.load_py_module(name)?,
                "base64" => self.load_source_module(
                    "base64",
                    "<frozen base64>",
                    include_str!(concat!(env!("OUT_DIR"), "/py/base64.py")),
                )?,
                "os" => {
                    let os = misc::make(self, name)?.ok_or_else(|| self.not_found(name))?;
                    // CPython's `os` imports its `path` module as it loads.
                    let path = self.import_module("os.path")?;
                    self.set_attr(&os, "path", path)?;
                    os
                }
                "random" => random::make(self),
                "hashlib" => hashing::make_hashlib(self),
                "_hashlib" => hashing::make_private(self)?,
                "hmac" => hashing::make_hmac(self),
                "_re" => re_native::make(self),
                "re" => self.load_source_module(
                    "re",
                    "<frozen re>",
                    include_str!(concat!(env!("OUT_DIR"), "/py/re.py")),
                )?,
                "_contextlib" | "time" | "secrets" | "_string" | "sys" | "_functools" => {
                    match misc::make(self, name)? {
                        Some(m) => m,
                        None => return Err(self.not_found(name)),
                    }
                }
                _ => return Err(self.not_found(name)),
            }
        };
        self.modules.insert(name.to_string(), m.clone());
        // As CPython's import does, a submodule becomes an attribute of its package once
        // imported (`import werkzeug.security` then `werkzeug.security.gen_salt`).
        if let Some((parent, child)) = name.rsplit_once('.')
            && let Some(package @ Value::Module(_)) = self.modules.get(parent).cloned()
        {
            self.set_attr(&package, child, m.clone())?;
        }
        Ok(m)
    }

    /// A stdlib module written in Python (`modules/py/`), run on its first import.
    fn load_py_module(&mut self, name: &str) -> PyResult<Value> {
        let (filename, source) = match name {
            "itertools" => (
                "<frozen itertools>",
                include_str!(concat!(env!("OUT_DIR"), "/py/itertools.py")),
            ),
            "operator" => (
                "<frozen operator>",
                include_str!(concat!(env!("OUT_DIR"), "/py/operator.py")),
            ),
            "copy" => (
                "<frozen copy>",
                include_str!(concat!(env!("OUT_DIR"), "/py/copy.py")),
            ),
            "typing" => (
                "<frozen typing>",
                include_str!(concat!(env!("OUT_DIR"), "/py/typing.py")),
            ),
            "types" => (
                "<frozen types>",
                include_str!(concat!(env!("OUT_DIR"), "/py/types.py")),
            ),
            "functools" => (
                "<frozen functools>",
                include_str!(concat!(env!("OUT_DIR"), "/py/functools.py")),
            ),
            "contextlib" => (
                "<frozen contextlib>",
                include_str!(concat!(env!("OUT_DIR"), "/py/contextlib.py")),
            ),
            "html" => (
                "<frozen html>",
                include_str!(concat!(env!("OUT_DIR"), "/py/html.py")),
            ),
            "logging" => (
                "<frozen logging>",
                include_str!(concat!(env!("OUT_DIR"), "/py/logging.py")),
            ),
            "textwrap" => (
                "<frozen textwrap>",
                include_str!(concat!(env!("OUT_DIR"), "/py/textwrap.py")),
            ),
            "_html_names" => (
                "<frozen _html_names>",
                include_str!(concat!(env!("OUT_DIR"), "/py/_html_names.py")),
            ),
            "string" => (
                "<frozen string>",
                include_str!(concat!(env!("OUT_DIR"), "/py/string.py")),
            ),
            "abc" => (
                "<frozen abc>",
                include_str!(concat!(env!("OUT_DIR"), "/py/abc.py")),
            ),
            "os.path" => (
                "<frozen posixpath>",
                include_str!(concat!(env!("OUT_DIR"), "/py/os_path.py")),
            ),
            "urllib" => ("<frozen urllib>", "parse = None\n"),
            _ => (
                "<frozen urllib.parse>",
                include_str!(concat!(env!("OUT_DIR"), "/py/urllib_parse.py")),
            ),
        };
        let module = self.load_source_module(name, filename, source)?;
        if name == "urllib.parse" {
            // `import urllib.parse` binds `urllib`, whose `parse` is this module.
            let package = self.import_module("urllib")?;
            self.set_attr(&package, "parse", module.clone())?;
        }
        Ok(module)
    }

    fn not_found(&self, name: &str) -> Box<super::interp::Exc> {
        let e = self.err("ModuleNotFoundError", format!("No module named '{name}'"));
        if let Value::Instance(i) = &e.value {
            i.attrs.borrow_mut().set_str("name", Value::str(name));
        }
        e
    }
}
