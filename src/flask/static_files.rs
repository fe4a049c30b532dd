//! Sending a project file as Werkzeug 3.1's `send_file` sends it: what Flask's static route
//! (`/static/<path:filename>`), `send_from_directory` and `send_file` answer. This module owns
//! the file's headers (`Content-Type` by CPython's `mimetypes`, `Content-Disposition`,
//! `Last-Modified`, `ETag`, `Cache-Control`/`Expires`), Werkzeug's `safe_join`, and the
//! conditional answers of `make_conditional` (`If-None-Match`, `If-Modified-Since`, `If-Match`
//! → 304/412; `Range`/`If-Range` → 206 or 416). The `Response` object is made by the prelude
//! (`prelude/flask.py`, `send_file`), which reaches this module through `_send_file`.
//!
//! **How the file's identity is pinned.** Werkzeug's ETag is `"{mtime}-{size}-{check}"`, the
//! check being the Adler-32 of the file's absolute path on disk, and `Last-Modified` is the
//! mtime. A project here has no disk, so both are fixed by agreement with the oracle
//! (`tests/oracle/oracle.py`): the oracle writes every project under [`DISK_FOLDER`] and sets
//! every file's mtime to the scenario's starting clock, and this module hashes the same path
//! (the app's `/project/...` path with [`APP_ROOT`] replaced by [`DISK_FOLDER`]) and takes the
//! time the server was given its files as the mtime (for a scenario, its starting clock; in
//! the page, the moment the reloader last started the server). The app itself still sees its
//! folder as `/project`. The Content-Type comes from CPython 3.11's own table
//! (`mime_table`), never a machine's `/etc/mime.types`, which the oracle also leaves out.
//!
//! Adler-32 is written here (six lines) rather than called through `libz-sys`, which the
//! crate links for deflate but only offers through `unsafe` FFI.

use std::rc::Rc;

use crate::flask::context::Shared;
use crate::flask::mime_table;
use crate::flask::project::{APP_ROOT, ProjectFiles};
use crate::python::text::email_date::parsedate_to_datetime;
use crate::python::{PyResult, Value, builtin};
use crate::text::calendar::{days_from_civil, http_date};

/// Where the oracle writes a project, so the path its ETags hash is the same on every run.
pub const DISK_FOLDER: &str = "/tmp/flask-playground/project";

/// What the app asked `send_file` for (its keyword arguments, resolved by the prelude).
#[derive(Clone, Debug, Default)]
pub struct SendOptions {
    /// `mimetype=`; guessed from the name when absent.
    pub mimetype: Option<String>,
    /// `as_attachment=`.
    pub as_attachment: bool,
    /// `download_name=`; the file's own name when absent.
    pub download_name: Option<String>,
    /// `conditional=` (Werkzeug's default is on).
    pub conditional: bool,
    /// `etag=`: `None` for `False`, `Some(None)` for `True`, `Some(Some(tag))` for a string.
    pub etag: Option<Option<String>>,
    /// `last_modified=` in Unix seconds, instead of the mtime.
    pub last_modified: Option<i64>,
    /// `max_age=` in seconds (`None`: `Cache-Control: no-cache` only).
    pub max_age: Option<i64>,
}

/// The request headers a conditional answer reads (absent ones `None`).
#[derive(Clone, Debug, Default)]
pub struct Conditions {
    /// The request's method: only GET and HEAD are answered conditionally.
    pub method: String,
    /// `If-None-Match`.
    pub if_none_match: Option<String>,
    /// `If-Modified-Since`.
    pub if_modified_since: Option<String>,
    /// `If-Match`.
    pub if_match: Option<String>,
    /// `Range`.
    pub range: Option<String>,
    /// `If-Range`.
    pub if_range: Option<String>,
}

/// What sending a file comes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sent {
    /// `RequestedRangeNotSatisfiable` for a file of this many bytes.
    RangeNotSatisfiable(usize),
    /// A response: the status, the mimetype (the prelude's `Response` adds the charset), the
    /// headers besides `Content-Type`/`Content-Length`, the body, and whether the response's
    /// entity headers go (a 304 keeps none of them, as Werkzeug's `get_wsgi_headers`).
    File {
        /// 200, 206, 304 or 412.
        status: u16,
        /// The guessed or given mimetype.
        mimetype: String,
        /// The other headers, in Werkzeug's order.
        headers: Vec<(String, String)>,
        /// The bytes sent (the range's, for a 206).
        body: Vec<u8>,
        /// A 304: `Content-Type`, `Content-Length`, `Last-Modified` and the like are dropped.
        not_modified: bool,
    },
}

