//! What a browser loads for a page it shows, beside the page itself: its stylesheets (issues 13
//! and 18). For each `<link rel=stylesheet href>` of an HTML response, in document order, the
//! `href` is resolved against the page's URL ([`Url::resolve`]); one on the page's own origin is
//! requested from the simulated site the way Chromium 156 requests it — GET, `Accept:
//! text/css,*/*;q=0.1`, `Sec-Fetch-Site: same-origin`, `Sec-Fetch-Mode: no-cors`,
//! `Sec-Fetch-Dest: style`, `Referer:` the page's URL, the jar's cookies for the stylesheet's URL
//! (a same-site request: every `SameSite` cookie goes), in that order, with no identity headers
//! (User-Agent, client hints, Accept-Encoding/Language), as the playground's navigations send
//! none. Its `Set-Cookie`s are stored and same-origin redirects followed, as for a navigation.
//! Recorded from Chromium by `tests/browser_layer/chromium/generate_stylesheets.py` against real
//! Flask; `tests/browser_layer/stylesheets.rs` compares.
//!
//! A sheet applies when its response is ok (2xx) with the type `text/css` (Chromium ignores a
//! `text/plain` one and a 404 in a page with a doctype: recorded too). Where the playground
//! differs, on purpose:
//! - a stylesheet of another origin is never requested (nothing leaves the page: the frame's
//!   Content-Security-Policy would block it), and says so;
//! - the virtual browser keeps no HTTP cache: every page shown (Back and Reload too) requests its
//!   stylesheets afresh, where Chromium would revalidate (`If-None-Match`, 304);
//! - `@import`, `url()` images and fonts inside a sheet are not loaded (the frame's policy blocks
//!   them), `<base href>` is not applied, and in a page without a doctype (quirks mode) Chromium
//!   would also apply a same-origin sheet of another type, which the playground does not;
//! - at most [`MAX_STYLESHEETS`] are requested per page, so a page cannot make thousands of
//!   requests to the app.

use std::fmt;
use std::rc::Rc;

use crate::browser::jar::CookieJar;
use crate::browser::markup::{StartTag, start_tags};
use crate::browser::navigation::{CookiePlace, NavigationOutcome, NavigationRequest, Server, send};
use crate::browser::url::{Url, UrlError};
use crate::http::Response;

/// How many stylesheets of one page are requested at most; the others are not loaded.
pub const MAX_STYLESHEETS: usize = 32;

/// The `Accept` Chromium sends for a stylesheet.
pub const STYLESHEET_ACCEPT: &str = "text/css,*/*;q=0.1";

/// One stylesheet link of a page, where it stands in the body and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StylesheetLink {
    /// The `href` as written (character references decoded).
    pub href: String,
    /// Its `media` attribute, if any (carried over when the sheet is inlined).
    pub media: Option<String>,
    /// The byte range of the `<link>` tag in the body.
    pub span: (usize, usize),
}

/// The stylesheet links of `body`, in document order: `<link>` tags whose `rel` holds the
/// token `stylesheet` (not `alternate`) and whose `href` is not empty.
///
/// ```
/// use session_playground::browser::subresource::stylesheet_links;
/// let links = stylesheet_links("<link rel='icon' href=/i.png><LINK Rel=\"Stylesheet\" href=a.css?x=1&amp;y=2>");
/// assert_eq!(links.len(), 1);
/// assert_eq!(links[0].href, "a.css?x=1&y=2");
/// ```
pub fn stylesheet_links(body: &str) -> Vec<StylesheetLink> {
    start_tags(body)
        .iter()
        .filter(|tag| tag.is("link") && is_stylesheet(tag))
        .filter_map(|tag| {
            let href = tag
                .attribute("href")?
                .trim_matches(|c: char| c.is_ascii_whitespace());
            (!href.is_empty()).then(|| StylesheetLink {
                href: href.to_string(),
                media: tag.attribute("media").map(str::to_string),
                span: (tag.start, tag.end),
            })
        })
        .collect()
}

