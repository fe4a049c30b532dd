//! Sending a request the way a browser does: build it (Host, Cookie from the jar, a urlencoded
//! form body, the learner's extra headers, no User-Agent), hand it to a [`Server`], store every
//! `Set-Cookie` of the response, and follow redirects as the Fetch standard says.
//!
//! Redirect rules (Fetch "HTTP-redirect fetch", as `scenario-v1` states them):
//! - 301/302 turn a POST into a GET (and drop the form); other methods are kept;
//! - 303 turns anything but GET/HEAD into GET and drops the form;
//! - 307/308 keep the method and the form;
//! - `Location` is resolved against the current URL; a redirect leaving the current origin
//!   (e.g. `http://localhost`) is not followed: the playground has no other server;
//! - at most 20 redirects are followed (Chromium's limit): if the 21st response is also a
//!   redirect it is the final response and the outcome says "too many redirects";
//! - the extra headers are sent on every hop; the cookie decisions are made per hop.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::browser::jar::{CookieJar, CookieRequest, SendDecision, StoreDecision};
use crate::browser::site::SiteContext;
use crate::browser::url::{Url, UrlError};
use crate::http::{Request, Response};

/// Chromium's redirect limit.
pub const MAX_REDIRECTS: usize = 20;

/// Anything that answers HTTP requests at a virtual time: the simulated Flask app, or a test
/// double. Plain closures implement it too.
///
/// ```
/// use session_playground::browser::Server;
/// use session_playground::http::{Request, Response};
/// let mut hello = |_: &Request, _now: i64| Response { status: 200, headers: vec![], body: b"hi".to_vec() };
/// let request = Request { method: "GET".into(), scheme: "http".into(), host: "localhost".into(),
///     path: "/".into(), query: String::new(), headers: vec![], body: vec![] };
/// assert_eq!(hello.handle(&request, 0).body, b"hi");
/// ```
pub trait Server {
    /// Answers one request; `now` is the virtual time in Unix seconds.
    fn handle(&mut self, request: &Request, now: i64) -> Response;
}

impl<F: FnMut(&Request, i64) -> Response> Server for F {
    fn handle(&mut self, request: &Request, now: i64) -> Response {
        self(request, now)
    }
}

/// What the learner asks the browser to do: method, URL (a path like `/count?x=1` or an absolute
/// URL), form fields, extra headers and the site the request comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavigationRequest {
    /// The method, e.g. `GET` (upper-cased when sent).
    pub method: String,
    /// A path (`/count?x=1`, resolved against the current page) or an absolute URL.
    pub url: String,
    /// Form fields, sent urlencoded in the body (for GET/HEAD: in the query, as a browser does).
    pub form: Vec<(String, String)>,
    /// Extra request headers, sent on every hop.
    pub headers: Vec<(String, String)>,
    /// A JSON body (its text), sent as `application/json` instead of a form; dropped where a
    /// redirect drops a form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<String>,
    /// Same-site, or which other site started the request.
    pub site: SiteContext,
}

impl NavigationRequest {
    /// A plain GET of `url` typed in the address bar.
    ///
    /// ```
    /// use session_playground::browser::NavigationRequest;
    /// let request = NavigationRequest::get("/count");
    /// assert_eq!((request.method.as_str(), request.url.as_str()), ("GET", "/count"));
    /// ```
    pub fn get(url: &str) -> Self {
        NavigationRequest {
            method: "GET".into(),
            url: url.into(),
            ..NavigationRequest::default()
        }
    }

    /// A form POST of `fields` to `url`.
    pub fn post(url: &str, fields: &[(&str, &str)]) -> Self {
        NavigationRequest {
            method: "POST".into(),
            url: url.into(),
            form: fields
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
            ..NavigationRequest::default()
        }
    }

    /// The same request, started from `site`.
    pub fn from_site(mut self, site: SiteContext) -> Self {
        self.site = site;
        self
    }

    /// The same request with one more header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// One request/response exchange of a navigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// The URL requested.
    pub url: Url,
    /// The request exactly as the server received it.
    pub request: Request,
    /// The server's response.
    pub response: Response,
    /// The `Cookie` header sent, if any.
    pub cookie: Option<String>,
    /// Why each cookie in the jar was or was not sent.
    pub sent: Vec<SendDecision>,
    /// What happened to each `Set-Cookie` of the response.
    pub stored: Vec<StoreDecision>,
}

/// Why the browser stopped at a redirect response instead of following it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedirectStop {
    /// The 21st response was a redirect too (a loop, most likely): `ERR_TOO_MANY_REDIRECTS`.
    TooManyRedirects,
    /// The `Location` points outside the current origin.
    LeavesOrigin {
        /// The resolved URL.
        location: String,
    },
    /// The `Location` could not be used as a URL.
    BadLocation {
        /// The header value.
        location: String,
        /// Why.
        error: UrlError,
    },
}

