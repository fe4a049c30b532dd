//! A minimal JSON Schema (2020-12) validator for the keywords `schema/lesson-v2.schema.json`
//! uses — a full validator crate would pull in regex engines and an HTTP client for a test.
//! [`assert_supported`] fails if the schema starts using a keyword this file does not check,
//! so a keyword can never be silently ignored. (`python3 -m jsonschema` agrees on the lessons.)

use serde_json::Value;

const KEYWORDS: [&str; 19] = [
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "const",
    "enum",
    "items",
    "minItems",
    "minLength",
    "minimum",
    "anyOf",
    "oneOf",
    "default",
];

/// Panics if `schema` uses a keyword [`validate`] does not implement.
pub fn assert_supported(schema: &Value) {
    fn walk(node: &Value, in_map: bool) {
        let Value::Object(map) = node else { return };
        for (key, value) in map {
            if in_map {
                walk(value, false);
                continue;
            }
            assert!(
                KEYWORDS.contains(&key.as_str()),
                "unsupported schema keyword {key}"
            );
            match key.as_str() {
                "properties" | "$defs" => walk(value, true),
                "items" | "additionalProperties" => walk(value, false),
                "anyOf" | "oneOf" => value
                    .as_array()
                    .unwrap()
                    .iter()
                    .for_each(|v| walk(v, false)),
                _ => {}
            }
        }
    }
    walk(schema, false);
}

/// The errors of `value` against `schema` (empty when valid).
pub fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "$", &mut errors);
    errors
}

fn type_ok(name: &str, value: &Value) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "null" => value.is_null(),
        _ => false,
    }
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Value::Object(rules) = schema else { return };
    if let Some(Value::String(reference)) = rules.get("$ref") {
        let name = reference.trim_start_matches("#/$defs/");
        check(root, &root["$defs"][name], value, at, errors);
    }
    if let Some(Value::String(name)) = rules.get("type")
        && !type_ok(name, value)
    {
        errors.push(format!("{at}: expected {name}"));
        return;
    }
    if let Some(wanted) = rules.get("const")
        && wanted != value
    {
        errors.push(format!("{at}: expected {wanted}"));
    }
    if let Some(Value::Array(options)) = rules.get("enum")
        && !options.contains(value)
    {
        errors.push(format!("{at}: not one of {options:?}"));
    }
    if let (Some(min), Some(s)) = (
        rules.get("minLength").and_then(Value::as_u64),
        value.as_str(),
    ) && (s.chars().count() as u64) < min
    {
        errors.push(format!("{at}: shorter than {min}"));
    }
    if let (Some(min), Some(n)) = (rules.get("minimum").and_then(Value::as_f64), value.as_f64())
        && n < min
    {
        errors.push(format!("{at}: below {min}"));
    }
    if let Value::Array(items) = value {
        if let Some(min) = rules.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            errors.push(format!("{at}: fewer than {min} items"));
        }
        if let Some(item_schema) = rules.get("items") {
            for (i, item) in items.iter().enumerate() {
                check(root, item_schema, item, &format!("{at}[{i}]"), errors);
            }
        }
    }
    if let Value::Object(map) = value {
        if let Some(Value::Array(required)) = rules.get("required") {
            for key in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(key) {
                    errors.push(format!("{at}: missing {key}"));
                }
            }
        }
        let properties = rules.get("properties").and_then(Value::as_object);
        for (key, item) in map {
            match properties.and_then(|p| p.get(key)) {
                Some(property) => check(root, property, item, &format!("{at}.{key}"), errors),
                None => match rules.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{at}: unknown key {key}")),
                    Some(extra @ Value::Object(_)) => {
                        check(root, extra, item, &format!("{at}.{key}"), errors)
                    }
                    _ => {}
                },
            }
        }
    }
    if let Some(Value::Array(options)) = rules.get("anyOf")
        && !options
            .iter()
            .any(|option| validate_into(root, option, value).is_empty())
    {
        errors.push(format!("{at}: matches none of anyOf"));
    }
    if let Some(Value::Array(options)) = rules.get("oneOf") {
        let matching = options
            .iter()
            .filter(|option| validate_into(root, option, value).is_empty())
            .count();
        if matching != 1 {
            errors.push(format!(
                "{at}: matches {matching} of oneOf, not exactly one"
            ));
        }
    }
}

fn validate_into(root: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(root, schema, value, "", &mut errors);
    errors
}
