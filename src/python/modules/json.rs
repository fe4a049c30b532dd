//! `json`: `dumps`/`loads`/`dump`-free subset, converting between values and the text
//! helpers' neutral `Json` tree (which owns CPython's exact formatting and error messages).

use super::{func, make_module};
use crate::python::dict::Dict;
use crate::python::interp::{Exc, Interp, PyResult};
use crate::python::text::json_text::{DumpOptions, Json, MAX_DEPTH, dumps, loads};
use crate::python::value::*;

/// What encoding one value to JSON has cost so far: a lower bound of the text's length, checked
/// against the memory limits as it grows, and a step of work per container. A value that holds
/// the same tuple three times, nested 40 deep, is small, but its text has 3^40 parts: the tree
/// made for it filled 20 GB before this bound (found by the `deep_values` fuzz target). Both
/// encoders use it: `json.dumps` here and Flask's (`jsonify`, the session's tagged JSON).
#[derive(Default)]
pub struct EncodeBudget {
    bytes: u128,
    checked_at: u128,
}

/// How much the text may grow between two checks of its size.
const CHECK_BYTES: u128 = 64 * 1024;

impl EncodeBudget {
    /// Counts `v` itself (its contents are counted as the encoder reaches them): the shortest
    /// text it can have with its separator (`1,`, `"",`, `[],`), and a step when it is a
    /// container, so a tree of many small containers ends like an endless loop.
    pub fn count(&mut self, it: &Interp, v: &Value) -> PyResult<()> {
        let (bytes, container) = match v {
            Value::Str(s) => (s.len() + 3, false),
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) => (3, true),
            _ => (2, false),
        };
        self.bytes += bytes as u128;
        if container {
            it.charge(1, "JSON encoding")?;
        }
        if self.bytes >= self.checked_at + CHECK_BYTES {
            self.checked_at = self.bytes;
            it.check_size(self.bytes)?;
        }
        Ok(())
    }
}

fn to_json(
    it: &mut Interp,
    v: &Value,
    default: &Value,
    depth: usize,
    spent: &mut EncodeBudget,
) -> PyResult<Json> {
    // Counted with the Python calls below, as CPython's encoder does.
    if depth > MAX_DEPTH || depth + it.depth >= it.config.recursion_limit {
        return Err(it.err(
            "RecursionError",
            "maximum recursion depth exceeded while encoding a JSON object",
        ));
    }
    spent.count(it, v)?;
    Ok(match v {
        Value::None => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(_) | Value::Long(_) => Json::Int(v.as_bigint().unwrap_or_default()),
        Value::Float(f) => Json::Float(*f),
        Value::Str(s) => Json::Str(s.to_string()),
        Value::List(_) | Value::Tuple(_) => {
            let items = it.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(to_json(it, x, default, depth + 1, spent)?);
            }
            Json::Array(out)
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().collect();
            let mut out = Vec::with_capacity(items.len());
            for (k, x) in items {
                let key = match &k {
                    Value::Str(s) => Json::Str(s.to_string()),
                    Value::Int(_) | Value::Long(_) => Json::Int(k.as_bigint().unwrap_or_default()),
                    Value::Float(f) => Json::Float(*f),
                    Value::Bool(b) => Json::Bool(*b),
                    Value::None => Json::Null,
                    other => Json::Opaque(other.type_name()),
                };
                out.push((key, to_json(it, &x, default, depth + 1, spent)?));
            }
            Json::Object(out)
        }
        Value::Instance(i) if i.base.is_some() => {
            let b = i.base.clone().unwrap_or(Value::None);
            return to_json(it, &b, default, depth + 1, spent);
        }
        other => {
            if !matches!(default, Value::None) {
                let r = it.call(default, Args::positional(vec![other.clone()]))?;
                return to_json(it, &r, default, depth + 1, spent);
            }
            Json::Opaque(other.type_name())
        }
    })
}

/// A Python value from parsed JSON.
pub fn from_json(it: &mut Interp, j: Json) -> PyResult<Value> {
    Ok(match j {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(b),
        Json::Int(i) => Value::from_bigint(i),
        Json::Float(f) => Value::Float(f),
        Json::Str(s) => Value::str(&s),
        Json::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(from_json(it, x)?);
            }
            Value::list(out)
        }
        Json::Object(items) => {
            let mut d = Dict::new();
            for (k, x) in items {
                let k = from_json(it, k)?;
                let x = from_json(it, x)?;
                it.dict_insert(&mut d, k, x)?;
            }
            Value::dict(d)
        }
        Json::Opaque(t) => Value::str(&t),
    })
}

