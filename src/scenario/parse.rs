//! Reading a scenario file. Validation follows the contract (and the oracle's wording): unknown
//! keys, duplicate keys, wrong types, a bad request line or a form on GET/HEAD are malformed.
//!
//! The JSON is read with the interpreter's CPython-exact reader, because it keeps duplicate
//! keys (which the contract makes an error) where `serde_json` would silently keep the last.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::flask::project::{self, ProjectFiles};
use crate::python::text::{self, Json};
use crate::scenario::action::{
    Action, Initiator, RequestStep, Step, header_name_ok, host_ok, initiator_kind, method_ok,
    target_ok,
};

/// The default virtual time.
pub const DEFAULT_CLOCK: &str = "2026-01-01T00:00:00Z";

/// Why a scenario file is malformed; `Display` is the one-line message (what and where).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Where: `top level`, `steps[2].request.form`, ...
    pub place: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.place, self.problem)
        }
    }
}

impl std::error::Error for Malformed {}

/// A [`Malformed`] at a place (the v1 and v2 readers share it).
pub(crate) fn bad(place: &str, problem: impl Into<String>) -> Malformed {
    Malformed {
        place: place.to_string(),
        problem: problem.into(),
    }
}

/// A parsed scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The app source.
    pub code: String,
    /// Start time, Unix seconds.
    pub clock: i64,
    /// The steps, each naming its profile (`default` unless the file gives one).
    pub steps: Vec<Step>,
    /// The project's other files (revision 2), by relative path.
    pub files: ProjectFiles,
    /// Further sites (the cross-site extension), each at its own host.
    pub sites: Vec<SiteSpec>,
}

const ACTIONS: [&str; 5] = [
    "request",
    "close_browser",
    "advance_clock",
    "set_cookie",
    "delete_cookie",
];

fn py_repr(json: &Json) -> String {
    match json {
        Json::Str(s) => text::str_repr(s),
        Json::Null => "None".into(),
        Json::Bool(true) => "True".into(),
        Json::Bool(false) => "False".into(),
        Json::Int(i) => i.to_string(),
        Json::Float(f) => text::float_repr(*f),
        Json::Array(_) => "[...]".into(),
        Json::Object(_) => "{...}".into(),
        Json::Opaque(name) => name.clone(),
    }
}

fn object<'a>(json: &'a Json, place: &str, problem: &str) -> Result<&'a [(Json, Json)], Malformed> {
    match json {
        Json::Object(entries) => {
            let mut seen: Vec<&str> = Vec::new();
            for (k, _) in entries {
                if let Json::Str(k) = k {
                    if seen.contains(&k.as_str()) {
                        return Err(bad(
                            "",
                            format!("invalid JSON: duplicate key {}", text::str_repr(k)),
                        ));
                    }
                    seen.push(k);
                }
            }
            Ok(entries)
        }
        _ => Err(bad(place, problem)),
    }
}

fn get<'a>(entries: &'a [(Json, Json)], key: &str) -> Option<&'a Json> {
    entries
        .iter()
        .find(|(k, _)| matches!(k, Json::Str(s) if s == key))
        .map(|(_, v)| v)
}

fn check_keys(
    entries: &[(Json, Json)],
    place: &str,
    allowed: &[&str],
    required: &[&str],
) -> Result<(), Malformed> {
    for (k, _) in entries {
        let Json::Str(k) = k else { continue };
        if !allowed.contains(&k.as_str()) {
            return Err(bad(place, format!("unknown key {}", text::str_repr(k))));
        }
    }
    for key in required {
        if get(entries, key).is_none() {
            return Err(bad(place, format!("missing key {}", text::str_repr(key))));
        }
    }
    Ok(())
}

fn string_map(json: &Json, place: &str) -> Result<Vec<(String, String)>, Malformed> {
    let entries = object(json, place, "expected an object of strings")?;
    let mut out = Vec::new();
    for (k, v) in entries {
        let Json::Str(k) = k else { continue };
        match v {
            Json::Str(v) => out.push((k.clone(), v.clone())),
            _ => return Err(bad(&format!("{place}.{k}"), "expected a string")),
        }
    }
    Ok(out)
}