fn is_stylesheet(tag: &StartTag) -> bool {
    let rel = tag
        .attribute("rel")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let tokens: Vec<&str> = rel.split_ascii_whitespace().collect();
    tokens.contains(&"stylesheet") && !tokens.contains(&"alternate")
}

/// One subresource of a page and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subresource {
    /// The `href` as written in the page.
    pub href: String,
    /// The page that loaded it (its URL: the initiator).
    pub initiator: String,
    /// Requested (every exchange), or not, and why.
    pub load: Load,
}

/// Whether a subresource was requested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Load {
    /// Requested from the simulated site: every exchange, as for a navigation (shared, as the
    /// Network list shows it).
    Fetched(Rc<NavigationOutcome>),
    /// Not requested, and why.
    Blocked(Blocked),
}

/// Why a subresource was not requested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// The `href` is not a URL the browser can request.
    BadUrl(UrlError),
    /// It is on another origin.
    OtherOrigin {
        /// The resolved URL.
        url: String,
    },
    /// The page has more stylesheets than [`MAX_STYLESHEETS`].
    TooMany,
    /// The browser could not send it (the reason, in the learner's words).
    NotSent(String),
}

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocked::BadUrl(error) => write!(f, "not loaded: {error}"),
            Blocked::OtherOrigin { url } => write!(
                f,
                "blocked: {url} is on another origin; the virtual browser loads stylesheets only \
                 from the page's own site, and the page frame's Content-Security-Policy lets \
                 nothing reach the network"
            ),
            Blocked::NotSent(why) => write!(f, "not loaded: {why}"),
            Blocked::TooMany => write!(
                f,
                "not loaded: the playground loads at most {MAX_STYLESHEETS} stylesheets per page"
            ),
        }
    }
}

impl Subresource {
    /// The stylesheet's text when the browser applies it: an ok status (2xx) with the type
    /// `text/css` (invalid UTF-8 becomes U+FFFD).
    pub fn applied_css(&self) -> Option<String> {
        let Load::Fetched(outcome) = &self.load else {
            return None;
        };
        let response = &outcome.final_hop().response;
        (outcome.stop.is_none() && (200..300).contains(&response.status) && is_css(response))
            .then(|| String::from_utf8_lossy(&response.body).into_owned())
    }

    /// Why a requested sheet was not applied (`None` when it was, or was not requested).
    pub fn not_applied(&self) -> Option<String> {
        let Load::Fetched(outcome) = &self.load else {
            return None;
        };
        let response = &outcome.final_hop().response;
        if let Some(stop) = &outcome.stop {
            return Some(format!("not applied: {stop}"));
        }
        if !(200..300).contains(&response.status) {
            return Some(format!(
                "not applied: the answer is {}, and a browser applies a stylesheet only from a \
                 successful response",
                response.status
            ));
        }
        if !is_css(response) {
            let kind = crate::http::header(&response.headers, "Content-Type").unwrap_or("no type");
            return Some(format!(
                "not applied: the answer is {kind}, and Chromium applies a stylesheet only when \
                 it is text/css"
            ));
        }
        None
    }
}

fn is_css(response: &Response) -> bool {
    crate::http::header(&response.headers, "Content-Type").is_some_and(|value| {
        value
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .eq_ignore_ascii_case("text/css")
    })
}

/// Requests the stylesheets of `body`, a page shown at `page`, in document order: one
/// [`Subresource`] per [`stylesheet_links`] entry.
pub fn load_stylesheets(
    jar: &mut CookieJar,
    page: &Url,
    body: &str,
    server: &mut dyn Server,
    now: i64,
) -> Vec<Subresource> {
    stylesheet_links(body)
        .into_iter()
        .enumerate()
        .map(|(index, link)| {
            let load = match page.resolve(&link.href) {
                _ if index >= MAX_STYLESHEETS => Load::Blocked(Blocked::TooMany),
                Err(error) => Load::Blocked(Blocked::BadUrl(error)),
                Ok(url) if url.origin() != page.origin() => Load::Blocked(Blocked::OtherOrigin {
                    url: url.to_string(),
                }),
                Ok(url) => fetch_stylesheet(jar, page, &url, server, now),
            };
            Subresource {
                href: link.href,
                initiator: page.to_string(),
                load,
            }
        })
        .collect()
}