/// Werkzeug's `safe_join(directory, name)`, then the project's file there: its absolute path
/// as the app sees it and its text. `None` when the name climbs out (`../app.py`), is absolute,
/// or names no file (a folder, a missing file).
pub fn find<'a>(files: &'a ProjectFiles, directory: &str, name: &str) -> Option<(String, &'a str)> {
    let name = normpath(name);
    if name.starts_with('/') || name == ".." || name.starts_with("../") || name.contains('\\') {
        return None;
    }
    let full = join(directory, &name);
    let relative = full.strip_prefix(APP_ROOT)?;
    files.get(relative).map(|text| (full.clone(), text))
}

/// `os.path.join(root, path)` for `/`-separated paths: an absolute `path` stands alone.
pub fn join(root: &str, path: &str) -> String {
    if path.starts_with('/') || root.is_empty() {
        path.to_string()
    } else if root.ends_with('/') {
        format!("{root}{path}")
    } else {
        format!("{root}/{path}")
    }
}

/// `posixpath.normpath`: `.` and empty segments go, `..` eats the segment before it.
fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// `send_file(path, ...)` for the file at `path` (absolute, as the app sees it) holding
/// `text`, last written at `mtime`, answering a request with `conditions` at time `now`.
pub fn send(
    path: &str,
    text: &str,
    mtime: i64,
    options: &SendOptions,
    conditions: &Conditions,
    now: i64,
) -> Sent {
    let data = text.as_bytes();
    let size = data.len();
    let base = path.rsplit('/').next().unwrap_or(path);
    let download_name = options.download_name.as_deref().unwrap_or(base);
    let mut headers: Vec<(String, String)> = Vec::new();
    let mimetype = match &options.mimetype {
        Some(given) => given.clone(),
        None => {
            let (guessed, encoding) = guess_type(download_name);
            // Werkzeug leaves the encoding out of attachments (a saved .tar.gz stays packed).
            if let (Some(encoding), false) = (encoding, options.as_attachment) {
                headers.push(("Content-Encoding".into(), encoding.into()));
            }
            guessed.unwrap_or("application/octet-stream").to_string()
        }
    };
    headers.push((
        "Content-Disposition".into(),
        content_disposition(download_name, options.as_attachment),
    ));
    let last_modified = http_date(options.last_modified.unwrap_or(mtime));
    headers.push(("Last-Modified".into(), last_modified.clone()));
    headers.push(("Cache-Control".into(), cache_control(options.max_age)));
    if let Some(age) = options.max_age {
        headers.push(("Expires".into(), http_date(now + age)));
    }
    let etag = match &options.etag {
        None => None,
        Some(Some(given)) => Some(given.clone()),
        Some(None) => {
            let disk = match path.strip_prefix(APP_ROOT) {
                Some(rest) => format!("{DISK_FOLDER}/{rest}"),
                None => path.to_string(),
            };
            Some(format!("{mtime}.0-{size}-{}", adler32(disk.as_bytes())))
        }
    };
    if let Some(tag) = &etag {
        headers.push(("ETag".into(), format!("\"{tag}\"")));
    }
    let mut status = 200;
    let mut body = data.to_vec();
    let conditional = options.conditional && matches!(conditions.method.as_str(), "GET" | "HEAD");
    if conditional {
        headers.push(("Date".into(), http_date(now)));
        headers.push(("Accept-Ranges".into(), "bytes".into()));
        let etag = etag.as_deref();
        let processable = conditions.range.is_some()
            && (conditions.if_range.is_none()
                || !is_modified(conditions, etag, &last_modified, false));
        let mut partial = false;
        if size > 0 && processable {
            let Some((start, stop)) = byte_range(conditions.range.as_deref().unwrap_or(""), size)
            else {
                return Sent::RangeNotSatisfiable(size);
            };
            headers.push((
                "Content-Range".into(),
                format!("bytes {start}-{}/{size}", stop - 1),
            ));
            body = data[start..stop].to_vec();
            status = 206;
            partial = true;
        }
        if !partial && !is_modified(conditions, etag, &last_modified, true) {
            if parse_etags(conditions.if_match.as_deref()).any() {
                status = 412;
            } else {
                // Werkzeug sends no body with a 304.
                status = 304;
                body.clear();
            }
        }
    }
    Sent::File {
        status,
        mimetype,
        headers,
        body,
        not_modified: status == 304,
    }
}

