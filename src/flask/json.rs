//! Python values to JSON and back, the way Flask writes them: `jsonify` (compact, sorted keys,
//! ASCII only) and the session's tagged JSON (`flask.json.tag.TaggedJSONSerializer`: tuples,
//! bytes, Markup and tag-like dicts survive the round trip).
//!
//! The text itself comes from the interpreter's CPython-exact `json` writer; this module only
//! converts between interpreter values and its neutral tree.

use std::rc::Rc;

use base64::Engine;
use num_bigint::BigInt;

use crate::python::text::{self, DumpOptions, Json};
use crate::python::{Dict, EncodeBudget, Interp, PyResult, Value};

/// The tags Flask's serializer knows, by key.
const TAGS: [&str; 7] = [" di", " t", " b", " m", " u", " d", " i"];

/// Flask's JSON options: `json.dumps(obj, ensure_ascii=True, sort_keys=True, separators=(",", ":"))`.
fn flask_options() -> DumpOptions {
    DumpOptions {
        sort_keys: true,
        separators: Some((",".into(), ":".into())),
        ..DumpOptions::default()
    }
}

/// `flask.json.dumps(value)` as `jsonify` writes it (without the trailing newline).
pub fn dumps(interp: &mut Interp, value: &Value) -> PyResult<String> {
    let tree = to_json(interp, value, false, 0, &mut EncodeBudget::default())?;
    text::dumps(&tree, &flask_options()).map_err(|e| interp.text_err(e))
}

/// The session serializer's `dumps(dict(session))`.
pub fn dumps_tagged(interp: &mut Interp, dict: &Dict) -> PyResult<String> {
    let value = Value::dict(dict.clone());
    let tree = to_json(interp, &value, true, 0, &mut EncodeBudget::default())?;
    text::dumps(&tree, &flask_options()).map_err(|e| interp.text_err(e))
}

/// `json.loads(text)` into interpreter values.
pub fn loads(interp: &mut Interp, source: &str) -> PyResult<Value> {
    let tree = text::loads(source).map_err(|e| interp.text_err(e))?;
    Ok(from_json(interp, tree, false))
}

/// The session serializer's `loads`: JSON with the tags turned back into values.
pub fn loads_tagged(interp: &mut Interp, source: &str) -> PyResult<Value> {
    let tree = text::loads(source).map_err(|e| interp.text_err(e))?;
    Ok(from_json(interp, tree, true))
}

