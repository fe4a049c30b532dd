//! `hashlib` (md5, sha1, sha256) and `hmac` over the RustCrypto `md-5`/`sha1`/`sha2`/`hmac`
//! crates (`md-5` shares the `digest` core the others already bring, so it adds little weight).

use std::cell::RefCell;
use std::rc::Rc;

use hmac::{Hmac, Mac};
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use super::{func, make_module};
use crate::python::builtins::builtin;
use crate::python::interp::{Interp, PyResult};
use crate::python::value::*;

/// Which hash function.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Algo {
    Md5,
    Sha1,
    Sha256,
}

impl Algo {
    fn name(self) -> &'static str {
        match self {
            Algo::Md5 => "md5",
            Algo::Sha1 => "sha1",
            Algo::Sha256 => "sha256",
        }
    }
    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Algo::Md5 => Md5::digest(data).to_vec(),
            Algo::Sha1 => Sha1::digest(data).to_vec(),
            Algo::Sha256 => Sha256::digest(data).to_vec(),
        }
    }
    fn sizes(self) -> (usize, usize) {
        match self {
            Algo::Md5 => (16, 64),
            Algo::Sha1 => (20, 64),
            Algo::Sha256 => (32, 64),
        }
    }
}

/// A hash object: buffered data (re-hashed on demand: messages are small here).
struct HashObj {
    algo: Algo,
    data: RefCell<Vec<u8>>,
    /// `Some(key)` for HMAC objects.
    key: Option<Vec<u8>>,
}

impl HashObj {
    fn digest(&self) -> Vec<u8> {
        let data = self.data.borrow();
        match (&self.key, self.algo) {
            (None, a) => a.digest(&data),
            (Some(k), Algo::Md5) => {
                let mut m = <Hmac<Md5> as Mac>::new_from_slice(k).unwrap_or_else(|_| {
                    <Hmac<Md5> as Mac>::new_from_slice(&[]).expect("empty key")
                });
                m.update(&data);
                m.finalize().into_bytes().to_vec()
            }
            (Some(k), Algo::Sha1) => {
                let mut m = <Hmac<Sha1> as Mac>::new_from_slice(k).unwrap_or_else(|_| {
                    <Hmac<Sha1> as Mac>::new_from_slice(&[]).expect("empty key")
                });
                m.update(&data);
                m.finalize().into_bytes().to_vec()
            }
            (Some(k), Algo::Sha256) => {
                let mut m = <Hmac<Sha256> as Mac>::new_from_slice(k).unwrap_or_else(|_| {
                    <Hmac<Sha256> as Mac>::new_from_slice(&[]).expect("empty key")
                });
                m.update(&data);
                m.finalize().into_bytes().to_vec()
            }
        }
    }
}

fn bytes_arg(it: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Str(_) => Err(it.type_error("Strings must be encoded before hashing")),
        o => Err(it.type_error(format!(
            "object supporting the buffer API required, not '{}'",
            o.type_name()
        ))),
    }
}

impl NativeObject for HashObj {
    fn type_name(&self) -> String {
        if self.key.is_some() {
            "HMAC".into()
        } else {
            "_hashlib.HASH".to_string()
        }
    }
    fn get_attr(&self, _it: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let me = HashObj {
            algo: self.algo,
            data: RefCell::new(self.data.borrow().clone()),
            key: self.key.clone(),
        };
        let shared = Rc::new(me);
        Ok(match name {
            "hexdigest" => {
                let d = self.digest();
                Some(builtin("hexdigest", move |_it, _a| {
                    Ok(Value::str(
                        &d.iter().map(|x| format!("{x:02x}")).collect::<String>(),
                    ))
                }))
            }
            "digest" => {
                let d = self.digest();
                Some(builtin("digest", move |_it, _a| {
                    Ok(Value::Bytes(Rc::from(d.clone())))
                }))
            }
            "update" => {
                let data = self as *const HashObj as usize;
                let _ = data;
                return Ok(None);
            }
            "name" => Some(Value::str(
                if self.key.is_some() {
                    format!("hmac-{}", self.algo.name())
                } else {
                    self.algo.name().to_string()
                }
                .as_str(),
            )),
            "digest_size" => Some(Value::Int(self.algo.sizes().0 as i64)),
            "block_size" => Some(Value::Int(self.algo.sizes().1 as i64)),
            "copy" => {
                let s = shared.clone();
                Some(builtin("copy", move |_it, _a| {
                    Ok(Value::Native(Rc::new(HashObj {
                        algo: s.algo,
                        data: RefCell::new(s.data.borrow().clone()),
                        key: s.key.clone(),
                    })))
                }))
            }
            _ => None,
        })
    }
    fn repr(&self, _it: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<{} HASH object @ 0x{:012x}>",
            self.algo.name(),
            self as *const HashObj as usize
        ))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `h.update(data)` needs the object itself: expose it as a method bound by value.
fn with_update(obj: Rc<HashObj>) -> Value {
    Value::Native(Rc::new(Updatable(obj)))
}

struct Updatable(Rc<HashObj>);

