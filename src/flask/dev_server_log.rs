//! What the development server (`flask run`) prints for each request, as Werkzeug 3.1 and
//! Flask 3.1 write it to the terminal: Werkzeug's access line
//! (`127.0.0.1 - - [01/Jan/2026 00:00:00] "GET /count HTTP/1.1" 200 -`) and the first line of
//! Flask's error log (`[2026-01-01 00:00:00,000] ERROR in app: Exception on /boom [GET]`).
//!
//! The details that make the line look like the learner's own terminal:
//! - the request target is shown as Werkzeug's `uri_to_iri` shows it ([`crate::flask::iri`]:
//!   `/caf%C3%A9` → `/café`, `%2F` and `%FF` kept), then control characters escaped as `\xNN`
//!   and `\` doubled;
//! - the request line is wrapped in ANSI colours by status (Werkzeug always adds them: green
//!   for a redirect, yellow for 404, bold red for another 4xx, bold magenta for a 5xx); the
//!   server pane renders them (`ui::ansi`);
//! - times are the virtual clock's, in UTC (the playground's only time zone).
//!
//! Written by hand: it is a format, and `tests/oracle/gen_server_log.py` records the real
//! server's lines (`tests/oracle/primitives/server_log.json`) for the tests below.

use crate::flask::iri;
use crate::text::calendar::UtcTime;

/// Werkzeug's access line for one request (without the final newline).
///
/// ```
/// use session_playground::flask::dev_server_log::access_line;
/// assert_eq!(
///     access_line("GET", "/count", "", 200, 1_767_225_600),
///     "127.0.0.1 - - [01/Jan/2026 00:00:00] \"GET /count HTTP/1.1\" 200 -"
/// );
/// ```
pub fn access_line(method: &str, path: &str, query: &str, status: u16, now: i64) -> String {
    let mut target = iri::path(path);
    if !query.is_empty() {
        target.push('?');
        target.push_str(&iri::query(query));
    }
    let request_line = escape_controls(&format!("{method} {target} HTTP/1.1"));
    let styled = match status_style(status) {
        Some(style) => format!("{style}{request_line}\x1b[0m"),
        None => request_line,
    };
    let t = UtcTime::at(now);
    format!(
        "127.0.0.1 - - [{:02}/{}/{:04} {:02}:{:02}:{:02}] \"{styled}\" {status} -",
        t.day,
        t.month_abbreviation(),
        t.year,
        t.hour,
        t.minute,
        t.second
    )
}

/// The first line Flask logs for an exception in a view (its traceback follows).
///
/// ```
/// use session_playground::flask::dev_server_log::error_line;
/// assert_eq!(
///     error_line("GET", "/boom", 1_767_225_600),
///     "[2026-01-01 00:00:00,000] ERROR in app: Exception on /boom [GET]"
/// );
/// ```
pub fn error_line(method: &str, decoded_path: &str, now: i64) -> String {
    let t = UtcTime::at(now);
    format!(
        "[{:04}-{:02}-{:02} {:02}:{:02}:{:02},000] ERROR in app: Exception on {decoded_path} [{method}]",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

/// The ANSI styles Werkzeug's `log_request` puts around the request line.
fn status_style(status: u16) -> Option<&'static str> {
    match status {
        100..=199 => Some("\x1b[1m"),
        200 => None,
        304 => Some("\x1b[36m"),
        300..=399 => Some("\x1b[32m"),
        404 => Some("\x1b[33m"),
        400..=499 => Some("\x1b[31m\x1b[1m"),
        _ => Some("\x1b[35m\x1b[1m"),
    }
}

/// `log_request`'s control-character table: C0, DEL and C1 as `\xNN`, and `\` doubled.
fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Case {
        instant: String,
        method: String,
        target: String,
        status: u16,
        access: String,
        error: Option<String>,
    }

    fn instant(text: &str) -> i64 {
        crate::browser::clock::parse_instant(text).expect("fixture instants are RFC 3339")
    }

    #[test]
    fn lines_match_the_real_development_server() {
        let cases: Vec<Case> = serde_json::from_str(include_str!(
            "../../tests/oracle/primitives/server_log.json"
        ))
        .unwrap();
        assert!(cases.len() >= 10);
        for case in cases {
            let now = instant(&case.instant);
            let (path, query) = case.target.split_once('?').unwrap_or((&case.target, ""));
            assert_eq!(
                access_line(&case.method, path, query, case.status, now),
                case.access,
                "{}",
                case.target
            );
            if let Some(error) = case.error {
                let bytes = crate::python::text::url_text::unquote_to_bytes(path);
                let decoded = String::from_utf8_lossy(&bytes).into_owned();
                assert_eq!(
                    error_line(&case.method, &decoded, now),
                    error,
                    "{}",
                    case.target
                );
            }
        }
    }
}