fn parse_request(json: &Json, place: &str) -> Result<RequestStep, Malformed> {
    if let Json::Str(line) = json {
        let parts: Vec<&str> = line.split(' ').collect();
        if parts.len() != 2 {
            return Err(bad(
                place,
                format!(
                    "request line {} is not 'METHOD /path[?query]'",
                    text::str_repr(line)
                ),
            ));
        }
        if !method_ok(parts[0]) {
            return Err(bad(
                place,
                format!(
                    "bad method {} (uppercase letters only)",
                    text::str_repr(parts[0])
                ),
            ));
        }
        if !target_ok(parts[1]) {
            return Err(bad(
                place,
                format!(
                    "bad path {} (must start with '/', no spaces)",
                    text::str_repr(parts[1])
                ),
            ));
        }
        return Ok(RequestStep {
            method: parts[0].into(),
            target: parts[1].into(),
            form: None,
            headers: vec![],
            json: None,
            host: None,
            from: None,
        });
    }
    let entries = object(json, place, "expected a request line string or an object")?;
    check_keys(
        entries,
        place,
        &["method", "path", "form", "headers", "json", "host", "from"],
        &["method", "path"],
    )?;
    let method = match get(entries, "method") {
        Some(Json::Str(m)) if method_ok(m) => m.clone(),
        Some(other) => {
            return Err(bad(
                &format!("{place}.method"),
                format!("bad method {} (uppercase letters only)", py_repr(other)),
            ));
        }
        None => unreachable_missing(place)?,
    };
    let target = match get(entries, "path") {
        Some(Json::Str(t)) if target_ok(t) => t.clone(),
        Some(other) => {
            return Err(bad(
                &format!("{place}.path"),
                format!(
                    "bad path {} (must start with '/', no spaces)",
                    py_repr(other)
                ),
            ));
        }
        None => unreachable_missing(place)?,
    };
    let mut form = None;
    if let Some(f) = get(entries, "form") {
        let fields = string_map(f, &format!("{place}.form"))?;
        if method == "GET" || method == "HEAD" {
            return Err(bad(
                &format!("{place}.form"),
                format!("a form is not allowed on {method}"),
            ));
        }
        form = Some(fields);
    }
    let mut json_body = None;
    if let Some(value) = get(entries, "json") {
        if method == "GET" || method == "HEAD" {
            return Err(bad(
                &format!("{place}.json"),
                format!("a JSON body is not allowed on {method}"),
            ));
        }
        if form.is_some() {
            return Err(bad(
                &format!("{place}.json"),
                "a request has a form or a JSON body, not both",
            ));
        }
        // The body is what Python's `json.dumps(value)` writes, defaults and all.
        let dumped = text::json_text::dumps(value, &text::json_text::DumpOptions::default())
            .map_err(|e| bad(&format!("{place}.json"), e.message))?;
        json_body = Some(dumped);
    }
    let mut headers = Vec::new();
    if let Some(h) = get(entries, "headers") {
        headers = string_map(h, &format!("{place}.headers"))?;
        for (name, value) in &headers {
            if !header_name_ok(name) {
                return Err(bad(
                    &format!("{place}.headers"),
                    format!("bad header name {}", text::str_repr(name)),
                ));
            }
            if value
                .chars()
                .any(|c| matches!(c as u32, 0..=8 | 0x0a..=0x1f | 0x7f))
            {
                return Err(bad(
                    &format!("{place}.headers.{name}"),
                    "control character in value",
                ));
            }
        }
    }
    // The cross-site extension: where the request goes, and which page started it.
    let host = match get(entries, "host") {
        None => None,
        Some(Json::Str(h)) if host_ok(h) => Some(h.clone()),
        Some(other) => {
            return Err(bad(
                &format!("{place}.host"),
                format!(
                    "bad host {} (a host name such as attacker.test)",
                    py_repr(other)
                ),
            ));
        }
    };
    let from = match get(entries, "from") {
        None => None,
        Some(value) => {
            let at = format!("{place}.from");
            let entries = object(value, &at, "expected an object with host and by")?;
            check_keys(entries, &at, &["host", "by"], &["host", "by"])?;
            let host = match get(entries, "host") {
                Some(Json::Str(h)) if host_ok(h) => h.clone(),
                other => {
                    return Err(bad(
                        &format!("{at}.host"),
                        format!(
                            "bad host {} (a host name such as attacker.test)",
                            other.map_or_else(String::new, py_repr)
                        ),
                    ));
                }
            };
            let by = match get(entries, "by") {
                Some(Json::Str(b)) => initiator_kind(b),
                _ => None,
            };
            let Some(by) = by else {
                return Err(bad(
                    &format!("{at}.by"),
                    "must be \"link\", \"form\" or \"image\"",
                ));
            };
            Some(Initiator { host, by })
        }
    };
    Ok(RequestStep {
        method,
        target,
        form,
        headers,
        json: json_body,
        host,
        from,
    })
}

