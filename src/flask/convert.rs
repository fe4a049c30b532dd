//! Python values read as plain data the Flask layer needs (a leaf: `json` and the natives use
//! it, it uses only the interpreter).

use crate::python::{Args, Interp, PyResult, Value};

/// Whole Unix seconds of a `datetime` (naive ones count as UTC), via its `timestamp()`.
pub fn datetime_seconds(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    // The playground's datetime has an exact integer helper; any other datetime class (the
    // interpreter's own module) is read through the public `timestamp()`.
    let f = match interp.get_attr_opt(v, "_unix_seconds")? {
        Some(f) => f,
        None => interp.get_attr(v, "timestamp")?,
    };
    match interp.call(&f, Args::default())? {
        Value::Int(i) => Ok(i),
        Value::Float(f) => Ok(f.floor() as i64),
        _ => Err(interp.type_error("bad datetime")),
    }
}
