//! Test-only access to the CPython-generated fixture files under
//! `tests/python_text/` (see `generate.py` there for the encoding).

use serde_json::Value;

/// Loads one fixture file as a JSON array of cases.
pub fn load(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/python_text/{}", env!("CARGO_MANIFEST_DIR"), name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Array(cases)) => cases,
        _ => panic!("{path} is not a JSON array"),
    }
}

/// Decodes a float written as the hex of its IEEE-754 bits.
pub fn float(value: &Value) -> f64 {
    let text = value.as_str().expect("float bits string");
    f64::from_bits(u64::from_str_radix(text, 16).expect("hex bits"))
}

/// Decodes an int written as its decimal string.
pub fn int(value: &Value) -> num_bigint::BigInt {
    value.as_str().expect("int string").parse().expect("decimal int")
}

/// The expected outcome: `Ok(value)` or `Err((exception name, message))`.
pub fn outcome(value: &Value) -> Result<&Value, (String, String)> {
    if let Some(ok) = value.get("ok") {
        return Ok(ok);
    }
    let err = value.get("err").expect("ok or err");
    Err((err[0].as_str().unwrap().to_string(), err[1].as_str().unwrap().to_string()))
}

/// Renders a helper's result in the fixture's terms, for comparison.
pub fn actual<T>(result: Result<T, crate::python::text::TextError>) -> Result<T, (String, String)> {
    result.map_err(|e| (e.kind.name().to_string(), e.message))
}

/// Asserts that no case failed, printing the first few failures.
pub fn report(name: &str, total: usize, failures: &[String]) {
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(25).collect();
        panic!("{name}: {} of {total} cases differ from CPython:\n{}", failures.len(),
            shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
    }
    eprintln!("{name}: {total} cases match CPython");
}
