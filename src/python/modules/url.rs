//! `_urllib`: the native half of `urllib.parse` (`py/urllib_parse.py`): quoting, unquoting
//! and query-string splitting, bound to `python::text::url_text`, the one copy of those rules
//! (Werkzeug's request parsing uses it too).

use super::{func, make_module};
use crate::python::interp::{Interp, PyResult};
use crate::python::text::url_text::{self, QueryOptions};
use crate::python::value::*;

fn text(it: &mut Interp, args: &Args, i: usize, default: &str) -> PyResult<String> {
    match args.pos.get(i) {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(v) => it.to_str(v),
    }
}

/// The `_urllib` module.
pub fn make(_it: &mut Interp) -> Value {
    make_module(
        "_urllib",
        vec![
            (
                "quote",
                func("quote", |it, args| {
                    let s = text(it, &args, 0, "")?;
                    let safe = text(it, &args, 1, "/")?;
                    it.check_size(s.len() as u128 * 3)?;
                    Ok(Value::str(&url_text::quote(&s, &safe)))
                }),
            ),
            (
                "quote_plus",
                func("quote_plus", |it, args| {
                    let s = text(it, &args, 0, "")?;
                    let safe = text(it, &args, 1, "")?;
                    it.check_size(s.len() as u128 * 3)?;
                    Ok(Value::str(&url_text::quote_plus(&s, &safe)))
                }),
            ),
            (
                "unquote",
                func("unquote", |it, args| {
                    let s = text(it, &args, 0, "")?;
                    Ok(Value::str(&url_text::unquote(&s)))
                }),
            ),
            (
                "unquote_plus",
                func("unquote_plus", |it, args| {
                    let s = text(it, &args, 0, "")?;
                    Ok(Value::str(&url_text::unquote_plus(&s)))
                }),
            ),
            (
                "unquote_to_bytes",
                func("unquote_to_bytes", |it, args| {
                    let s = text(it, &args, 0, "")?;
                    Ok(Value::Bytes(std::rc::Rc::from(url_text::unquote_to_bytes(
                        &s,
                    ))))
                }),
            ),
            (
                "parse_qsl",
                func("parse_qsl", |it, args| {
                    let s = text(it, &args, 0, "")?;
                    let keep = match args.pos.get(1) {
                        Some(v) => it.truthy(v)?,
                        None => false,
                    };
                    let strict = match args.pos.get(2) {
                        Some(v) => it.truthy(v)?,
                        None => false,
                    };
                    let options = QueryOptions {
                        keep_blank_values: keep,
                        strict_parsing: strict,
                    };
                    match url_text::parse_qsl(&s, options) {
                        Ok(pairs) => Ok(Value::list(
                            pairs
                                .into_iter()
                                .map(|(k, v)| Value::tuple(vec![Value::str(&k), Value::str(&v)]))
                                .collect(),
                        )),
                        Err(e) => Err(it.value_error(e.message.clone())),
                    }
                }),
            ),
        ],
    )
}
