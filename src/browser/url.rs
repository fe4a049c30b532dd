//! Just enough of URLs for the virtual browser: `http(s)://host[:port]/path?query`, a bare path
//! meaning "on the current site", and resolving a redirect's `Location` against the current URL.
//!
//! Written by hand because the playground only ever talks to `localhost`: the `url` crate (a full
//! WHATWG parser with IDNA tables) would cost more in the wasm bundle than the whole jar. What it
//! does follow from the URL Standard: the scheme and host are lower-cased, default ports vanish,
//! `\` counts as `/`, dot segments are removed, fragments are dropped (they never reach a server),
//! and characters a browser would percent-encode in a path or query are percent-encoded.

use std::fmt;

use serde::{Deserialize, Serialize};

/// `http` or `https`; other schemes never reach the virtual server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scheme {
    /// Plain `http` (the playground's default).
    #[default]
    Http,
    /// `https`.
    Https,
}

impl Scheme {
    /// `"http"` or `"https"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

/// An absolute http(s) URL, normalised.
///
/// ```
/// use session_playground::browser::Url;
/// let url = Url::parse("HTTP://LocalHost:80/a/./b/../c?x=1#top").unwrap();
/// assert_eq!(url.to_string(), "http://localhost/a/c?x=1");
/// assert_eq!(url.resolve("d?y=2").unwrap().to_string(), "http://localhost/a/d?y=2");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Url {
    /// The scheme.
    pub scheme: Scheme,
    /// The lower-cased host, e.g. `localhost`.
    pub host: String,
    /// The port when it is not the scheme's default.
    pub port: Option<u16>,
    /// The percent-encoded path, always starting with `/`.
    pub path: String,
    /// The percent-encoded query without `?` (empty when none).
    pub query: String,
}

/// Why a URL could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UrlError {
    /// The text was empty.
    Empty,
    /// A scheme other than http or https (`javascript:`, `ftp:`, ...).
    UnsupportedScheme {
        /// The scheme as written.
        scheme: String,
    },
    /// No host after `//`, or a host with characters a host cannot have.
    BadHost {
        /// The host as written.
        host: String,
    },
    /// A port that is not a number from 0 to 65535.
    BadPort {
        /// The port as written.
        port: String,
    },
    /// Neither an absolute URL nor a path starting with `/`.
    NotAbsolute {
        /// The text as written.
        text: String,
    },
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => f.write_str("empty URL"),
            UrlError::UnsupportedScheme { scheme } => {
                write!(
                    f,
                    "the virtual browser only follows http and https URLs, not {scheme}:"
                )
            }
            UrlError::BadHost { host } => write!(f, "\"{host}\" is not a valid host"),
            UrlError::BadPort { port } => write!(f, "\"{port}\" is not a valid port"),
            UrlError::NotAbsolute { text } => {
                write!(f, "\"{text}\" is neither a URL nor a path starting with /")
            }
        }
    }
}

impl std::error::Error for UrlError {}