/// One stylesheet request, with its same-origin redirects: a navigation's loop, with the headers
/// Chromium sends for a stylesheet of `page` (its identity headers left out, as the
/// playground's navigations leave them out) and `Cookie` last.
fn fetch_stylesheet(
    jar: &mut CookieJar,
    page: &Url,
    url: &Url,
    server: &mut dyn Server,
    now: i64,
) -> Load {
    let mut request = NavigationRequest::get(&url.to_string());
    for (name, value) in [
        ("Accept", STYLESHEET_ACCEPT),
        ("Sec-Fetch-Site", "same-origin"),
        ("Sec-Fetch-Mode", "no-cors"),
        ("Sec-Fetch-Dest", "style"),
        ("Referer", &page.to_string()),
    ] {
        request.headers.push((name.to_string(), value.to_string()));
    }
    match send(jar, page, &request, server, now, CookiePlace::Last) {
        Ok(outcome) => Load::Fetched(Rc::new(outcome)),
        Err(error) => Load::Blocked(Blocked::NotSent(error.to_string())),
    }
}

/// `body` with each applied stylesheet's `<link>` replaced by a `<style>` holding its text (its
/// `media` kept), so the page renders styled without fetching anything. `sheets` is what
/// [`Subresource::applied_css`] gave for each of [`stylesheet_links`], in order; a link with
/// `None` was not applied and is left out (the frame would only be refused its fetch; the
/// Network list says why), a link past the end of `sheets` stays as written.
///
/// ```
/// use session_playground::browser::subresource::inline_stylesheets;
/// let body = "<link rel=stylesheet href=/a.css media=print><link rel=stylesheet href=/b.css><p>";
/// let out = inline_stylesheets(body, &[Some("p{}".into()), None]);
/// assert_eq!(out, "<style media=\"print\">p{}</style><p>");
/// ```
pub fn inline_stylesheets(body: &str, sheets: &[Option<String>]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (link, sheet) in stylesheet_links(body).iter().zip(sheets) {
        out.push_str(&body[at..link.span.0]);
        at = link.span.1;
        let Some(css) = sheet else { continue };
        out.push_str("<style");
        if let Some(media) = &link.media {
            out.push_str(" media=\"");
            out.push_str(&crate::text::html::escape_html(media));
            out.push('"');
        }
        out.push('>');
        out.push_str(&css_in_style_element(css));
        out.push_str("</style>");
    }
    out.push_str(&body[at..]);
    out
}