fn unreachable_missing<T>(place: &str) -> Result<T, Malformed> {
    Err(bad(place, "missing key"))
}

fn parse_step(json: &Json, place: &str) -> Result<Step, Malformed> {
    let entries = object(json, place, "expected an object")?;
    let mut allowed: Vec<&str> = ACTIONS.to_vec();
    allowed.push("browser");
    check_keys(entries, place, &allowed, &[])?;
    let actions: Vec<&str> = entries
        .iter()
        .filter_map(|(k, _)| match k {
            Json::Str(k) if ACTIONS.contains(&k.as_str()) => Some(k.as_str()),
            _ => None,
        })
        .collect();
    if actions.len() != 1 {
        return Err(bad(
            place,
            format!("expected exactly one of {}", ACTIONS.join(", ")),
        ));
    }
    let browser = match get(entries, "browser") {
        None => "default".to_string(),
        Some(Json::Str(b)) if !b.is_empty() => b.clone(),
        Some(_) => {
            return Err(bad(
                &format!("{place}.browser"),
                "expected a non-empty string",
            ));
        }
    };
    let action = actions[0];
    let value = get(entries, action).unwrap_or(&Json::Null);
    let inner = format!("{place}.{action}");
    let action = match action {
        "request" => Action::Request(parse_request(value, &inner)?),
        "close_browser" => match value {
            Json::Bool(true) => Action::CloseBrowser,
            _ => return Err(bad(&inner, "expected true")),
        },
        "advance_clock" => match value {
            Json::Int(i) => match u64::try_from(i.clone()) {
                Ok(n) if n <= 1 << 40 => Action::AdvanceClock(n),
                _ => {
                    return Err(bad(
                        &inner,
                        "expected a non-negative integer number of seconds",
                    ));
                }
            },
            _ => {
                return Err(bad(
                    &inner,
                    "expected a non-negative integer number of seconds",
                ));
            }
        },
        "set_cookie" => {
            let fields = object(value, &inner, "expected an object with name and value")?;
            check_keys(fields, &inner, &["name", "value"], &["name", "value"])?;
            let name = match get(fields, "name") {
                Some(Json::Str(n)) if !n.is_empty() => n.clone(),
                _ => return Err(bad(&format!("{inner}.name"), "expected a non-empty string")),
            };
            let value = match get(fields, "value") {
                Some(Json::Str(v)) => v.clone(),
                _ => return Err(bad(&format!("{inner}.value"), "expected a string")),
            };
            Action::SetCookie { name, value }
        }
        _ => match value {
            Json::Str(n) if !n.is_empty() => Action::DeleteCookie(n.clone()),
            _ => return Err(bad(&inner, "expected a cookie name")),
        },
    };
    Ok(Step {
        action,
        browser: Some(browser),
        explain: None,
    })
}

