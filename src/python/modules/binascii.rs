//! `binascii`: base64 and hex between bytes and ASCII, with CPython 3.11's leniency and its
//! error messages (`binascii.Error`, a `ValueError`), and `crc32`.
//!
//! It owns the one base64 decoder of the crate: `base64` (written in Python on top of this
//! module, `py/base64.py`) and itsdangerous's cookie decoding (`flask::base64_py`) both call
//! [`a2b_base64`]. Written by hand because the decoder's leniency decides what a tampered
//! cookie decodes to: in the default mode every byte outside the alphabet is skipped and a
//! complete pad sequence ends the input; `strict_mode=True` refuses each of those with its
//! own message. The `base64` crate does the (unambiguous) encoding.

use std::rc::Rc;

use base64::Engine as _;

use super::{func, make_module};
use crate::python::dict::Dict;
use crate::python::interp::{Interp, PyResult};
use crate::python::value::*;

fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `binascii.a2b_base64(data, strict_mode=...)`; `Err` holds `binascii.Error`'s message.
///
/// ```
/// use session_playground::python::binascii::a2b_base64;
/// assert_eq!(a2b_base64(b"aGk=", false).unwrap(), b"hi");
/// // Bytes outside the alphabet are skipped, and a complete pad ends the input...
/// assert_eq!(a2b_base64(b"a!Gk=AAAA", false).unwrap(), b"hi");
/// // ...unless strict mode is on.
/// assert_eq!(a2b_base64(b"a!Gk=", true).unwrap_err(), "Only base64 data is allowed");
/// ```
pub fn a2b_base64(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut quad_pos = 0u8;
    let mut left = 0u8;
    let mut pads = 0u8;
    let mut padding_started = false;
    for (i, &byte) in data.iter().enumerate() {
        if byte == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    // A complete pad sequence: the rest of the input is not read.
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(value) = sextet(byte) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = value;
            }
            1 => {
                quad_pos = 2;
                out.push((left << 2) | (value >> 4));
                left = value & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((left << 4) | (value >> 2));
                left = value & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((left << 6) | value);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more \
             than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

/// `binascii.b2a_base64(data, newline=...)`.
pub fn b2a_base64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut text = base64::engine::general_purpose::STANDARD
        .encode(data)
        .into_bytes();
    if newline {
        text.push(b'\n');
    }
    text
}

/// `binascii.unhexlify`: `Err` holds `binascii.Error`'s message.
pub fn unhexlify(data: &[u8]) -> Result<Vec<u8>, String> {
    if data.len() % 2 == 1 {
        return Err("Odd-length string".into());
    }
    data.chunks(2)
        .map(|pair| {
            let digit = |c: u8| (c as char).to_digit(16);
            match (digit(pair[0]), digit(pair[1])) {
                (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
                _ => Err("Non-hexadecimal digit found".to_string()),
            }
        })
        .collect()
}

/// CRC-32 (the zlib/PNG polynomial), continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// The bytes an encoder reads: any bytes-like object (a `str` is refused, as CPython does).
fn binary_arg(it: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    crate::python::bytearray::bytes_like(v).ok_or_else(|| {
        it.type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.type_name()
        ))
    })
}

/// What a decoder reads: bytes-like, or a `str` of ASCII characters.
fn ascii_arg(it: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) if s.is_ascii() => Ok(s.as_bytes().to_vec()),
        Value::Str(_) => {
            Err(it.value_error("string argument should contain only ASCII characters"))
        }
        other => crate::python::bytearray::bytes_like(other).ok_or_else(|| {
            it.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                other.type_name()
            ))
        }),
    }
}

/// Positional argument `i`, or keyword `name`: the data argument of every function here.
fn data_arg(it: &Interp, args: &mut Args, fname: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) => Ok(v.clone()),
        None => args.take_kw("data").ok_or_else(|| {
            it.type_error(format!(
                "{fname}() missing required argument 'data' (pos 1)"
            ))
        }),
    }
}

fn flag(it: &mut Interp, args: &mut Args, name: &str, default: bool) -> PyResult<bool> {
    match args.take_kw(name) {
        Some(v) => it.truthy(&v),
        None => Ok(default),
    }
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::from(b))
}