impl Url {
    /// Parses an absolute `http(s)://` URL.
    pub fn parse(text: &str) -> Result<Url, UrlError> {
        let text = strip_fragment(text.trim_matches(|c: char| c <= ' '));
        if text.is_empty() {
            return Err(UrlError::Empty);
        }
        let Some((scheme, rest)) = split_scheme(text) else {
            return Err(UrlError::NotAbsolute {
                text: text.to_string(),
            });
        };
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            _ => {
                return Err(UrlError::UnsupportedScheme {
                    scheme: scheme.to_string(),
                });
            }
        };
        let rest = rest.trim_start_matches(['/', '\\']);
        let authority_end = rest.find(['/', '\\', '?']).unwrap_or(rest.len());
        let (authority, path_and_query) = rest.split_at(authority_end);
        let (host, port) = parse_authority(authority, scheme)?;
        let (path, query) = split_query(path_and_query);
        Ok(Url {
            scheme,
            host,
            port,
            path: normalise_path(if path.is_empty() { "/" } else { path }),
            query: encode(query, is_query_byte_kept),
        })
    }

    /// The URL of `path_and_query` (e.g. `/count?x=1`) on `http://localhost`, or an absolute URL.
    ///
    /// ```
    /// use session_playground::browser::Url;
    /// assert_eq!(Url::localhost("/count?x=1").unwrap().to_string(), "http://localhost/count?x=1");
    /// assert!(Url::localhost("count").is_err());
    /// ```
    pub fn localhost(path_or_url: &str) -> Result<Url, UrlError> {
        let base = Url {
            scheme: Scheme::Http,
            host: "localhost".into(),
            port: None,
            path: "/".into(),
            query: String::new(),
        };
        let trimmed = path_or_url.trim_matches(|c: char| c <= ' ');
        if trimmed.is_empty() {
            return Err(UrlError::Empty);
        }
        if split_scheme(trimmed).is_none() && !trimmed.starts_with(['/', '\\']) {
            return Err(UrlError::NotAbsolute {
                text: trimmed.to_string(),
            });
        }
        base.resolve(trimmed)
    }

    /// Resolves a reference (a `Location` value, a link) against this URL (RFC 3986 §5.2).
    pub fn resolve(&self, reference: &str) -> Result<Url, UrlError> {
        // The URL Standard drops every ASCII tab and newline, wherever they stand.
        let reference: String = reference
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let reference = strip_fragment(reference.trim_matches(|c: char| c <= ' '));
        if split_scheme(reference).is_some() {
            return Url::parse(reference);
        }
        if reference.starts_with("//") || reference.starts_with("\\\\") {
            return Url::parse(&format!("{}:{reference}", self.scheme.as_str()));
        }
        let (path, query) = split_query(reference);
        let mut resolved = self.clone();
        if path.is_empty() {
            if reference.starts_with('?') {
                resolved.query = encode(query, is_query_byte_kept);
            }
            return Ok(resolved);
        }
        resolved.path = if path.starts_with(['/', '\\']) {
            normalise_path(path)
        } else {
            let directory_end = self.path.rfind('/').map_or(0, |index| index + 1);
            normalise_path(&format!("{}{path}", &self.path[..directory_end]))
        };
        resolved.query = encode(query, is_query_byte_kept);
        Ok(resolved)
    }

    /// The value of the `Host` header: the host, plus `:port` when it is not the default.
    pub fn host_header(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// The origin, e.g. `http://localhost:5000`.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme.as_str(), self.host_header())
    }

    /// The path plus `?query` when there is one, as a request line would carry it.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }

    /// The scheme and host the browser treats as "secure" for cookies: https, and also
    /// `localhost` (and `*.localhost`, `127.0.0.1`, `[::1]`), which browsers treat as potentially
    /// trustworthy although it is plain http.
    pub fn is_potentially_trustworthy(&self) -> bool {
        self.scheme == Scheme::Https
            || self.host == "localhost"
            || self.host.ends_with(".localhost")
            || self.host == "[::1]"
            || self.host.starts_with("127.")
    }

    /// Whether the host is an IP address (a domain cookie can never apply to one).
    pub fn host_is_ip(&self) -> bool {
        self.host.starts_with('[')
            || self
                .host
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'.')
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin(), self.path_and_query())
    }
}

fn strip_fragment(text: &str) -> &str {
    text.split_once('#').map_or(text, |(before, _)| before)
}

/// `scheme ":" rest` when the text starts with a scheme (a letter, then letters, digits, `+-.`).
fn split_scheme(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| (scheme, &text[colon + 1..]))
}

fn split_query(text: &str) -> (&str, &str) {
    text.split_once('?').unwrap_or((text, ""))
}

fn parse_authority(authority: &str, scheme: Scheme) -> Result<(String, Option<u16>), UrlError> {
    // Credentials in a URL never reach the request line; drop them like a browser does.
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let (host, port) = match authority.rfind(':') {
        Some(colon) if !authority[colon..].contains(']') => {
            (&authority[..colon], Some(&authority[colon + 1..]))
        }
        _ => (authority, None),
    };
    let host = host.to_ascii_lowercase();
    let host_ok = !host.is_empty()
        && (host
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_'))
            || (host.starts_with('[')
                && host.ends_with(']')
                && host[1..host.len() - 1]
                    .bytes()
                    .all(|byte| byte.is_ascii_hexdigit() || byte == b':')));
    if !host_ok {
        return Err(UrlError::BadHost { host });
    }
    let port = match port {
        None | Some("") => None,
        Some(text) => {
            let number: u16 = text
                .parse()
                .ok()
                .filter(|_| text.bytes().all(|byte| byte.is_ascii_digit()))
                .ok_or_else(|| UrlError::BadPort {
                    port: text.to_string(),
                })?;
            (number != scheme.default_port()).then_some(number)
        }
    };
    Ok((host, port))
}