/// `css` made safe inside a `<style>` element: a `</style` in it would end the element and turn
/// the rest of the sheet into markup; `<\/style` means the same in CSS (`\/` is `/`).
fn css_in_style_element(css: &str) -> String {
    let lower = css.to_ascii_lowercase();
    let mut out = String::with_capacity(css.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find("</style") {
        out.push_str(&css[at..at + found]);
        out.push_str("<\\/");
        at += found + 2;
    }
    out.push_str(&css[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::jar::CookieRequest;
    use crate::browser::site::SiteContext;
    use crate::http::Request;

    fn css_server(request: &Request, _now: i64) -> Response {
        let css = |status: u16, kind: &str| Response {
            status,
            headers: vec![
                ("Content-Type".into(), kind.into()),
                (
                    "Set-Cookie".into(),
                    format!("seen={}; Path=/", request.path),
                ),
            ],
            body: b"h1{color:red}".to_vec(),
        };
        match request.path.as_str() {
            "/static/a.css" | "/lessons/b.css" => css(200, "text/css; charset=utf-8"),
            "/plain.css" => css(200, "text/plain"),
            "/moved.css" => Response {
                status: 302,
                headers: vec![("Location".into(), "/static/a.css".into())],
                body: Vec::new(),
            },
            _ => css(404, "text/css"),
        }
    }

    #[test]
    fn links_load_in_order_with_chromiums_headers_and_cookies() {
        let mut jar = CookieJar::default();
        let page = Url::parse("http://localhost/lessons/one?x=1").unwrap();
        let request = CookieRequest {
            url: &page,
            method: "GET",
            site: &SiteContext::SameSite,
        };
        jar.store("strict=1; SameSite=Strict; Path=/", &request, 0);
        let body = "<link rel=stylesheet href=/static/a.css><link rel=stylesheet href=b.css>\
                    <link rel=stylesheet href=http://cdn.test/x.css><link rel=stylesheet href=/plain.css>\
                    <link rel=stylesheet href=/moved.css><link rel=stylesheet href=/nope.css>";
        let loaded = load_stylesheets(&mut jar, &page, body, &mut css_server, 0);
        assert_eq!(loaded.len(), 6);
        let Load::Fetched(first) = &loaded[0].load else {
            panic!("{loaded:?}")
        };
        assert_eq!(
            first.final_hop().request.headers,
            [
                ("Host", "localhost"),
                ("Accept", "text/css,*/*;q=0.1"),
                ("Sec-Fetch-Site", "same-origin"),
                ("Sec-Fetch-Mode", "no-cors"),
                ("Sec-Fetch-Dest", "style"),
                ("Referer", "http://localhost/lessons/one?x=1"),
                ("Cookie", "strict=1"),
            ]
            .map(|(n, v)| (n.to_string(), v.to_string()))
        );
        // The first sheet's Set-Cookie is stored before the second is requested.
        let Load::Fetched(second) = &loaded[1].load else {
            panic!()
        };
        assert_eq!(second.final_hop().url.path, "/lessons/b.css");
        assert_eq!(
            second.final_hop().cookie.as_deref(),
            Some("strict=1; seen=/static/a.css")
        );
        assert!(
            matches!(&loaded[2].load, Load::Blocked(Blocked::OtherOrigin { url }) if url == "http://cdn.test/x.css")
        );
        let applied: Vec<bool> = loaded.iter().map(|s| s.applied_css().is_some()).collect();
        assert_eq!(applied, [true, true, false, false, true, false]);
        assert!(loaded[3].not_applied().unwrap().contains("text/plain"));
        assert!(loaded[5].not_applied().unwrap().contains("404"));
        let Load::Fetched(moved) = &loaded[4].load else {
            panic!()
        };
        assert_eq!(moved.hops.len(), 2);
        assert_eq!(loaded[0].initiator, "http://localhost/lessons/one?x=1");
    }

    #[test]
    fn a_page_cannot_make_endless_requests() {
        let body = "<link rel=stylesheet href=/static/a.css>".repeat(MAX_STYLESHEETS + 3);
        let page = Url::parse("http://localhost/").unwrap();
        let mut count = 0;
        let mut server = |_: &Request, _: i64| {
            count += 1;
            Response {
                status: 200,
                headers: Vec::new(),
                body: Vec::new(),
            }
        };
        let loaded = load_stylesheets(&mut CookieJar::default(), &page, &body, &mut server, 0);
        assert_eq!(loaded.len(), MAX_STYLESHEETS + 3);
        assert_eq!(count, MAX_STYLESHEETS);
        assert_eq!(
            loaded[MAX_STYLESHEETS].load,
            Load::Blocked(Blocked::TooMany)
        );
    }

    #[test]
    fn an_inlined_sheet_cannot_end_its_style_element() {
        let out = inline_stylesheets(
            "<link rel=stylesheet href=/a.css>",
            &[Some("p{}</STYLE><img src=x>".into())],
        );
        assert_eq!(out, "<style>p{}<\\/STYLE><img src=x></style>");
        assert_eq!(
            stylesheet_links(
                "<link rel='alternate stylesheet' href=a.css><link rel=stylesheet href=' '>"
            ),
            []
        );
    }
}