/// `_send_file(directory, path, method, if_none_match, if_modified_since, if_match, range,
/// if_range, mimetype, as_attachment, download_name, conditional, etag, last_modified,
/// max_age)`: the prelude's `send_file`/`send_from_directory` (a `directory` of `None` is
/// `send_file`'s path under the app's folder). Returns `None` for no such file, the file's
/// length when the range cannot be given (416), or `(status, mimetype, headers, body,
/// not_modified)`.
pub fn send_file_builtin(shared: Rc<Shared>) -> Value {
    builtin("_send_file", move |it, args| {
        let mut text = |i: usize| -> PyResult<Option<String>> {
            match args.pos.get(i) {
                None | Some(Value::None) => Ok(None),
                Some(v) => it.to_str(v).map(Some),
            }
        };
        let directory = text(0)?;
        let path = text(1)?.unwrap_or_default();
        let conditions = Conditions {
            method: text(2)?.unwrap_or_default(),
            if_none_match: text(3)?,
            if_modified_since: text(4)?,
            if_match: text(5)?,
            range: text(6)?,
            if_range: text(7)?,
        };
        let mimetype = text(8)?;
        let download_name = text(10)?;
        let etag = match args.pos.get(12) {
            Some(Value::Str(_)) => Some(text(12)?),
            Some(v) if it.truthy(v)? => Some(None),
            _ => None,
        };
        let int = |i: usize| args.pos.get(i).and_then(Value::as_i64);
        let options = SendOptions {
            mimetype,
            as_attachment: matches!(args.pos.get(9), Some(Value::Bool(true))),
            download_name,
            conditional: !matches!(args.pos.get(11), Some(Value::Bool(false))),
            etag,
            last_modified: int(13),
            max_age: int(14),
        };
        let files = shared.files.borrow();
        let found = match &directory {
            Some(directory) => find(&files, &join(APP_ROOT, directory), &path),
            None => {
                let full = join(APP_ROOT, &path);
                let relative = full.strip_prefix(APP_ROOT).unwrap_or("");
                files.get(relative).map(|text| (full.clone(), text))
            }
        };
        let Some((full, content)) = found else {
            return Ok(Value::None);
        };
        let sent = send(
            &full,
            content,
            shared.files_mtime.get(),
            &options,
            &conditions,
            shared.now.get(),
        );
        Ok(match sent {
            Sent::RangeNotSatisfiable(length) => Value::Int(length as i64),
            Sent::File {
                status,
                mimetype,
                headers,
                body,
                not_modified,
            } => Value::tuple(vec![
                Value::Int(i64::from(status)),
                Value::str(&mimetype),
                Value::list(
                    headers
                        .iter()
                        .map(|(n, v)| Value::tuple(vec![Value::str(n), Value::str(v)]))
                        .collect(),
                ),
                Value::Bytes(Rc::from(body)),
                Value::Bool(not_modified),
            ]),
        })
    })
}

/// `mimetypes.guess_type(name)` (strict) with CPython 3.11's table: the type and the
/// compression (`Content-Encoding`) the name's extensions say.
///
/// ```
/// use session_playground::flask::static_files::guess_type;
/// assert_eq!(guess_type("site.css"), (Some("text/css"), None));
/// assert_eq!(guess_type("a.tgz"), (Some("application/x-tar"), Some("gzip")));
/// assert_eq!(guess_type("README"), (None, None));
/// ```
pub fn guess_type(name: &str) -> (Option<&'static str>, Option<&'static str>) {
    // `urllib.parse._splittype`: a name like `x:y.css` reads as scheme `x` and `y.css`.
    let mut url = name.to_string();
    if let Some(colon) = url.find(':') {
        let scheme = &url[..colon];
        if !scheme.is_empty() && !scheme.contains('/') {
            if scheme.eq_ignore_ascii_case("data") {
                return (None, None);
            }
            url = url[colon + 1..].to_string();
        }
    }
    let (mut base, mut ext) = splitext(&url);
    while let Some(longer) = lookup(mime_table::SUFFIXES, &ext.to_lowercase()) {
        let joined = format!("{base}{longer}");
        (base, ext) = splitext(&joined);
    }
    let encoding = lookup(mime_table::ENCODINGS, &ext);
    if encoding.is_some() {
        (_, ext) = splitext(&base);
    }
    (lookup(mime_table::TYPES, &ext.to_lowercase()), encoding)
}

