//! `hashlib` (md5, sha1, sha256, and the key derivations `pbkdf2_hmac` and `scrypt`) and `hmac`
//! over the RustCrypto `md-5`/`sha1`/`sha2`/`hmac`/`pbkdf2`/`scrypt` crates (`md-5` shares the
//! `digest` core the others already bring, so it adds little weight). Argument checks and their
//! messages are CPython 3.11's with OpenSSL 3 underneath
//! (`tests/python/cases/modules_stdlib/hashlib_kdf.py`).

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
    /// The algorithm a name given to `hashlib` means (in any case), if this build has it.
    fn named(name: &str) -> Option<Algo> {
        [Algo::Md5, Algo::Sha1, Algo::Sha256]
            .into_iter()
            .find(|algo| name.eq_ignore_ascii_case(algo.name()))
    }
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
        Value::Str(s) => Algo::named(s).ok_or_else(|| {
            it.value_error(format!("unsupported hash type {}", s.to_ascii_lowercase()))
        }),
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

/// A parameter given by position `index` or by keyword `name`.
fn param(args: &mut Args, index: usize, name: &str) -> Option<Value> {
    args.take_kw(name).or_else(|| args.pos.get(index).cloned())
}

/// A password or a salt: bytes-like, as the key derivations take them.
fn buffer_param(it: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    crate::python::bytearray::bytes_like(v).ok_or_else(|| {
        it.type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))
    })
}

/// A required parameter of `pbkdf2_hmac`, named as CPython's argument parser names it.
fn required(it: &Interp, v: Option<Value>, name: &str, position: usize) -> PyResult<Value> {
    v.ok_or_else(|| {
        it.type_error(format!(
            "pbkdf2_hmac() missing required argument '{name}' (pos {position})"
        ))
    })
}

/// `UnsupportedDigestmodError` (a `ValueError`), which OpenSSL's hash look-up raises.
fn unsupported_digest(it: &mut Interp) -> Box<crate::python::interp::Exc> {
    let class = it
        .import_module("_hashlib")
        .and_then(|m| it.get_attr(&m, "UnsupportedDigestmodError"));
    match &class {
        Ok(Value::Class(c)) => {
            let message = vec![Value::str("[digital envelope routines] unsupported")];
            let e = it.new_exception(c.clone(), message);
            it.raise_value(e)
        }
        _ => it.value_error("[digital envelope routines] unsupported".to_string()),
    }
}

/// `hashlib.pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`.
fn pbkdf2_hmac(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let name = required(it, param(&mut args, 0, "hash_name"), "hash_name", 1)?;
    let password = required(it, param(&mut args, 1, "password"), "password", 2)?;
    let salt = required(it, param(&mut args, 2, "salt"), "salt", 3)?;
    let iterations = required(it, param(&mut args, 3, "iterations"), "iterations", 4)?;
    let dklen = param(&mut args, 4, "dklen").unwrap_or(Value::None);
    let Value::Str(name) = &name else {
        return Err(it.type_error(format!(
            "pbkdf2_hmac() argument 'hash_name' must be str, not {}",
            name.type_name()
        )));
    };
    let password = buffer_param(it, &password)?;
    let salt = buffer_param(it, &salt)?;
    let iterations = it.to_index(&iterations)?;
    let dklen = match dklen {
        Value::None => None,
        v => Some(it.to_index(&v)?),
    };
    let Some(algo) = Algo::named(name) else {
        return Err(unsupported_digest(it));
    };
    if iterations < 1 {
        return Err(it.value_error("iteration value must be greater than 0.".to_string()));
    }
    if iterations > i64::from(i32::MAX) {
        return Err(it.err("OverflowError", "iteration value is too great."));
    }
    let length = dklen.unwrap_or(algo.sizes().0 as i64);
    if length < 1 {
        return Err(it.value_error("key length must be greater than 0.".to_string()));
    }
    if length > i64::from(i32::MAX) {
        return Err(it.err("OverflowError", "key length is too great."));
    }
    let length = length as usize;
    it.check_size(length as u128)?;
    // Each block of output is the whole chain of iterations again.
    let blocks = length.div_ceil(algo.sizes().0) as u64;
    it.charge_key_derivation((iterations as u64).saturating_mul(blocks))?;
    let mut out = vec![0u8; length];
    let rounds = iterations as u32;
    match algo {
        Algo::Md5 => pbkdf2::pbkdf2_hmac::<Md5>(&password, &salt, rounds, &mut out),
        Algo::Sha1 => pbkdf2::pbkdf2_hmac::<Sha1>(&password, &salt, rounds, &mut out),
        Algo::Sha256 => pbkdf2::pbkdf2_hmac::<Sha256>(&password, &salt, rounds, &mut out),
    }
    Ok(Value::Bytes(Rc::from(out)))
}

/// What CPython says when OpenSSL refuses scrypt's parameters without a reason of its own.
const INVALID_SCRYPT: &str = "Invalid parameter combination for n, r, p, maxmem.";

/// OpenSSL's default memory limit for scrypt when `maxmem` is 0.
const SCRYPT_DEFAULT_MAXMEM: u64 = 32 * 1024 * 1024;

