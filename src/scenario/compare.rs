//! The contract's rules for comparing two transcripts (a port of `tests/oracle/compare.py`):
//! header names case-insensitive, the order of different header names ignored but the order
//! of same-name headers kept, `Content-Length` and `Date` ignored, `Allow` compared as a set,
//! jar order ignored, everything else exact. Works on JSON values so either side may come
//! from a file.

use serde_json::Value;

fn normalize_headers(headers: &Value) -> Value {
    let Value::Array(items) = headers else {
        return headers.clone();
    };
    let mut grouped: Vec<(String, Vec<Value>)> = Vec::new();
    for pair in items {
        let Some([name, value]) = pair
            .as_array()
            .map(|a| a.as_slice())
            .and_then(|s| <&[Value; 2]>::try_from(s).ok())
        else {
            return headers.clone();
        };
        let lower = name.as_str().unwrap_or("").to_ascii_lowercase();
        if lower == "content-length" || lower == "date" {
            continue;
        }
        let value = match (lower.as_str(), value) {
            ("allow", Value::String(s)) => {
                let mut methods: Vec<String> = s
                    .split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect();
                crate::text::order::sort(&mut methods);
                methods.dedup();
                Value::Array(methods.into_iter().map(Value::String).collect())
            }
            _ => value.clone(),
        };
        match grouped.iter_mut().find(|(n, _)| *n == lower) {
            Some((_, values)) => values.push(value),
            None => grouped.push((lower, vec![value])),
        }
    }
    crate::text::order::sort_by(&mut grouped, |a, b| a.0.cmp(&b.0));
    Value::Object(
        grouped
            .into_iter()
            .map(|(k, v)| (k, Value::Array(v)))
            .collect(),
    )
}

fn normalize_step(step: &Value) -> Value {
    let Value::Object(map) = step else {
        return step.clone();
    };
    let mut map = map.clone();
    if let Some(h) = map.get("headers") {
        let h = normalize_headers(h);
        map.insert("headers".into(), h);
    }
    if let Some(Value::Array(redirects)) = map.get("redirects") {
        let redirects: Vec<Value> = redirects
            .iter()
            .map(|r| match r {
                Value::Object(r) => {
                    let mut r = r.clone();
                    let h = normalize_headers(r.get("headers").unwrap_or(&Value::Null));
                    r.insert("headers".into(), h);
                    Value::Object(r)
                }
                other => other.clone(),
            })
            .collect();
        map.insert("redirects".into(), Value::Array(redirects));
    }
    if let Some(Value::Array(jar)) = map.get("jar") {
        let mut jar = jar.clone();
        crate::text::order::sort_by_key(&mut jar, |c| c.to_string());
        map.insert("jar".into(), Value::Array(jar));
    }
    Value::Object(map)
}

/// A transcript in the normal form the rules compare.
pub fn normalize(transcript: &Value) -> Value {
    let Value::Object(map) = transcript else {
        return transcript.clone();
    };
    let mut map = map.clone();
    if let Some(Value::Array(steps)) = map.get("steps") {
        let steps = steps.iter().map(normalize_step).collect();
        map.insert("steps".into(), Value::Array(steps));
    }
    Value::Object(map)
}

fn diff(expected: &Value, actual: &Value, place: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    None => out.push(format!("{place}.{k}: missing (expected {v})")),
                    Some(w) => diff(v, w, &format!("{place}.{k}"), out),
                }
            }
            for (k, w) in a {
                if !e.contains_key(k) {
                    out.push(format!("{place}.{k}: unexpected {w}"));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{place}: {} items expected, {} found",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (v, w)) in e.iter().zip(a).enumerate() {
                diff(v, w, &format!("{place}[{i}]"), out);
            }
        }
        _ => {
            if expected != actual {
                out.push(format!(
                    "{place}:\n    expected {expected}\n    actual   {actual}"
                ));
            }
        }
    }
}

/// Every difference between two transcripts under the contract's rules (empty: equal).
///
/// ```
/// use session_playground::scenario::compare::compare;
/// let a = serde_json::json!({"steps": [{"headers": [["Allow", "GET, POST"], ["Content-Length", "1"]], "jar": []}]});
/// let b = serde_json::json!({"steps": [{"headers": [["allow", "POST, GET"]], "jar": []}]});
/// assert!(compare(&a, &b).is_empty());
/// ```
pub fn compare(expected: &Value, actual: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff(
        &normalize(expected),
        &normalize(actual),
        "transcript",
        &mut out,
    );
    out
}