/// Parses and validates a scenario file's text.
///
/// ```
/// use session_playground::scenario::parse_scenario;
/// let ok = parse_scenario(r#"{"version": 1, "code": "", "steps": [{"request": "GET /"}]}"#).unwrap();
/// assert_eq!(ok.clock, 1767225600);
/// let err = parse_scenario(r#"{"version": 1, "code": "", "steps": [{"request": "get /"}]}"#).unwrap_err();
/// assert_eq!(err.to_string(), "steps[0].request: bad method 'get' (uppercase letters only)");
/// ```
pub fn parse_scenario(source: &str) -> Result<Scenario, Malformed> {
    let json = text::loads(source).map_err(|e| {
        // CPython: "Expecting value: line 1 column 1 (char 0)" -> the oracle's wording.
        let message = e.message.clone();
        let short = match message.rfind(": line ") {
            Some(at) => {
                let (what, rest) = message.split_at(at);
                let rest = rest.trim_start_matches(": ");
                let rest = rest.split(" (char").next().unwrap_or(rest);
                format!("{what} at {rest}")
            }
            None => message,
        };
        bad("", format!("invalid JSON: {short}"))
    })?;
    if let Some(key) = duplicate_key(source) {
        return Err(bad(
            "",
            format!("invalid JSON: duplicate key {}", text::str_repr(&key)),
        ));
    }
    let entries = object(&json, "top level", "expected an object")?;
    check_keys(
        entries,
        "top level",
        &["version", "code", "files", "clock", "steps", "sites"],
        &["version", "code", "steps"],
    )?;
    match get(entries, "version") {
        Some(Json::Int(v)) if *v == 1.into() => {}
        Some(other) => {
            return Err(bad(
                "version",
                format!("expected 1, got {}", py_repr(other)),
            ));
        }
        None => return Err(bad("top level", "missing key 'version'")),
    }
    let code = match get(entries, "code") {
        Some(Json::Str(c)) => c.clone(),
        _ => return Err(bad("code", "expected a string")),
    };
    let clock = match get(entries, "clock") {
        None => parse_clock(DEFAULT_CLOCK)?,
        Some(Json::Str(c)) => parse_clock(c)?,
        Some(_) => {
            return Err(bad(
                "clock",
                format!("expected a string like {}", text::str_repr(DEFAULT_CLOCK)),
            ));
        }
    };
    let steps = match get(entries, "steps") {
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, s)| parse_step(s, &format!("steps[{i}]")))
            .collect::<Result<Vec<_>, _>>()?,
        _ => return Err(bad("steps", "expected a list")),
    };
    let files = match get(entries, "files") {
        None => ProjectFiles::default(),
        Some(value) => parse_files(value)?,
    };
    let sites = match get(entries, "sites") {
        None => Vec::new(),
        Some(value) => parse_sites(value)?,
    };
    Ok(Scenario {
        code,
        clock,
        steps,
        files,
        sites,
    })
}

/// `sites` (the cross-site extension): a list of `{"host": ..., "code" | "page": ...}`.
fn parse_sites(json: &Json) -> Result<Vec<SiteSpec>, Malformed> {
    let Json::Array(items) = json else {
        return Err(bad("sites", "expected a list"));
    };
    let mut sites = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("sites[{i}]");
        let entries = object(item, &at, "expected an object with host and code or page")?;
        check_keys(entries, &at, &["host", "code", "page"], &["host"])?;
        let text_of = |key: &str| match get(entries, key) {
            None => Ok(None),
            Some(Json::Str(value)) => Ok(Some(value.clone())),
            Some(_) => Err(bad(&format!("{at}.{key}"), "expected a string")),
        };
        sites.push(SiteSpec {
            host: text_of("host")?.unwrap_or_default(),
            code: text_of("code")?,
            page: text_of("page")?,
        });
    }
    check_sites(&sites, "sites")?;
    Ok(sites)
}