/// `hashlib.scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64)`.
fn scrypt(it: &mut Interp, mut args: Args) -> PyResult<Value> {
    let salt = args.take_kw("salt");
    let n = args.take_kw("n");
    let r = args.take_kw("r");
    let p = args.take_kw("p");
    let maxmem = args.take_kw("maxmem");
    let dklen = args.take_kw("dklen");
    let password = args.take_kw("password");
    if args.pos.len() > 1 {
        return Err(it.type_error(format!(
            "scrypt() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let Some(password) = password.or_else(|| args.pos.first().cloned()) else {
        return Err(it.type_error("scrypt() missing required argument 'password' (pos 1)"));
    };
    let password = buffer_param(it, &password)?;
    let salt = match salt {
        None | Some(Value::None) => return Err(it.type_error("salt is required")),
        Some(v) => buffer_param(it, &v)?,
    };
    // `n`, `r` and `p` are unsigned ints; a value that is not an int at all is refused by the
    // argument parser first.
    let unsigned = |it: &mut Interp, v: Option<Value>, name: &str| -> PyResult<u64> {
        let Some(v) = v else {
            return Err(it.type_error(format!("{name} is required and must be an unsigned int")));
        };
        if !matches!(v, Value::Int(_) | Value::Long(_) | Value::Bool(_)) {
            return Err(it.type_error(format!(
                "scrypt() argument '{name}' must be int, not {}",
                if matches!(v, Value::None) {
                    "None".to_string()
                } else {
                    v.type_name()
                }
            )));
        }
        match it.to_index(&v) {
            Ok(i) if (0..=i64::from(u32::MAX)).contains(&i) => Ok(i as u64),
            _ => Err(it.type_error(format!("{name} is required and must be an unsigned int"))),
        }
    };
    let n = unsigned(it, n, "n")?;
    if n < 2 || !n.is_power_of_two() {
        return Err(it.value_error("n must be a power of 2.".to_string()));
    }
    let r = unsigned(it, r, "r")?;
    let p = unsigned(it, p, "p")?;
    // `maxmem` and `dklen` are C ints, from 0 and 1 up.
    let c_int = |it: &mut Interp, v: Option<Value>, default: i64, low: i64, message: &str| {
        let value = v.map_or(Ok(default), |v| it.to_index(&v))?;
        if (low..=i64::from(i32::MAX)).contains(&value) {
            Ok(value as u64)
        } else {
            Err(it.value_error(message.to_string()))
        }
    };
    let maxmem = c_int(
        it,
        maxmem,
        0,
        0,
        "maxmem must be positive and smaller than 2147483647",
    )?;
    let dklen = c_int(
        it,
        dklen,
        64,
        1,
        "dklen must be greater than 0 and smaller than 2147483647",
    )?;
    if r == 0 || p == 0 {
        return Err(it.value_error(INVALID_SCRYPT.to_string()));
    }
    // OpenSSL's limits: n below 2^(16 r), and its working memory (128 r bytes for each of p
    // blocks and n + 2 rows) within maxmem, 32 MiB when it is 0.
    let limit = if maxmem == 0 {
        SCRYPT_DEFAULT_MAXMEM
    } else {
        maxmem
    };
    let log_n = n.trailing_zeros() as u64;
    let memory = 128u128 * r as u128 * (n as u128 + 2) + 128u128 * r as u128 * p as u128;
    if (r < 4 && log_n >= 16 * r) || r * p >= 0x4000_0000 || memory > limit as u128 {
        return Err(it.value_error("[digital envelope routines] memory limit exceeded".to_string()));
    }
    it.check_size(dklen as u128)?;
    it.check_working_memory(memory + dklen as u128)?;
    // A scrypt row (of n, times r and p) takes about what a PBKDF2-SHA256 iteration does in the
    // page (0.65 against 0.68 µs, tests/browser/login.test.mjs), so each is one round.
    it.charge_key_derivation(n.saturating_mul(r).saturating_mul(p))?;
    // The checks above are OpenSSL's, which include the crate's; its refusal is kept as a
    // guard, in CPython's words.
    let mut out = vec![0u8; dklen as usize];
    scrypt::Params::new(log_n as u8, r as u32, p as u32, 32)
        .ok()
        .and_then(|params| scrypt::scrypt(&password, &salt, &params, &mut out).ok())
        .ok_or_else(|| it.value_error(INVALID_SCRYPT.to_string()))?;
    Ok(Value::Bytes(Rc::from(out)))
}

/// `_hashlib`: where CPython keeps the error an unknown hash name raises.
pub fn make_private(it: &mut Interp) -> PyResult<Value> {
    let value_error = it.ty("ValueError");
    let unsupported = it.new_class(
        "UnsupportedDigestmodError",
        "UnsupportedDigestmodError",
        "_hashlib",
        vec![value_error],
        crate::python::Dict::new(),
    )?;
    Ok(make_module(
        "_hashlib",
        vec![("UnsupportedDigestmodError", Value::Class(unsupported))],
    ))
}

/// `hashlib`.
pub fn make_hashlib(_it: &mut Interp) -> Value {
    make_module(
        "hashlib",
        vec![
            ("pbkdf2_hmac", func("pbkdf2_hmac", pbkdf2_hmac)),
            ("scrypt", func("scrypt", scrypt)),
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
