//! Plain HTTP messages as data, shared by the `browser` (which sends requests and stores what
//! comes back) and `flask` (which answers them). No logic beyond header look-ups lives here, so
//! neither layer depends on the other.

use serde::{Deserialize, Serialize};

/// One request as it reaches the server: what a WSGI `environ` is built from.
///
/// `path` is the raw, percent-encoded path (always starting with `/`); `query` is the raw query
/// string without the `?` (empty when there is none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Upper-case method, e.g. `GET`.
    pub method: String,
    /// `http` or `https`.
    pub scheme: String,
    /// The `Host` the browser addressed, e.g. `localhost` (with `:port` when not the default).
    pub host: String,
    /// Raw path, e.g. `/count`.
    pub path: String,
    /// Raw query string without `?`, e.g. `a=1&b=2`.
    pub query: String,
    /// Header fields in the order they are sent (the browser adds `Host` and `Cookie` here).
    pub headers: Vec<(String, String)>,
    /// The body bytes (a urlencoded form for a form post).
    pub body: Vec<u8>,
}

/// One response as the application produced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The status code, e.g. `200`.
    pub status: u16,
    /// Header fields in the application's order (several `Set-Cookie` fields stay separate).
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

/// The first value of the header `name` (compared case-insensitively), if any.
///
/// ```
/// use session_playground::http::header;
/// let headers = vec![("Content-Type".to_string(), "text/plain".to_string())];
/// assert_eq!(header(&headers, "content-type"), Some("text/plain"));
/// assert_eq!(header(&headers, "Location"), None);
/// ```
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// Every value of the header `name` (compared case-insensitively), in order.
///
/// ```
/// use session_playground::http::header_all;
/// let headers = vec![
///     ("Set-Cookie".to_string(), "a=1".to_string()),
///     ("Vary".to_string(), "Cookie".to_string()),
///     ("set-cookie".to_string(), "b=2".to_string()),
/// ];
/// assert_eq!(header_all(&headers, "Set-Cookie").collect::<Vec<_>>(), ["a=1", "b=2"]);
/// ```
pub fn header_all<'a>(
    headers: &'a [(String, String)],
    name: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    headers
        .iter()
        .filter(move |(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

impl Request {
    /// The first value of the request header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

impl Response {
    /// The first value of the response header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}