/// `json.dumps(obj, **kw)` for the host too (the Flask layer's `jsonify`).
pub fn dumps_value(it: &mut Interp, v: &Value, mut kw: Args) -> PyResult<String> {
    let mut opts = DumpOptions::default();
    let default = kw.take_kw("default").unwrap_or(Value::None);
    if let Some(x) = kw.take_kw("sort_keys") {
        opts.sort_keys = it.truthy(&x)?;
    }
    if let Some(x) = kw.take_kw("ensure_ascii") {
        opts.ensure_ascii = it.truthy(&x)?;
    }
    if let Some(x) = kw.take_kw("skipkeys") {
        opts.skipkeys = it.truthy(&x)?;
    }
    if let Some(x) = kw.take_kw("allow_nan") {
        opts.allow_nan = it.truthy(&x)?;
    }
    match &kw.take_kw("indent") {
        None | Some(Value::None) => {}
        Some(Value::Str(s)) => opts.indent = Some(s.to_string()),
        Some(x) => opts.indent = Some(DumpOptions::indent_spaces(it.to_index(x)?)),
    }
    if let Some(x) = kw.take_kw("separators")
        && !matches!(x, Value::None)
    {
        let parts = it.collect(&x)?;
        if parts.len() != 2 {
            return Err(it.value_error("too many values to unpack (expected 2)".to_string()));
        }
        let a = it.to_str(&parts[0])?;
        let b = it.to_str(&parts[1])?;
        opts.separators = Some((a, b));
    }
    let _ = kw.take_kw("cls");
    if let Some((k, _)) = kw.kw.first() {
        return Err(it.type_error(format!(
            "__init__() got an unexpected keyword argument '{k}'"
        )));
    }
    let tree = to_json(it, v, &default, 0, &mut EncodeBudget::default())?;
    dumps(&tree, &opts).map_err(|e| it.text_err(e))
}

/// A `JSONDecodeError` with CPython's attributes: `msg`, `doc`, `pos` (in characters), `lineno`,
/// `colno`. The decoder's message ends with CPython's fixed `: line L column C (char P)` tail,
/// so the parts are read back from it rather than carried through every text helper.
fn decode_error(it: &mut Interp, e: crate::python::text::TextError, doc: &str) -> Box<Exc> {
    let full = e.message.clone();
    let exc = it.text_err(e);
    let parsed = full.rsplit_once(" (char ").and_then(|(head, tail)| {
        let pos: usize = tail.strip_suffix(')')?.parse().ok()?;
        let (msg, _) = head.rsplit_once(": line ")?;
        Some((msg.to_string(), pos))
    });
    if let (Some((msg, pos)), Value::Instance(inst)) = (parsed, &exc.value) {
        let before: Vec<char> = doc.chars().take(pos).collect();
        let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
        let colno = match before.iter().rposition(|&c| c == '\n') {
            Some(newline) => pos - newline,
            None => pos + 1,
        };
        let mut attrs = inst.attrs.borrow_mut();
        attrs.set_str("msg", Value::str(&msg));
        attrs.set_str("doc", Value::str(doc));
        attrs.set_str("pos", Value::Int(pos as i64));
        attrs.set_str("lineno", Value::Int(lineno as i64));
        attrs.set_str("colno", Value::Int(colno as i64));
    }
    exc
}

/// Build the module.
pub fn make(it: &mut Interp) -> Value {
    let jde = Value::Class(it.ty("JSONDecodeError"));
    make_module(
        "json",
        vec![
            (
                "dumps",
                func("dumps", |it, mut args| {
                    if args.pos.is_empty() {
                        return Err(
                            it.type_error("dumps() missing 1 required positional argument: 'obj'")
                        );
                    }
                    let v = args.pos.remove(0);
                    Ok(Value::str(&dumps_value(it, &v, args)?))
                }),
            ),
            (
                "loads",
                func("loads", |it, args| {
                    let text = match args.pos.first() {
                        Some(Value::Str(s)) => s.to_string(),
                        Some(Value::Bytes(b)) => String::from_utf8_lossy(b).to_string(),
                        Some(o) => {
                            return Err(it.type_error(format!(
                                "the JSON object must be str, bytes or bytearray, not {}",
                                o.type_name()
                            )));
                        }
                        None => {
                            return Err(it.type_error(
                                "loads() missing 1 required positional argument: 's'",
                            ));
                        }
                    };
                    let tree = loads(&text).map_err(|e| decode_error(it, e, &text))?;
                    from_json(it, tree)
                }),
            ),
            (
                // `json.load(fp)`: `loads(fp.read())` (Flask's `config.from_file` passes it).
                "load",
                func("load", |it, args| {
                    let Some(file) = args.pos.first() else {
                        return Err(
                            it.type_error("load() missing 1 required positional argument: 'fp'")
                        );
                    };
                    let read = it.get_attr(file, "read")?;
                    let text = it.call(&read, Args::default())?;
                    let text = match &text {
                        Value::Str(s) => s.to_string(),
                        Value::Bytes(b) => String::from_utf8_lossy(b).to_string(),
                        o => {
                            return Err(it.type_error(format!(
                                "the JSON object must be str, bytes or bytearray, not {}",
                                o.type_name()
                            )));
                        }
                    };
                    let tree = loads(&text).map_err(|e| it.text_err(e))?;
                    from_json(it, tree)
                }),
            ),
            ("JSONDecodeError", jde),
        ],
    )
}