/// Percent-encodes, turns `\` into `/`, and removes `.` and `..` segments (RFC 3986 §5.2.4).
fn normalise_path(path: &str) -> String {
    let path = encode(&path.replace('\\', "/"), is_path_byte_kept);
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (index, segment) in segments.iter().enumerate() {
        match segment.to_ascii_lowercase().as_str() {
            "." | "%2e" => {
                if index == last {
                    output.push("");
                }
            }
            ".." | ".%2e" | "%2e." | "%2e%2e" => {
                output.pop();
                if index == last {
                    output.push("");
                }
            }
            _ => output.push(segment),
        }
    }
    format!("/{}", output.join("/"))
}

fn is_path_byte_kept(byte: u8) -> bool {
    byte > b' '
        && byte < 0x7F
        && !matches!(byte, b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'#' | b'?')
}

fn is_query_byte_kept(byte: u8) -> bool {
    byte > b' ' && byte < 0x7F && !matches!(byte, b'"' | b'<' | b'>' | b'#' | b'\'')
}

fn encode(text: &str, keep: fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if keep(byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn parse_normalises_scheme_host_and_default_port() {
        assert_eq!(url("HTTP://LOCALHOST:80").to_string(), "http://localhost/");
        assert_eq!(url("https://localhost:443/x").port, None);
        assert_eq!(
            url("http://localhost:5000/x").host_header(),
            "localhost:5000"
        );
        assert_eq!(
            url("http://user:pw@localhost/").to_string(),
            "http://localhost/"
        );
    }

    #[test]
    fn parse_rejects_other_schemes_and_bad_hosts() {
        assert_eq!(
            Url::parse("javascript:alert(1)"),
            Err(UrlError::UnsupportedScheme {
                scheme: "javascript".into()
            })
        );
        // Like WHATWG URL parsing, extra slashes before the host are skipped.
        assert_eq!(url("http:///x").host, "x");
        assert!(matches!(
            Url::parse("http://"),
            Err(UrlError::BadHost { .. })
        ));
        assert!(matches!(
            Url::parse("http://local host/"),
            Err(UrlError::BadHost { .. })
        ));
        assert!(matches!(
            Url::parse("http://localhost:99999/"),
            Err(UrlError::BadPort { .. })
        ));
        assert!(matches!(
            Url::parse("/relative"),
            Err(UrlError::NotAbsolute { .. })
        ));
        assert_eq!(Url::parse(""), Err(UrlError::Empty));
        assert_eq!(
            UrlError::UnsupportedScheme {
                scheme: "ftp".into()
            }
            .to_string(),
            "the virtual browser only follows http and https URLs, not ftp:"
        );
    }

    #[test]
    fn resolve_follows_rfc_3986_examples() {
        let base = url("http://localhost/b/c/d;p?q");
        for (reference, expected) in [
            ("g", "http://localhost/b/c/g"),
            ("./g", "http://localhost/b/c/g"),
            ("g/", "http://localhost/b/c/g/"),
            ("/g", "http://localhost/g"),
            ("//other/g", "http://other/g"),
            ("?y", "http://localhost/b/c/d;p?y"),
            ("g?y", "http://localhost/b/c/g?y"),
            ("#s", "http://localhost/b/c/d;p?q"),
            ("", "http://localhost/b/c/d;p?q"),
            (".", "http://localhost/b/c/"),
            ("..", "http://localhost/b/"),
            ("../g", "http://localhost/b/g"),
            ("../../../g", "http://localhost/g"),
            ("g;x=1/../y", "http://localhost/b/c/y"),
            ("https://localhost/z", "https://localhost/z"),
        ] {
            assert_eq!(
                base.resolve(reference).unwrap().to_string(),
                expected,
                "{reference}"
            );
        }
    }

    #[test]
    fn paths_and_queries_are_percent_encoded_like_a_browser() {
        assert_eq!(
            url("http://localhost/a b/é?q=a b&r='x'").to_string(),
            "http://localhost/a%20b/%C3%A9?q=a%20b&r=%27x%27"
        );
        assert_eq!(url("http://localhost\\a\\b").path, "/a/b");
    }

    #[test]
    fn localhost_is_potentially_trustworthy_even_over_http() {
        assert!(url("http://localhost/").is_potentially_trustworthy());
        assert!(url("http://127.0.0.1/").is_potentially_trustworthy());
        assert!(url("http://app.localhost/").is_potentially_trustworthy());
        assert!(!url("http://example.com/").is_potentially_trustworthy());
        assert!(url("https://example.com/").is_potentially_trustworthy());
    }
}