impl NativeObject for Updatable {
    fn type_name(&self) -> String {
        self.0.type_name()
    }
    fn get_attr(&self, it: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        if name == "update" {
            let obj = self.0.clone();
            return Ok(Some(builtin("update", move |it, args| {
                let b = bytes_arg(it, args.pos.first().unwrap_or(&Value::None))?;
                obj.data.borrow_mut().extend(b);
                Ok(Value::None)
            })));
        }
        self.0.get_attr(it, name)
    }
    fn repr(&self, it: &mut Interp) -> PyResult<String> {
        self.0.repr(it)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn algo_of(it: &mut Interp, v: &Value) -> PyResult<Algo> {
    match v {
        Value::Str(s) => match s.to_ascii_lowercase().as_str() {
            "md5" => Ok(Algo::Md5),
            "sha1" => Ok(Algo::Sha1),
            "sha256" => Ok(Algo::Sha256),
            other => Err(it.value_error(format!("unsupported hash type {other}"))),
        },
        Value::Builtin(b) => match b.name.as_str() {
            "openssl_md5" => Ok(Algo::Md5),
            "openssl_sha1" => Ok(Algo::Sha1),
            "openssl_sha256" => Ok(Algo::Sha256),
            _ => Err(it.type_error("unsupported digestmod")),
        },
        _ => Err(it.type_error("Missing required parameter 'digestmod'.".to_string())),
    }
}

fn constructor(algo: Algo) -> Value {
    builtin(&format!("openssl_{}", algo.name()), move |it, mut args| {
        let data = args.take_kw("string").or_else(|| args.pos.first().cloned());
        let bytes = match data {
            Some(v) => bytes_arg(it, &v)?,
            None => Vec::new(),
        };
        Ok(with_update(Rc::new(HashObj {
            algo,
            data: RefCell::new(bytes),
            key: None,
        })))
    })
}

/// `hashlib`.
pub fn make_hashlib(_it: &mut Interp) -> Value {
    make_module(
        "hashlib",
        vec![
            ("md5", constructor(Algo::Md5)),
            ("sha1", constructor(Algo::Sha1)),
            ("sha256", constructor(Algo::Sha256)),
            (
                "new",
                func("new", |it, args| {
                    let algo = algo_of(it, args.pos.first().unwrap_or(&Value::None))?;
                    let bytes = match args.pos.get(1) {
                        Some(v) => bytes_arg(it, v)?,
                        None => Vec::new(),
                    };
                    Ok(with_update(Rc::new(HashObj {
                        algo,
                        data: RefCell::new(bytes),
                        key: None,
                    })))
                }),
            ),
        ],
    )
}

/// `hmac`.
pub fn make_hmac(_it: &mut Interp) -> Value {
    make_module(
        "hmac",
        vec![
            (
                "new",
                func("new", |it, mut args| {
                    let key =
                        bytes_arg(it, args.pos.first().unwrap_or(&Value::None)).map_err(|_| {
                            it.type_error(format!(
                                "key: expected bytes or bytearray, but got '{}'",
                                args.pos.first().map(|v| v.type_name()).unwrap_or_default()
                            ))
                        })?;
                    let msg = args
                        .take_kw("msg")
                        .or_else(|| args.pos.get(1).cloned())
                        .unwrap_or(Value::None);
                    let digestmod = args
                        .take_kw("digestmod")
                        .or_else(|| args.pos.get(2).cloned())
                        .unwrap_or(Value::None);
                    let algo = algo_of(it, &digestmod)?;
                    let data = if matches!(msg, Value::None) {
                        Vec::new()
                    } else {
                        bytes_arg(it, &msg)?
                    };
                    Ok(with_update(Rc::new(HashObj {
                        algo,
                        data: RefCell::new(data),
                        key: Some(key),
                    })))
                }),
            ),
            (
                "compare_digest",
                func("compare_digest", |it, args| {
                    if args.pos.len() != 2 {
                        return Err(it.type_error(format!(
                            "compare_digest expected 2 arguments, got {}",
                            args.pos.len()
                        )));
                    }
                    match (&args.pos[0], &args.pos[1]) {
                        (Value::Str(a), Value::Str(b)) => Ok(Value::Bool(a == b)),
                        (Value::Bytes(a), Value::Bytes(b)) => Ok(Value::Bool(a == b)),
                        (a, b) => Err(it.type_error(format!(
                            "unsupported operand types(s) or combination of types: '{}' and '{}'",
                            a.type_name(),
                            b.type_name()
                        ))),
                    }
                }),
            ),
            (
                "digest",
                func("digest", |it, args| {
                    let key = bytes_arg(it, args.pos.first().unwrap_or(&Value::None))?;
                    let msg = bytes_arg(it, args.pos.get(1).unwrap_or(&Value::None))?;
                    let algo = algo_of(it, args.pos.get(2).unwrap_or(&Value::None))?;
                    let h = HashObj {
                        algo,
                        data: RefCell::new(msg),
                        key: Some(key),
                    };
                    Ok(Value::Bytes(Rc::from(h.digest())))
                }),
            ),
        ],
    )
}
