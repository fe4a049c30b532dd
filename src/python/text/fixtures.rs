//! Test-only access to the CPython-generated fixture files under
//! `tests/python_text/` (see `generate.py` there for the encoding).

use num_bigint::BigInt;
use serde_json::Value;
use serde_json::Value as Json;

use crate::python::text::TextError;
use crate::python::text::float_repr::float_repr;
use crate::python::text::percent_format::{PercentArg, PercentValue};
use crate::python::text::str_repr::str_repr;

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
    value
        .as_str()
        .expect("int string")
        .parse()
        .expect("decimal int")
}

/// The expected outcome: `Ok(value)` or `Err((exception name, message))`.
pub fn outcome(value: &Value) -> Result<&Value, (String, String)> {
    if let Some(ok) = value.get("ok") {
        return Ok(ok);
    }
    let err = value.get("err").expect("ok or err");
    Err((
        err[0].as_str().unwrap().to_string(),
        err[1].as_str().unwrap().to_string(),
    ))
}

/// Renders a helper's result in the fixture's terms, for comparison.
pub fn actual<T>(result: Result<T, crate::python::text::TextError>) -> Result<T, (String, String)> {
    result.map_err(|e| (e.kind.name().to_string(), e.message))
}

/// Asserts that no case failed, printing the first few failures.
pub fn report(name: &str, total: usize, failures: &[String]) {
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(25).collect();
        panic!(
            "{name}: {} of {total} cases differ from CPython:\n{}",
            failures.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    eprintln!("{name}: {total} cases match CPython");
}

/// The few Python values the fixtures use, with their str() and repr().
#[derive(Clone, Debug)]
pub enum TestValue {
    Int(BigInt),
    Bool(bool, BigInt),
    Float(f64),
    Str(String),
    None,
    List(Vec<TestValue>),
    Dict(Vec<(String, TestValue)>),
}

impl TestValue {
    pub fn decode(json: &Json) -> TestValue {
        let (tag, inner) = json.as_object().unwrap().iter().next().unwrap();
        match tag.as_str() {
            "i" => TestValue::Int(int(inner)),
            "b" => {
                let b = inner.as_bool().unwrap();
                TestValue::Bool(b, BigInt::from(b as u8))
            }
            "f" => TestValue::Float(float(inner)),
            "s" => TestValue::Str(inner.as_str().unwrap().to_string()),
            "n" => TestValue::None,
            "l" => TestValue::List(
                inner
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(TestValue::decode)
                    .collect(),
            ),
            _ => TestValue::Dict(
                inner
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|pair| {
                        (
                            pair[0].as_str().unwrap().to_string(),
                            TestValue::decode(&pair[1]),
                        )
                    })
                    .collect(),
            ),
        }
    }

    pub fn repr(&self) -> String {
        match self {
            TestValue::Str(s) => str_repr(s),
            TestValue::List(items) => {
                format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|v| v.repr())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            TestValue::Dict(items) => format!(
                "{{{}}}",
                items
                    .iter()
                    .map(|(k, v)| format!("{}: {}", str_repr(k), v.repr()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => other.str(),
        }
    }

    pub fn str(&self) -> String {
        match self {
            TestValue::Int(i) => i.to_string(),
            TestValue::Bool(b, _) => if *b { "True" } else { "False" }.to_string(),
            TestValue::Float(f) => float_repr(*f),
            TestValue::Str(s) => s.clone(),
            TestValue::None => "None".to_string(),
            other => other.repr(),
        }
    }
}

impl TestValue {
    /// `type(x).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            TestValue::Int(_) => "int",
            TestValue::Bool(..) => "bool",
            TestValue::Float(_) => "float",
            TestValue::Str(_) => "str",
            TestValue::None => "NoneType",
            TestValue::List(_) => "list",
            TestValue::Dict(_) => "dict",
        }
    }
}

impl PercentArg for TestValue {
    type Error = TextError;
    fn value(&self) -> PercentValue<'_> {
        match self {
            TestValue::Int(i) | TestValue::Bool(_, i) => PercentValue::Int(i),
            TestValue::Float(f) => PercentValue::Float(*f),
            TestValue::Str(s) => PercentValue::Str(s),
            _ => PercentValue::Other,
        }
    }
    fn type_name(&self) -> String {
        TestValue::type_name(self).to_string()
    }
    fn to_str(&self) -> Result<String, TextError> {
        Ok(self.str())
    }
    fn to_repr(&self) -> Result<String, TextError> {
        Ok(self.repr())
    }
}
