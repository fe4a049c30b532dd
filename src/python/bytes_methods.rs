//! The `bytes` methods that only move bytes around (`split`, `replace`, `find`, `partition`,
//! padding, ...), borrowed from `str`'s implementation through latin-1.
//!
//! Latin-1 maps every byte to the code point of the same value and back, so for methods that
//! search, cut and pad — never classify characters — running `str`'s method on the latin-1 text
//! and encoding the result again gives exactly `bytes`'s result. Methods whose answer depends
//! on character classes (`upper`, `isalpha`, `title`, ...) differ for bytes above 127 and are
//! not borrowed.

use std::rc::Rc;

use super::builtins::builtin;
use super::interp::{Interp, PyResult};
use super::value::*;

const BORROWED: &[&str] = &[
    "split",
    "rsplit",
    "replace",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "partition",
    "rpartition",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "removeprefix",
    "removesuffix",
    "expandtabs",
    "lstrip",
    "rstrip",
];

fn to_text(b: &[u8]) -> Value {
    Value::str(&b.iter().map(|&x| x as char).collect::<String>())
}

fn to_bytes(v: Value) -> Value {
    match &v {
        Value::Str(s) => Value::Bytes(Rc::from(
            s.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
        )),
        Value::List(l) => {
            let items: Vec<Value> = l.borrow().iter().cloned().map(to_bytes).collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(to_bytes).collect()),
        other => other.clone(),
    }
}

/// Add the borrowed methods to the `bytes` class (those it does not define itself).
pub(crate) fn install(interp: &mut Interp) {
    let bytes = interp.ty("bytes");
    let text = interp.ty("str");
    for name in BORROWED {
        if bytes.dict.borrow().get_str(name).is_some() {
            continue;
        }
        let lookup = text.dict.borrow().get_str(name);
        let Some(Value::Builtin(m)) = &lookup else {
            continue;
        };
        let m = m.clone();
        let f = builtin(
            name,
            move |it: &mut Interp, mut args: Args| -> PyResult<Value> {
                match args.pos.first() {
                    Some(Value::Bytes(_)) => {}
                    Some(other) => {
                        return Err(it.type_error(format!(
                            "descriptor '{name}' requires a 'bytes' object but received a '{}'",
                            other.type_name()
                        )));
                    }
                    None => {
                        return Err(it.type_error(format!(
                            "unbound method bytes.{name}() needs an argument"
                        )));
                    }
                }
                // `b.find(97)`: the find family also takes one byte as an int.
                if matches!(*name, "find" | "rfind" | "index" | "rindex" | "count")
                    && let Some(v @ (Value::Int(_) | Value::Bool(_) | Value::Long(_))) =
                        args.pos.get(1)
                {
                    let byte = match v.as_i64() {
                        Some(b @ 0..=255) => b as u8,
                        _ => return Err(it.value_error("byte must be in range(0, 256)")),
                    };
                    args.pos[1] = Value::Bytes(Rc::from(vec![byte]));
                }
                for a in args
                    .pos
                    .iter_mut()
                    .chain(args.kw.iter_mut().map(|(_, v)| v))
                {
                    match a {
                        Value::Bytes(b) => *a = to_text(b),
                        Value::Str(_)
                            if matches!(*name, "find" | "rfind" | "index" | "rindex" | "count") =>
                        {
                            return Err(it.type_error(
                                "argument should be integer or bytes-like object, not 'str'",
                            ));
                        }
                        Value::Str(_) => {
                            return Err(it.type_error("a bytes-like object is required, not 'str'"));
                        }
                        _ => {}
                    }
                }
                match m.func.clone().invoke(it, args) {
                    Ok(v) => Ok(to_bytes(v)),
                    // bytes.index/rindex word their miss as CPython's bytes do.
                    Err(e)
                        if matches!(*name, "index" | "rindex")
                            && it.exc_matches(&e.value, "ValueError") =>
                    {
                        Err(it.value_error("subsection not found"))
                    }
                    Err(e) => Err(e),
                }
            },
        );
        bytes.dict.borrow_mut().set_str(name, f);
    }
}
