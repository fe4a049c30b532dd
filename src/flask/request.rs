//! The request as the app sees it: Werkzeug's reading of the `Cookie` header and the Python
//! `Request` object built from an [`http::Request`](crate::http::Request) (path decoded, query
//! and form parsed, the body consumed by a form as Werkzeug does). A leaf of the Flask layer:
//! the natives (`flask.request`) and the server both use it, it uses neither.

use std::rc::Rc;

use crate::flask::routing::{parse_urlencoded, percent_decode};
use crate::http::Request;
use crate::python::{Args, Interp, Value};

/// Werkzeug's `parse_cookie`: `name=value` pairs split on `;`, quoted values unescaped.
pub fn parse_cookie_header(header: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in header.split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (name, value) = match part.split_once('=') {
            Some((n, v)) => (n.trim(), v.trim()),
            None => ("", part),
        };
        let value = if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
            unquote_cookie(&value[1..value.len() - 1])
        } else {
            value.to_string()
        };
        out.push((name.to_string(), value));
    }
    out
}

fn unquote_cookie(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && i + 3 < bytes.len()
            && bytes[i + 1..i + 4]
                .iter()
                .all(|b| (b'0'..=b'7').contains(b))
        {
            let v = (bytes[i + 1] - b'0') as u32 * 64
                + (bytes[i + 2] - b'0') as u32 * 8
                + (bytes[i + 3] - b'0') as u32;
            out.push(v as u8);
            i += 4;
        } else if bytes[i] == b'\\' && i + 1 < bytes.len() {
            out.push(bytes[i + 1]);
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn pairs(items: Vec<(String, String)>) -> Value {
    Value::list(
        items
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![Value::str(&k), Value::str(&v)]))
            .collect(),
    )
}

/// Builds the Python `Request` object for `request`.
pub fn build_request(
    it: &mut Interp,
    flask: &Value,
    request: &Request,
) -> crate::python::PyResult<Value> {
    let path = String::from_utf8_lossy(&percent_decode(&request.path, false)).into_owned();
    let args = parse_urlencoded(&request.query);
    let content_type = request.header("Content-Type").unwrap_or("");
    let is_form = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .eq_ignore_ascii_case("application/x-www-form-urlencoded");
    let form = if is_form {
        parse_urlencoded(&String::from_utf8_lossy(&request.body))
    } else {
        Vec::new()
    };
    // The whole body: the Python `Request` decides when a parsed form has consumed it.
    let body = request.body.clone();
    let cookies = request
        .header("Cookie")
        .map(parse_cookie_header)
        .unwrap_or_default();
    let class = it.get_attr(flask, "Request")?;
    it.call(
        &class,
        Args::positional(vec![
            Value::str(&request.method),
            Value::str(&request.scheme),
            Value::str(&request.host),
            Value::str(&path),
            Value::str(&request.query),
            pairs(args),
            pairs(form),
            pairs(request.headers.clone()),
            pairs(cookies),
            Value::Bytes(Rc::from(body)),
        ]),
    )
}