/// The value of `key` in one of `mime_table`'s tables (`key value` lines).
fn lookup(table: &'static str, key: &str) -> Option<&'static str> {
    table
        .split('\n')
        .find_map(|line| line.split_once(' ').filter(|(k, _)| *k == key))
        .map(|(_, value)| value)
}

/// `posixpath.splitext`: the last extension of the last segment, leading dots not counting.
fn splitext(path: &str) -> (String, String) {
    let start = path.rfind('/').map_or(0, |i| i + 1);
    let name = &path[start..];
    let leading = name.len() - name.trim_start_matches('.').len();
    match name.rfind('.') {
        Some(dot) if dot >= leading => {
            let at = start + dot;
            (path[..at].to_string(), path[at..].to_string())
        }
        _ => (path.to_string(), String::new()),
    }
}

/// `Content-Disposition: inline; filename=...` as Werkzeug writes it: an ASCII name quoted
/// when it is not a token; any other name as its ASCII letters plus `filename*` (RFC 5987).
fn content_disposition(name: &str, attachment: bool) -> String {
    let kind = if attachment { "attachment" } else { "inline" };
    if name.is_ascii() {
        return format!("{kind}; filename={}", quote_header_value(name));
    }
    let simple: String = name.chars().map(ascii_fold).collect();
    let mut quoted = String::new();
    for byte in name.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(byte) {
            quoted.push(*byte as char);
        } else {
            quoted.push_str(&format!("%{byte:02X}"));
        }
    }
    format!(
        "{kind}; filename={}; filename*=UTF-8''{quoted}",
        quote_header_value(&simple)
    )
}

/// What `unicodedata.normalize("NFKD", c).encode("ascii", "ignore")` leaves of one character,
/// for the Latin letters a file name is likely to hold (generated table); others leave nothing.
fn ascii_fold(c: char) -> String {
    if c.is_ascii() {
        return c.to_string();
    }
    crate::flask::mime_table::ASCII_FOLD
        .split('\n')
        .find(|entry| entry.starts_with(c))
        .map(|entry| entry[c.len_utf8()..].to_string())
        .unwrap_or_default()
}