impl fmt::Display for RedirectStop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectStop::TooManyRedirects => write!(
                f,
                "too many redirects: the browser gave up after {MAX_REDIRECTS} (ERR_TOO_MANY_REDIRECTS)"
            ),
            RedirectStop::LeavesOrigin { location } => write!(
                f,
                "redirect to {location} not followed: it leaves the playground's site"
            ),
            RedirectStop::BadLocation { location, error } => {
                write!(f, "redirect to \"{location}\" not followed: {error}")
            }
        }
    }
}

/// Everything that happened during one navigation.
///
/// Never without a hop: [`navigate`] records one before it returns an outcome, and deserialising
/// (a saved timeline, a shared link: data that can be anything) refuses an outcome without one,
/// so [`NavigationOutcome::final_hop`] always has a hop to return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SavedOutcome")]
pub struct NavigationOutcome {
    /// Every exchange, in order: the redirects followed, then the final one. Never empty.
    pub hops: Vec<Hop>,
    /// Set when the final response is a redirect the browser did not follow.
    pub stop: Option<RedirectStop>,
}

/// A [`NavigationOutcome`] as read from saved data, before it is checked to have a hop.
#[derive(Deserialize)]
struct SavedOutcome {
    hops: Vec<Hop>,
    stop: Option<RedirectStop>,
}

impl TryFrom<SavedOutcome> for NavigationOutcome {
    type Error = &'static str;

    fn try_from(saved: SavedOutcome) -> Result<Self, Self::Error> {
        if saved.hops.is_empty() {
            return Err("a navigation outcome has at least one request (hops is empty)");
        }
        Ok(NavigationOutcome {
            hops: saved.hops,
            stop: saved.stop,
        })
    }
}

impl NavigationOutcome {
    /// The last exchange: its response is what the page shows.
    pub fn final_hop(&self) -> &Hop {
        // Never empty (see the type's docs): `navigate` records a hop before returning, and
        // deserialising rejects an outcome without one.
        &self.hops[self.hops.len() - 1]
    }

    /// The redirect exchanges that were followed (all but the last hop).
    pub fn redirects(&self) -> &[Hop] {
        self.hops.split_last().map_or(&[], |(_, followed)| followed)
    }
}

/// Why a navigation could not start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NavigationError {
    /// The URL could not be parsed.
    BadUrl(UrlError),
    /// The method is not an HTTP token.
    BadMethod {
        /// The method as written.
        method: String,
    },
    /// The profile does not exist (or was a private window that has been closed).
    NoSuchProfile {
        /// The name asked for.
        name: String,
    },
}

impl fmt::Display for NavigationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NavigationError::BadUrl(error) => write!(f, "{error}"),
            NavigationError::BadMethod { method } => {
                write!(f, "\"{method}\" is not an HTTP method")
            }
            NavigationError::NoSuchProfile { name } => {
                write!(f, "there is no browser named \"{name}\"")
            }
        }
    }
}

impl std::error::Error for NavigationError {}

/// Sends `navigation` from a page at `current` (the base for relative URLs) using `jar`.
///
/// ```
/// use session_playground::browser::{navigation::navigate, CookieJar, NavigationRequest, Url};
/// use session_playground::http::{Request, Response};
/// let mut server = |request: &Request, _now: i64| match request.path.as_str() {
///     "/login" => Response { status: 302, body: vec![], headers: vec![
///         ("Location".into(), "/".into()), ("Set-Cookie".into(), "user=alice; Path=/".into())] },
///     _ => Response { status: 200, headers: vec![], body: b"home".to_vec() },
/// };
/// let mut jar = CookieJar::default();
/// let base = Url::localhost("/").unwrap();
/// let outcome = navigate(&mut jar, &base, &NavigationRequest::post("/login", &[("u", "alice")]), &mut server, 0).unwrap();
/// assert_eq!(outcome.redirects().len(), 1);
/// assert_eq!(outcome.final_hop().request.method, "GET");
/// assert_eq!(outcome.final_hop().cookie.as_deref(), Some("user=alice"));
/// ```
pub fn navigate(
    jar: &mut CookieJar,
    current: &Url,
    navigation: &NavigationRequest,
    server: &mut dyn Server,
    now: i64,
) -> Result<NavigationOutcome, NavigationError> {
    send(
        jar,
        current,
        navigation,
        server,
        now,
        CookiePlace::BeforeExtra,
    )
}

/// Where a request's `Cookie` header goes among its headers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CookiePlace {
    /// Before the extra headers (a navigation: the learner's headers come last).
    BeforeExtra,
    /// After them (a subresource: the extra headers are the browser's own, and Chromium sends
    /// `Cookie` last).
    Last,
}