/// `files` (revision 2): relative path -> text, each path one a project folder can hold.
fn parse_files(json: &Json) -> Result<ProjectFiles, Malformed> {
    let entries = string_map(json, "files")?;
    for (path, _) in &entries {
        if let Err(why) = project::check_path(path) {
            return Err(bad(
                "files",
                format!("bad path {} ({why})", text::str_repr(path)),
            ));
        }
    }
    if let Some(path) = project::file_and_folder(entries.iter().map(|(p, _)| p.as_str())) {
        return Err(bad(
            "files",
            format!("{} is both a file and a folder", text::str_repr(path)),
        ));
    }
    Ok(ProjectFiles::new(entries))
}

pub(crate) fn parse_clock(text_value: &str) -> Result<i64, Malformed> {
    crate::browser::clock::parse_instant(text_value).map_err(|e| {
        let shape_ok = text_value.len() == 20
            && text_value.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                10 => b == b'T',
                13 | 16 => b == b':',
                19 => b == b'Z',
                _ => b.is_ascii_digit(),
            });
        if shape_ok {
            bad(
                "clock",
                format!("{} is not a valid date ({e})", text::str_repr(text_value)),
            )
        } else {
            bad(
                "clock",
                format!("{} is not YYYY-MM-DDTHH:MM:SSZ", text::str_repr(text_value)),
            )
        }
    })
}

/// The first key that appears twice in one object of (already valid) JSON text, if any: the
/// JSON reader keeps only the last, so duplicates are found on the text itself.
pub(crate) fn duplicate_key(source: &str) -> Option<String> {
    // Per open container: `Some(keys)` for an object, `None` for an array.
    let mut stack: Vec<Option<Vec<String>>> = Vec::new();
    let mut chars = source.chars().peekable();
    let mut expect_key = false;
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                stack.push(Some(Vec::new()));
                expect_key = true;
            }
            '[' => {
                stack.push(None);
                expect_key = false;
            }
            '}' | ']' => {
                stack.pop();
                expect_key = false;
            }
            ',' => expect_key = matches!(stack.last(), Some(Some(_))),
            '"' => {
                let mut raw = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            raw.push(d);
                            if let Some(e) = chars.next() {
                                raw.push(e);
                            }
                        }
                        '"' => break,
                        other => raw.push(other),
                    }
                }
                if expect_key {
                    if let Some(Some(keys)) = stack.last_mut() {
                        if keys.contains(&raw) {
                            return Some(raw);
                        }
                        keys.push(raw);
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
    }
    None
}

/// A further site as a file writes it: a host and either a Flask app's `code` or a static
/// `page` of HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSpec {
    /// Its host name, e.g. `attacker.test`.
    pub host: String,
    /// Its `app.py`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its one HTML page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

impl SiteSpec {
    /// What the site serves.
    pub fn content(&self) -> crate::scenario::world::SiteContent {
        match (&self.code, &self.page) {
            (Some(code), _) => crate::scenario::world::SiteContent::App(code.clone()),
            (None, page) => {
                crate::scenario::world::SiteContent::Page(page.clone().unwrap_or_default())
            }
        }
    }
}

/// Checks a file's `sites`: each a host name the URL parser keeps as written, not the app's own
/// (`localhost`), used once, with exactly one of `code` and `page`.
pub(crate) fn check_sites(sites: &[SiteSpec], place: &str) -> Result<(), Malformed> {
    for (i, site) in sites.iter().enumerate() {
        let at = format!("{place}[{i}]");
        if !crate::scenario::action::host_ok(&site.host) || site.host == "localhost" {
            return Err(bad(
                &format!("{at}.host"),
                format!(
                    "{:?} is not a host name a site can have (e.g. attacker.test; localhost is the app's)",
                    site.host
                ),
            ));
        }
        if sites[..i].iter().any(|other| other.host == site.host) {
            return Err(bad(
                &format!("{at}.host"),
                format!("{:?} appears twice", site.host),
            ));
        }
        if site.code.is_some() == site.page.is_some() {
            return Err(bad(
                &at,
                "give exactly one of code (a Flask app) and page (HTML)",
            ));
        }
    }
    Ok(())
}