/// Werkzeug's `quote_header_value`: a token stays as it is, anything else is quoted.
fn quote_header_value(value: &str) -> String {
    let token = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if token {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// `send_file`'s `Cache-Control`: `no-cache` unless a positive `max_age` makes it public.
fn cache_control(max_age: Option<i64>) -> String {
    match max_age {
        None => "no-cache".to_string(),
        Some(age) if age > 0 => format!("public, max-age={age}"),
        Some(age) => format!("no-cache, max-age={age}"),
    }
}

/// zlib's Adler-32 checksum.
fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// Werkzeug's `parse_date`: an HTTP (or any `email.utils`) date as Unix seconds; `None` when
/// it is not one. A date without a zone is UTC.
fn parse_date(text: &str) -> Option<i64> {
    let (t, offset) = parsedate_to_datetime(text).ok()?;
    let days = days_from_civil(t.year, t.month, t.day);
    let seconds = days * 86_400 + i64::from(t.hour) * 3600 + i64::from(t.minute) * 60;
    Some(seconds + i64::from(t.second) - offset.unwrap_or(0))
}

/// A parsed `If-None-Match`/`If-Match`: Werkzeug's `ETags`.
#[derive(Default)]
struct ETags {
    strong: Vec<String>,
    weak: Vec<String>,
    star: bool,
}

impl ETags {
    fn any(&self) -> bool {
        self.star || !self.strong.is_empty() || !self.weak.is_empty()
    }

    fn is_strong(&self, tag: &str) -> bool {
        self.strong.iter().any(|t| t == tag)
    }

    fn contains_weak(&self, tag: &str) -> bool {
        self.weak.iter().any(|t| t == tag) || self.star || self.is_strong(tag)
    }
}

/// Werkzeug's `parse_etags`: comma-separated tags, each `W/`-weak or not, quoted or bare; a
/// bare `*` is every tag.
fn parse_etags(value: Option<&str>) -> ETags {
    let mut tags = ETags::default();
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return tags;
    };
    let mut rest = value;
    while !rest.is_empty() {
        let weak = rest.starts_with("W/") || rest.starts_with("w/");
        if weak {
            rest = &rest[2..];
        }
        // A quoted tag ends at the first closing quote that a separator (or the end) follows;
        // a bare one at the first separator.
        let mut found = None;
        if let Some(inner) = rest.strip_prefix('"') {
            for (i, _) in inner.match_indices('"') {
                if let Some(after) = separator_end(&inner[i + 1..]) {
                    found = Some((inner[..i].to_string(), &inner[i + 1 + after..]));
                    break;
                }
            }
        }
        if found.is_none() {
            for (i, _) in rest.char_indices().chain([(rest.len(), ' ')]) {
                if let Some(after) = separator_end(&rest[i..]) {
                    found = Some((rest[..i].to_string(), &rest[i + after..]));
                    break;
                }
            }
        }
        let Some((raw, next)) = found else {
            break;
        };
        if raw == "*" && !rest.starts_with('"') {
            tags.star = true;
            return tags;
        }
        if weak {
            tags.weak.push(raw);
        } else {
            tags.strong.push(raw);
        }
        if next.len() == rest.len() {
            break;
        }
        rest = next;
    }
    tags
}

/// How much of `text` a separator takes (`\s*,\s*`, or nothing at the end); `None` if neither.
fn separator_end(text: &str) -> Option<usize> {
    if text.is_empty() {
        return Some(0);
    }
    let spaces = text.len() - text.trim_start().len();
    let after = &text[spaces..];
    let comma = after.strip_prefix(',')?;
    Some(spaces + 1 + (comma.len() - comma.trim_start().len()))
}

/// Werkzeug's `unquote_etag`: the tag without `W/` and quotes.
fn unquote_etag(value: &str) -> String {
    let mut value = value.trim();
    if value.starts_with("W/") || value.starts_with("w/") {
        value = &value[2..];
    }
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        value = &value[1..value.len() - 1];
    }
    value.to_string()
}

/// Werkzeug's `is_resource_modified` with the response's ETag (unquoted) and Last-Modified.
fn is_modified(
    conditions: &Conditions,
    etag: Option<&str>,
    last_modified: &str,
    ignore_if_range: bool,
) -> bool {
    // If-Range is read only beside a Range (RFC 7233 3.2): a date or a tag.
    let if_range = match (&conditions.range, &conditions.if_range) {
        (Some(_), Some(value)) if !ignore_if_range && !value.is_empty() => {
            Some(match parse_date(value) {
                Some(date) => (Some(date), None),
                None => (None, Some(unquote_etag(value))),
            })
        }
        _ => None,
    };
    let since = match &if_range {
        Some((Some(date), _)) => Some(*date),
        _ => conditions.if_modified_since.as_deref().and_then(parse_date),
    };
    let mut unmodified = matches!((since, parse_date(last_modified)), (Some(s), Some(l)) if l <= s);
    if let Some(tag) = etag {
        if let Some((_, Some(wanted))) = &if_range {
            unmodified = wanted == tag;
        } else {
            let none_match = parse_etags(conditions.if_none_match.as_deref());
            if none_match.any() {
                unmodified = none_match.contains_weak(tag);
            }
            let matching = parse_etags(conditions.if_match.as_deref());
            if matching.any() {
                unmodified = !matching.is_strong(tag);
            }
        }
    }
    !unmodified
}

/// Werkzeug's `parse_range_header` then `range_for_length`: the one byte range `[start, stop)`
/// of a `length`-byte body; `None` (416) for a malformed value, other units, several ranges or
/// a range past the end.
fn byte_range(value: &str, length: usize) -> Option<(usize, usize)> {
    let (units, ranges) = value.split_once('=')?;
    let units = units.trim_matches([' ', '\t']).to_ascii_lowercase();
    if units != "bytes" || ranges.contains(',') {
        return None;
    }
    let item = ranges.trim_matches([' ', '\t']);
    let length = i64::try_from(length).ok()?;
    let (mut start, end) = if item.starts_with('-') {
        let begin = plain_int(item)?;
        if begin == 0 {
            return None;
        }
        (begin, None)
    } else {
        let (begin, end) = item.split_once('-')?;
        let begin = plain_int(begin.trim_matches([' ', '\t']))?;
        if begin < 0 {
            return None;
        }
        let end = end.trim_matches([' ', '\t']);
        let end = if end.is_empty() {
            None
        } else {
            let end = plain_int(end)? + 1;
            if begin >= end {
                return None;
            }
            Some(end)
        };
        (begin, end)
    };
    let stop = match end {
        Some(end) => end,
        None => {
            if start < 0 {
                start += length;
            }
            length
        }
    };
    if start < 0 || start >= stop || start >= length {
        return None;
    }
    Some((start as usize, stop.min(length) as usize))
}