/// `binascii.hexlify(data, sep=None, bytes_per_sep=1)`.
fn hexlify(it: &mut Interp, mut args: Args, fname: &str) -> PyResult<Value> {
    let data = data_arg(it, &mut args, fname)?;
    let data = binary_arg(it, &data)?;
    let sep = match args.pos.get(1).cloned().or_else(|| args.take_kw("sep")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = match &v {
                Value::Str(s) => s.as_bytes().to_vec(),
                other => binary_arg(it, other)?,
            };
            if s.len() != 1 {
                return Err(it.value_error("sep must be length 1."));
            }
            Some(s[0])
        }
    };
    let per = match args
        .pos
        .get(2)
        .cloned()
        .or_else(|| args.take_kw("bytes_per_sep"))
    {
        None => 1,
        Some(v) => it.to_index(&v)?,
    };
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !data.is_empty()) else {
        return Ok(bytes_value(hex.concat().into_bytes()));
    };
    // Groups of `per` bytes, counted from the right (or the left when negative).
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = hex.len() % n;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        groups.extend(hex[first..].chunks(n).map(|c| c.concat()));
    } else {
        groups.extend(hex.chunks(n).map(|c| c.concat()));
    }
    Ok(bytes_value(
        groups.join(&(sep as char).to_string()).into_bytes(),
    ))
}

fn unhex(it: &mut Interp, mut args: Args, fname: &str) -> PyResult<Value> {
    let data = data_arg(it, &mut args, fname)?;
    let data = ascii_arg(it, &data)?;
    unhexlify(&data)
        .map(bytes_value)
        .map_err(|m| binascii_error(it, &m))
}

/// Raise `binascii.Error(message)`.
pub fn binascii_error(it: &mut Interp, message: &str) -> Box<crate::python::interp::Exc> {
    let class = it
        .import_module("binascii")
        .and_then(|m| it.get_attr(&m, "Error"));
    match &class {
        Ok(Value::Class(c)) => {
            let e = it.new_exception(c.clone(), vec![Value::str(message)]);
            it.raise_value(e)
        }
        _ => it.value_error(message.to_string()),
    }
}

/// The `binascii` module.
pub fn make(it: &mut Interp) -> PyResult<Value> {
    let value_error = it.ty("ValueError");
    let error = it.new_class("Error", "Error", "binascii", vec![value_error], Dict::new())?;
    let incomplete = it.new_class(
        "Incomplete",
        "Incomplete",
        "binascii",
        vec![it.ty("Exception")],
        Dict::new(),
    )?;
    Ok(make_module(
        "binascii",
        vec![
            ("Error", Value::Class(error)),
            ("Incomplete", Value::Class(incomplete)),
            (
                "a2b_base64",
                func("a2b_base64", |it, mut args| {
                    let data = data_arg(it, &mut args, "a2b_base64")?;
                    let data = ascii_arg(it, &data)?;
                    let strict = flag(it, &mut args, "strict_mode", false)?;
                    a2b_base64(&data, strict)
                        .map(bytes_value)
                        .map_err(|m| binascii_error(it, &m))
                }),
            ),
            (
                "b2a_base64",
                func("b2a_base64", |it, mut args| {
                    let data = data_arg(it, &mut args, "b2a_base64")?;
                    let data = binary_arg(it, &data)?;
                    let newline = flag(it, &mut args, "newline", true)?;
                    it.check_size(data.len() as u128 * 4 / 3)?;
                    Ok(bytes_value(b2a_base64(&data, newline)))
                }),
            ),
            (
                "hexlify",
                func("hexlify", |it, args| hexlify(it, args, "hexlify")),
            ),
            (
                "b2a_hex",
                func("b2a_hex", |it, args| hexlify(it, args, "b2a_hex")),
            ),
            (
                "unhexlify",
                func("unhexlify", |it, args| unhex(it, args, "unhexlify")),
            ),
            (
                "a2b_hex",
                func("a2b_hex", |it, args| unhex(it, args, "a2b_hex")),
            ),
            (
                "crc32",
                func("crc32", |it, mut args| {
                    let data = data_arg(it, &mut args, "crc32")?;
                    let data = binary_arg(it, &data)?;
                    let start = match args.pos.get(1) {
                        Some(v) => {
                            let n = v.as_bigint().ok_or_else(|| {
                                it.type_error(format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    v.type_name()
                                ))
                            })?;
                            // CPython keeps the low 32 bits of any int.
                            let m: num_bigint::BigInt = n & num_bigint::BigInt::from(u32::MAX);
                            u32::try_from(m).unwrap_or(0)
                        }
                        None => 0,
                    };
                    Ok(Value::Int(crc32(&data, start) as i64))
                }),
            ),
        ],
    ))
}
