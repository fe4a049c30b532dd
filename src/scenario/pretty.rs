//! The transcript's text, laid out exactly as the oracle writes it (`json.dumps(indent=2)`,
//! except that lists of scalars — header pairs — stay on one line), so the CLI's output and the
//! committed expected transcripts can be diffed line by line.

use crate::scenario::transcript::{StepRecord, Transcript};

/// A JSON value with keys in the contract's order.
enum J {
    Null,
    Num(i64),
    Str(String),
    List(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn opt_str(value: &Option<String>) -> J {
    value.as_ref().map_or(J::Null, |s| J::Str(s.clone()))
}

fn headers(list: &[(String, String)]) -> J {
    J::List(
        list.iter()
            .map(|(k, v)| J::List(vec![J::Str(k.clone()), J::Str(v.clone())]))
            .collect(),
    )
}

fn step(record: &StepRecord) -> J {
    let mut fields = vec![
        (
            "status",
            record.status.map_or(J::Null, |s| J::Num(i64::from(s))),
        ),
        ("body", opt_str(&record.body)),
        ("headers", headers(&record.headers)),
        ("request_cookie", opt_str(&record.request_cookie)),
        (
            "redirects",
            J::List(
                record
                    .redirects
                    .iter()
                    .map(|r| {
                        J::Obj(vec![
                            ("status", J::Num(i64::from(r.status))),
                            ("location", J::Str(r.location.clone())),
                            ("headers", headers(&r.headers)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "error",
            record.error.as_ref().map_or(J::Null, |e| {
                J::Obj(vec![
                    ("type", J::Str(e.type_name.clone())),
                    ("message", J::Str(e.message.clone())),
                ])
            }),
        ),
        (
            "jar",
            J::List(
                record
                    .jar
                    .iter()
                    .map(|c| {
                        J::Obj(vec![
                            ("name", J::Str(c.name.clone())),
                            ("value", J::Str(c.value.clone())),
                            ("expires", c.expires.map_or(J::Null, J::Num)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ];
    // The cross-site extension: only on the steps that use it.
    if let Some(context) = &record.context {
        fields.push(("context", J::Str(context.clone())));
    }
    if let Some(cookies) = &record.cookies {
        fields.push((
            "cookies",
            J::List(
                cookies
                    .iter()
                    .map(|c| {
                        J::Obj(vec![
                            ("name", J::Str(c.name.clone())),
                            ("domain", J::Str(c.domain.clone())),
                            (
                                "sent",
                                J::Str(if c.sent { "sent" } else { "withheld" }.into()),
                            ),
                            ("reason", J::Str(c.reason.clone())),
                        ])
                    })
                    .collect(),
            ),
        ));
    }
    J::Obj(fields)
}

fn scalar(value: &J) -> String {
    match value {
        J::Null => "null".into(),
        J::Num(n) => n.to_string(),
        J::Str(s) => serde_json::to_string(s).unwrap_or_default(),
        J::List(items) => format!(
            "[{}]",
            items.iter().map(scalar).collect::<Vec<_>>().join(", ")
        ),
        J::Obj(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    serde_json::to_string(k).unwrap_or_default(),
                    scalar(v)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn pretty(value: &J, indent: &str) -> String {
    let inner = format!("{indent}  ");
    match value {
        J::Obj(entries) if !entries.is_empty() => {
            let items: Vec<String> = entries
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{inner}{}: {}",
                        serde_json::to_string(k).unwrap_or_default(),
                        pretty(v, &inner)
                    )
                })
                .collect();
            format!("{{\n{}\n{indent}}}", items.join(",\n"))
        }
        J::List(items) if items.iter().any(|v| matches!(v, J::List(_) | J::Obj(_))) => {
            let items: Vec<String> = items
                .iter()
                .map(|v| format!("{inner}{}", pretty(v, &inner)))
                .collect();
            format!("[\n{}\n{indent}]", items.join(",\n"))
        }
        other => scalar(other),
    }
}

/// The transcript as the oracle lays it out, with a final newline.
///
/// ```
/// use session_playground::scenario::{pretty::transcript_text, Transcript};
/// let text = transcript_text(&Transcript { startup_error: None, steps: vec![] });
/// assert_eq!(text, "{\n  \"startup_error\": null,\n  \"steps\": []\n}\n");
/// ```
pub fn transcript_text(transcript: &Transcript) -> String {
    let root = J::Obj(vec![
        (
            "startup_error",
            transcript.startup_error.as_ref().map_or(J::Null, |e| {
                J::Obj(vec![
                    ("type", J::Str(e.type_name.clone())),
                    ("message", J::Str(e.message.clone())),
                ])
            }),
        ),
        (
            "steps",
            J::List(transcript.steps.iter().map(step).collect()),
        ),
    ]);
    format!("{}\n", pretty(&root, ""))
}