/// Werkzeug's `_plain_int`: an optional `-` and ASCII digits, nothing else.
fn plain_int(text: &str) -> Option<i64> {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(headers: &[(&str, &str)]) -> Conditions {
        let mut c = Conditions {
            method: "GET".into(),
            ..Conditions::default()
        };
        for (name, value) in headers {
            let value = Some(value.to_string());
            match *name {
                "If-None-Match" => c.if_none_match = value,
                "If-Modified-Since" => c.if_modified_since = value,
                "If-Match" => c.if_match = value,
                "Range" => c.range = value,
                "If-Range" => c.if_range = value,
                _ => unreachable!(),
            }
        }
        c
    }

    fn defaults() -> SendOptions {
        SendOptions {
            conditional: true,
            etag: Some(None),
            ..SendOptions::default()
        }
    }

    fn status(sent: &Sent) -> u16 {
        match sent {
            Sent::File { status, .. } => *status,
            Sent::RangeNotSatisfiable(_) => 416,
        }
    }

    #[test]
    fn adler32_is_zlibs() {
        // zlib's own check value for "Wikipedia" (RFC 1950's example in the article).
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn safe_join_refuses_climbing_out_and_folders() {
        let files = ProjectFiles::new([
            ("static/a.css".to_string(), "x".to_string()),
            ("app2.py".to_string(), "y".to_string()),
        ]);
        assert!(find(&files, "/project/static", "a.css").is_some());
        assert!(find(&files, "/project/static", "sub/../a.css").is_some());
        assert!(find(&files, "/project/static", "../app2.py").is_none());
        assert!(find(&files, "/project/static", "/project/app2.py").is_none());
        assert!(find(&files, "/project", "static").is_none());
    }

    #[test]
    fn etags_parse_as_werkzeug_reads_them() {
        let tags = parse_etags(Some(r#""a", W/"b" , c"#));
        assert_eq!(tags.strong, ["a", "c"]);
        assert_eq!(tags.weak, ["b"]);
        assert!(parse_etags(Some("*")).star);
        assert!(!parse_etags(Some("")).any());
    }

    #[test]
    fn conditions_give_304_412_206_and_416() {
        let sent = send(
            "/project/static/a.css",
            "abcdef",
            0,
            &defaults(),
            &get(&[]),
            0,
        );
        let Sent::File { headers, .. } = &sent else {
            panic!("{sent:?}")
        };
        let etag = headers.iter().find(|(n, _)| n == "ETag").unwrap().1.clone();
        let run = |h: &[(&str, &str)]| {
            status(&send(
                "/project/static/a.css",
                "abcdef",
                0,
                &defaults(),
                &get(h),
                0,
            ))
        };
        assert_eq!(run(&[("If-None-Match", &etag)]), 304);
        assert_eq!(run(&[("If-None-Match", "\"other\"")]), 200);
        assert_eq!(
            run(&[("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")]),
            304
        );
        assert_eq!(
            run(&[("If-Match", "\"other\""), ("If-None-Match", &etag)]),
            412
        );
        assert_eq!(run(&[("Range", "bytes=1-2")]), 206);
        assert_eq!(run(&[("Range", "bytes=9-")]), 416);
        assert_eq!(run(&[("Range", "bytes=0-1,3-4")]), 416);
        assert_eq!(
            run(&[("Range", "bytes=0-1"), ("If-Range", "\"other\"")]),
            200
        );
    }

    #[test]
    fn names_and_types() {
        assert_eq!(guess_type("x.SVG"), (Some("image/svg+xml"), None));
        assert_eq!(guess_type(".bashrc"), (None, None));
        assert_eq!(splitext("a/b.c/d"), ("a/b.c/d".to_string(), String::new()));
        assert_eq!(
            content_disposition("a b.txt", false),
            "inline; filename=\"a b.txt\""
        );
    }
}