fn to_json(
    interp: &mut Interp,
    value: &Value,
    tagged: bool,
    depth: usize,
    spent: &mut EncodeBudget,
) -> PyResult<Json> {
    // Counted with the Python calls below (Flask's tagger recurses in Python).
    if depth > 500 || depth + interp.depth >= interp.config.recursion_limit {
        return Err(interp.err(
            "RecursionError",
            "maximum recursion depth exceeded while encoding a JSON object",
        ));
    }
    spent.count(interp, value)?;
    Ok(match value {
        Value::None => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::Int(BigInt::from(*i)),
        Value::Long(b) => Json::Int((**b).clone()),
        Value::Float(f) => Json::Float(*f),
        Value::Str(s) => Json::Str(s.to_string()),
        Value::List(items) => {
            let items = items.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(to_json(interp, item, tagged, depth + 1, spent)?);
            }
            Json::Array(out)
        }
        Value::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                out.push(to_json(interp, item, tagged, depth + 1, spent)?);
            }
            if tagged {
                Json::Object(vec![(Json::Str(" t".into()), Json::Array(out))])
            } else {
                Json::Array(out)
            }
        }
        Value::Dict(dict) => {
            let entries: Vec<(Value, Value)> = dict.borrow().iter().collect();
            if tagged
                && entries.len() == 1
                && let Value::Str(key) = &entries[0].0
                && TAGS.contains(&&**key)
            {
                let inner = to_json(interp, &entries[0].1, tagged, depth + 1, spent)?;
                let renamed = Json::Object(vec![(Json::Str(format!("{key}__")), inner)]);
                return Ok(Json::Object(vec![(Json::Str(" di".into()), renamed)]));
            }
            let mut out = Vec::with_capacity(entries.len());
            for (k, v) in &entries {
                let key = match k {
                    Value::Str(s) => Json::Str(s.to_string()),
                    Value::Bool(b) => Json::Bool(*b),
                    Value::Int(i) => Json::Int(BigInt::from(*i)),
                    Value::Long(b) => Json::Int((**b).clone()),
                    Value::Float(f) => Json::Float(*f),
                    Value::None => Json::Null,
                    other => Json::Opaque(other.type_name()),
                };
                out.push((key, to_json(interp, v, tagged, depth + 1, spent)?));
            }
            Json::Object(out)
        }
        Value::Bytes(bytes) if tagged => Json::Object(vec![(
            Json::Str(" b".into()),
            Json::Str(base64::engine::general_purpose::STANDARD.encode(bytes)),
        )]),
        Value::Instance(_) | Value::Native(_) if !tagged => {
            // DefaultJSONProvider.default: objects with __html__ become their HTML. Looking the
            // attribute up is what marks a session proxy as accessed.
            match interp.get_attr_opt(value, "__html__")? {
                Some(html) => {
                    let text = interp.call(&html, crate::python::Args::default())?;
                    Json::Str(interp.to_str(&text)?)
                }
                None => Json::Opaque(value.type_name()),
            }
        }
        Value::Instance(instance) if tagged => {
            // The serializer's order: TagMarkup (anything with __html__), TagUUID, TagDateTime.
            if let Some(html) = interp.get_attr_opt(value, "__html__")? {
                let text = interp.call(&html, crate::python::Args::default())?;
                let text = interp.to_str(&text)?;
                return Ok(Json::Object(vec![(
                    Json::Str(" m".into()),
                    Json::Str(text),
                )]));
            }
            let class = (instance.class.module.clone(), instance.class.name.clone());
            match (class.0.as_str(), class.1.as_str()) {
                ("uuid", "UUID") => {
                    let hex = interp.get_attr(value, "hex")?;
                    Json::Object(vec![(
                        Json::Str(" u".into()),
                        Json::Str(interp.to_str(&hex)?),
                    )])
                }
                ("datetime", "datetime") => {
                    let secs = crate::flask::convert::datetime_seconds(interp, value)?;
                    match crate::flask::dump_cookie::http_date(secs) {
                        Ok(text) => Json::Object(vec![(Json::Str(" d".into()), Json::Str(text))]),
                        Err(e) => return Err(interp.err(e.python_type(), e.to_string())),
                    }
                }
                _ => Json::Opaque(value.type_name()),
            }
        }
        other => Json::Opaque(other.type_name()),
    })
}

fn from_json(interp: &mut Interp, tree: Json, tagged: bool) -> Value {
    match tree {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(b),
        Json::Int(i) => Value::from_bigint(i),
        Json::Float(f) => Value::Float(f),
        Json::Str(s) => Value::str(&s),
        Json::Opaque(_) => Value::None,
        Json::Array(items) => Value::list(
            items
                .into_iter()
                .map(|x| from_json(interp, x, tagged))
                .collect(),
        ),
        Json::Object(entries) => {
            if tagged
                && entries.len() == 1
                && let (Json::Str(key), _) = &entries[0]
                && let Some(value) = untag(interp, key, &entries[0].1)
            {
                return value;
            }
            let mut dict = Dict::new();
            for (k, v) in entries {
                let key = match k {
                    Json::Str(s) => Value::str(&s),
                    other => from_json(interp, other, false),
                };
                let value = from_json(interp, v, tagged);
                let _ = dict.insert(key, value);
            }
            Value::dict(dict)
        }
    }
}