/// [`navigate`], with the `Cookie` header at `cookie`: the one loop of requests, stored cookies
/// and redirects, for navigations and a page's subresources alike.
pub(crate) fn send(
    jar: &mut CookieJar,
    current: &Url,
    navigation: &NavigationRequest,
    server: &mut dyn Server,
    now: i64,
    cookie: CookiePlace,
) -> Result<NavigationOutcome, NavigationError> {
    let method = navigation.method.to_ascii_uppercase();
    if method.is_empty() || !method.bytes().all(is_token_byte) {
        return Err(NavigationError::BadMethod {
            method: navigation.method.clone(),
        });
    }
    let mut url = current
        .resolve(&navigation.url)
        .map_err(NavigationError::BadUrl)?;
    let mut body = Vec::new();
    let mut content_type = "application/x-www-form-urlencoded";
    let form = urlencode(&navigation.form);
    if matches!(method.as_str(), "GET" | "HEAD") {
        // A GET form puts its fields in the query, replacing any query the action URL had.
        if !navigation.form.is_empty() {
            url.query = form;
        }
    } else if let Some(json) = &navigation.json {
        body = json.clone().into_bytes();
        content_type = "application/json";
    } else if !navigation.form.is_empty() {
        body = form.into_bytes();
    }

    let mut method = method;
    let mut hops: Vec<Hop> = Vec::new();
    loop {
        let site = &navigation.site;
        let cookie_request = CookieRequest {
            url: &url,
            method: &method,
            site,
        };
        let retrieval = jar.retrieve(&cookie_request, now);
        let request = build_request(
            &url,
            &method,
            (content_type, &body),
            retrieval.header.as_deref(),
            &navigation.headers,
            cookie,
        );
        let response = server.handle(&request, now);
        let stored = crate::http::header_all(&response.headers, "Set-Cookie")
            .map(|header| jar.store(header, &cookie_request, now))
            .collect();
        let cookie = crate::http::header(&request.headers, "Cookie").map(str::to_string);
        let status = response.status;
        let location = is_redirect(status)
            .then(|| crate::http::header(&response.headers, "Location").map(str::to_string))
            .flatten();
        hops.push(Hop {
            url: url.clone(),
            request,
            response,
            cookie,
            sent: retrieval.decisions,
            stored,
        });

        let Some(location) = location else {
            return Ok(NavigationOutcome { hops, stop: None });
        };
        if hops.len() > MAX_REDIRECTS {
            return Ok(NavigationOutcome {
                hops,
                stop: Some(RedirectStop::TooManyRedirects),
            });
        }
        let next = match url.resolve(&location) {
            Ok(next) => next,
            Err(error) => {
                return Ok(NavigationOutcome {
                    hops,
                    stop: Some(RedirectStop::BadLocation { location, error }),
                });
            }
        };
        if next.origin() != url.origin() {
            return Ok(NavigationOutcome {
                hops,
                stop: Some(RedirectStop::LeavesOrigin {
                    location: next.to_string(),
                }),
            });
        }
        let becomes_get = match status {
            301 | 302 => method == "POST",
            303 => !matches!(method.as_str(), "GET" | "HEAD"),
            _ => false,
        };
        if becomes_get {
            method = "GET".to_string();
            body.clear();
        }
        url = next;
    }
}

/// The request as it goes on the wire: Host, the body's Content-Type/Length, Cookie, then the
/// extra headers. An extra header with the same name as a generated one replaces it (like `curl -H`).
fn build_request(
    url: &Url,
    method: &str,
    (content_type, body): (&str, &[u8]),
    cookie: Option<&str>,
    extra: &[(String, String)],
    place: CookiePlace,
) -> Request {
    let mut headers: Vec<(String, String)> = vec![("Host".into(), url.host_header())];
    if !body.is_empty() {
        headers.push(("Content-Type".into(), content_type.into()));
        headers.push(("Content-Length".into(), body.len().to_string()));
    }
    let cookie = cookie.map(|cookie| ("Cookie".to_string(), cookie.to_string()));
    if let Some(cookie) = cookie
        .as_ref()
        .filter(|_| place == CookiePlace::BeforeExtra)
    {
        headers.push(cookie.clone());
    }
    for (name, value) in extra {
        match headers
            .iter_mut()
            .find(|(existing, _)| existing.eq_ignore_ascii_case(name))
        {
            Some(slot) => slot.1 = value.clone(),
            None => headers.push((name.clone(), value.clone())),
        }
    }
    if let Some(cookie) = cookie.filter(|_| place == CookiePlace::Last) {
        headers.push(cookie);
    }
    Request {
        method: method.to_string(),
        scheme: url.scheme.as_str().to_string(),
        host: url.host_header(),
        path: url.path.clone(),
        query: url.query.clone(),
        headers,
        body: body.to_vec(),
    }
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

/// The `application/x-www-form-urlencoded` serializer of the URL Standard: space becomes `+`,
/// `*-._` and alphanumerics stay, every other byte of the UTF-8 is `%XX`.
///
/// ```
/// use session_playground::browser::navigation::urlencode;
/// let fields = vec![("user name".to_string(), "a&b=é".to_string())];
/// assert_eq!(urlencode(&fields), "user+name=a%26b%3D%C3%A9");
/// ```
pub fn urlencode(fields: &[(String, String)]) -> String {
    let encode = |text: &str, out: &mut String| {
        for byte in text.bytes() {
            match byte {
                b' ' => out.push('+'),
                b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                    out.push(char::from(byte))
                }
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
    };
    let mut out = String::new();
    for (index, (name, value)) in fields.iter().enumerate() {
        if index > 0 {
            out.push('&');
        }
        encode(name, &mut out);
        out.push('=');
        encode(value, &mut out);
    }
    out
}