/// `TaggedJSONSerializer._untag_scan` for one single-key object (`None`: not a known tag).
fn untag(interp: &mut Interp, key: &str, value: &Json) -> Option<Value> {
    match key {
        " t" => match value {
            Json::Array(items) => Some(Value::Tuple(Rc::from(
                items
                    .iter()
                    .cloned()
                    .map(|x| from_json(interp, x, true))
                    .collect::<Vec<_>>(),
            ))),
            _ => None,
        },
        " b" => match value {
            Json::Str(s) => base64::engine::general_purpose::STANDARD
                .decode(s.as_bytes())
                .ok()
                .map(|b| Value::Bytes(Rc::from(b))),
            _ => None,
        },
        " di" => match value {
            Json::Object(inner) => {
                let mut dict = Dict::new();
                for (k, v) in inner {
                    if let Json::Str(k) = k {
                        let name = k.strip_suffix("__").unwrap_or(k);
                        let v = from_json(interp, v.clone(), true);
                        let _ = dict.insert(Value::str(name), v);
                    }
                }
                Some(Value::dict(dict))
            }
            _ => None,
        },
        " u" => match value {
            Json::Str(s) => interp
                .import_module("uuid")
                .and_then(|m| interp.get_attr(&m, "UUID"))
                .and_then(|cls| {
                    interp.call(&cls, crate::python::Args::positional(vec![Value::str(s)]))
                })
                .ok(),
            _ => None,
        },
        // Werkzeug's `parse_date`: `email.utils.parsedate_to_datetime`, UTC when the text names
        // no zone, and None (not an error) for text it cannot read.
        " d" => match value {
            Json::Str(s) => Some(
                match crate::python::text::email_date::parsedate_to_datetime(s) {
                    Ok((fields, offset)) => {
                        aware_datetime(interp, &fields, offset.unwrap_or(0)).unwrap_or(Value::None)
                    }
                    Err(_) => Value::None,
                },
            ),
            _ => None,
        },
        " m" => match value {
            Json::Str(s) => {
                let markup = interp
                    .import_module("markupsafe")
                    .and_then(|m| interp.get_attr(&m, "Markup"))
                    .and_then(|cls| {
                        interp.call(&cls, crate::python::Args::positional(vec![Value::str(s)]))
                    });
                Some(markup.unwrap_or_else(|_| Value::str(s)))
            }
            _ => None,
        },
        _ => None,
    }
}

/// `datetime(..., tzinfo=timezone(offset))` (`timezone.utc` for a zero offset) in the app's
/// own `datetime` module.
fn aware_datetime(
    interp: &mut Interp,
    fields: &crate::python::text::civil_time::CivilDateTime,
    offset_micros: i64,
) -> Option<Value> {
    let module = interp.import_module("datetime").ok()?;
    let timezone = interp.get_attr(&module, "timezone").ok()?;
    let tz = if offset_micros == 0 {
        interp.get_attr(&timezone, "utc").ok()?
    } else {
        let delta = interp.get_attr(&module, "timedelta").ok()?;
        let args = crate::python::Args {
            pos: vec![],
            kw: vec![("microseconds".into(), Value::Int(offset_micros))],
        };
        let delta = interp.call(&delta, args).ok()?;
        interp
            .call(&timezone, crate::python::Args::positional(vec![delta]))
            .ok()?
    };
    let cls = interp.get_attr(&module, "datetime").ok()?;
    let mut pos: Vec<Value> = [
        fields.year,
        fields.month as i64,
        fields.day as i64,
        fields.hour as i64,
        fields.minute as i64,
        fields.second as i64,
        fields.microsecond as i64,
    ]
    .into_iter()
    .map(Value::Int)
    .collect();
    pos.push(tz);
    interp.call(&cls, crate::python::Args::positional(pos)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::HostConfig;

    #[test]
    fn tuple_and_bytes_are_tagged_and_come_back() {
        let mut py = Interp::new(HostConfig::default());
        let m = py
            .run_module(
                "t",
                "t.py",
                "d = {'b': b'\\x00\\xffhi', 'a': (1, 'x'), 'z': {' t': 1}}",
            )
            .ok()
            .unwrap();
        let d = py.get_attr(&m, "d").ok().unwrap();
        let Value::Dict(dict) = &d else { panic!() };
        let text = dumps_tagged(&mut py, &dict.borrow()).ok().unwrap();
        // Expected text from Flask's TaggedJSONSerializer (see tests/oracle primitives).
        assert!(text.contains(r#""b":{" b":"AP9oaQ=="}"#), "{text}");
        assert!(text.contains(r#""a":{" t":[1,"x"]}"#), "{text}");
        assert!(text.contains(r#""z":{" di":{" t__":1}}"#), "{text}");
        let back = loads_tagged(&mut py, &text).ok().unwrap();
        assert_eq!(
            py.repr(&back).ok().unwrap(),
            "{'a': (1, 'x'), 'b': b'\\x00\\xffhi', 'z': {' t': 1}}"
        );
    }
}
