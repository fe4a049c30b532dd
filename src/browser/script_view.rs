//! What a script in a page would see and could do. The virtual browser never runs a response's
//! script (the page frame has no `allow-scripts`), but a learner studying cross-site scripting
//! needs to know what one *would* get: `document.cookie` at the page's URL (the jar's cookies for
//! that URL without the `HttpOnly` ones), and the cookies its own requests to the page's site
//! would carry anyway (`HttpOnly` does not stop a script from sending requests as the user).
//!
//! Both answers come from the jar's one matching rule ([`CookieJar::would_send`]): a document is
//! top-level and same-site with itself, so `SameSite` never hides a cookie from its script, even
//! on a page reached from another site; `Secure` ones appear only on a secure origin
//! (`localhost` counts). Recorded from Chromium 156 by
//! `tests/browser_layer/chromium/generate_script_view.py` and replayed in
//! `tests/browser_layer/chromium.rs`.
//!
//! [`scripts_in`] finds where a response holds script: `<script>` elements, `on…=` event-handler
//! attributes and `javascript:` URLs, in the start tags [`crate::browser::markup`] reads: enough
//! to point at what a browser would run in the markup an app reflects; it only informs, since
//! nothing runs either way.

use std::fmt;

use crate::browser::jar::{Cookie, CookieJar, CookieRequest};
use crate::browser::markup::start_tags;
use crate::browser::site::SiteContext;
use crate::browser::url::Url;

/// The cookies a script in a document at `url` reads from `document.cookie`, in Chromium's order,
/// joined as the property shows them (`a=1; b=2`; a nameless cookie is its value alone).
///
/// ```
/// use session_playground::browser::{CookieJar, CookieRequest, SiteContext, Url};
/// use session_playground::browser::script_view::document_cookie;
/// let mut jar = CookieJar::default();
/// let url = Url::parse("http://localhost/search?q=x").unwrap();
/// let request = CookieRequest { url: &url, method: "GET", site: &SiteContext::SameSite };
/// jar.store("session=abc; HttpOnly; Path=/", &request, 0);
/// jar.store("theme=dark", &request, 0);
/// assert_eq!(document_cookie(&jar, &url, 1), "theme=dark");
/// ```
pub fn document_cookie(jar: &CookieJar, url: &Url, now: i64) -> String {
    join(
        page_cookies(jar, url, "GET", now)
            .into_iter()
            .filter(|cookie| !cookie.http_only),
    )
}

/// The `Cookie` header of a request a script in a document at `url` sends to `url` itself with
/// `method` (a same-origin `fetch`, which carries credentials): `HttpOnly` cookies included.
pub fn script_request_cookie(jar: &CookieJar, url: &Url, method: &str, now: i64) -> String {
    join(page_cookies(jar, url, method, now).into_iter())
}

/// The jar's cookies for a request to `url` made by a document of the same site.
fn page_cookies<'a>(jar: &'a CookieJar, url: &Url, method: &str, now: i64) -> Vec<&'a Cookie> {
    let request = CookieRequest {
        url,
        method,
        site: &SiteContext::SameSite,
    };
    jar.would_send(&request, now)
}

fn join<'a>(cookies: impl Iterator<Item = &'a Cookie>) -> String {
    cookies
        .map(Cookie::pair)
        .collect::<Vec<String>>()
        .join("; ")
}

/// What a script in one response would see and could do, for the dev tools and the page's marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptView {
    /// The page's URL, e.g. `http://localhost/search?q=x`.
    pub url: String,
    /// `document.cookie` there.
    pub document_cookie: String,
    /// The names of the cookies a request of the script to the page's address carries, in header
    /// order (`HttpOnly` ones included).
    pub sent: Vec<String>,
    /// The names among `sent` that `document.cookie` does not show (`HttpOnly`).
    pub hidden: Vec<String>,
    /// Where the response holds script (empty: none).
    pub scripts: Vec<ScriptFound>,
}

impl ScriptView {
    /// What a script in `body`, served at `url`, would see in `jar` at `now`.
    pub fn new(jar: &CookieJar, url: &Url, body: &str, now: i64) -> ScriptView {
        let sent = page_cookies(jar, url, "GET", now);
        ScriptView {
            url: url.to_string(),
            document_cookie: document_cookie(jar, url, now),
            sent: sent.iter().map(|cookie| display_name(cookie)).collect(),
            hidden: sent
                .iter()
                .filter(|cookie| cookie.http_only)
                .map(|cookie| display_name(cookie))
                .collect(),
            scripts: scripts_in(body),
        }
    }

    /// What a script there could read, in a sentence.
    pub fn reads(&self) -> String {
        let mut text = if self.document_cookie.is_empty() {
            "document.cookie is empty: it could read no cookie".to_string()
        } else {
            format!(
                "it could read document.cookie = \"{}\"",
                self.document_cookie
            )
        };
        if !self.hidden.is_empty() {
            text.push_str(&format!(
                " ({} HttpOnly, so not there)",
                names_with_verb(&self.hidden, "is", "are")
            ));
        }
        text
    }

    /// What a script there could still do, in a sentence.
    pub fn does(&self) -> String {
        let origin = Url::parse(&self.url).map_or_else(|_| self.url.clone(), |url| url.origin());
        if self.sent.is_empty() {
            format!("its requests to {origin} would carry no cookie")
        } else {
            format!(
                "it could send requests to {origin} as this browser, and they would carry {}",
                list(&self.sent)
            )
        }
    }
}

impl fmt::Display for ScriptView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "If a script ran on {}, {}; {}.",
            self.url,
            self.reads(),
            self.does()
        )
    }
}

fn display_name(cookie: &Cookie) -> String {
    if cookie.name.is_empty() {
        "a nameless cookie".to_string()
    } else {
        cookie.name.clone()
    }
}

fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn names_with_verb(names: &[String], one: &str, many: &str) -> String {
    format!(
        "{} {}",
        list(names),
        if names.len() == 1 { one } else { many }
    )
}

/// A kind of script a browser would run from markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptKind {
    /// A `<script>` element.
    Element,
    /// An event-handler attribute such as `onerror=`.
    EventHandler(String),
    /// A `javascript:` URL in a link, form or frame attribute.
    JavascriptUrl(String),
}

/// One place a response holds script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptFound {
    /// What it is.
    pub kind: ScriptKind,
    /// Its 1-based line in the response.
    pub line: usize,
    /// The tag it is in, shortened to 80 characters.
    pub excerpt: String,
}

impl fmt::Display for ScriptFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ScriptKind::Element => write!(f, "a <script> element")?,
            ScriptKind::EventHandler(name) => write!(f, "an event handler ({name}=)")?,
            ScriptKind::JavascriptUrl(name) => write!(f, "a javascript: URL ({name}=)")?,
        }
        write!(f, " on line {}", self.line)
    }
}

/// The attributes whose value is a URL a browser would follow or load.
const URL_ATTRIBUTES: [&str; 6] = ["href", "src", "action", "formaction", "data", "xlink:href"];

/// Every place in `body` where a browser would find script, in order.
///
/// ```
/// use session_playground::browser::script_view::scripts_in;
/// let found = scripts_in("<p>You searched for <img src=x onerror=alert(document.cookie)></p>");
/// assert_eq!(found[0].to_string(), "an event handler (onerror=) on line 1");
/// assert!(scripts_in("<p>a &lt;script&gt; as text</p>").is_empty());
/// ```
pub fn scripts_in(body: &str) -> Vec<ScriptFound> {
    let mut found = Vec::new();
    for tag in start_tags(body) {
        let line = tag.line(body);
        let excerpt = shorten(&body[tag.start..tag.end]);
        let mut note = |kind| {
            found.push(ScriptFound {
                kind,
                line,
                excerpt: excerpt.clone(),
            })
        };
        if tag.is("script") {
            note(ScriptKind::Element);
        }
        for (name, value) in &tag.attributes {
            let lower = name.to_ascii_lowercase();
            if lower.len() > 2 && lower.starts_with("on") {
                note(ScriptKind::EventHandler(lower));
            } else if URL_ATTRIBUTES.contains(&lower.as_str()) && is_javascript_url(value) {
                note(ScriptKind::JavascriptUrl(lower));
            }
        }
    }
    found
}

/// `javascript:` as a URL parser sees it: leading spaces and controls dropped, tabs and newlines
/// inside removed, any case.
fn is_javascript_url(value: &str) -> bool {
    let cleaned: String = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(11)
        .collect();
    cleaned.eq_ignore_ascii_case("javascript:")
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str) -> Vec<String> {
        scripts_in(body).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn finds_elements_handlers_and_javascript_urls() {
        assert_eq!(
            kinds(
                "<h1>Hi</h1>\n<SCRIPT>var a = '<img onerror=x>';</script><a href=' JavaScript:go()'>x</a>"
            ),
            [
                "a <script> element on line 2",
                "a javascript: URL (href=) on line 2"
            ]
        );
        assert_eq!(
            kinds("<svg/onload=alert(1)>"),
            ["an event handler (onload=) on line 1"]
        );
        assert_eq!(
            kinds("<form action=\"java\tscript:x\"><button formaction=/ok>"),
            ["a javascript: URL (action=) on line 1"]
        );
    }

    #[test]
    fn text_comments_and_escaped_markup_hold_no_script() {
        assert!(kinds("Results for &lt;script&gt;alert(1)&lt;/script&gt;").is_empty());
        assert!(kinds("<!-- <script>x</script> --><p title='onload=x'>a < b</p>").is_empty());
        assert!(kinds("<a href=/online>on</a><p data-x=\"javascript:\">").is_empty());
        assert!(kinds("<unclosed").is_empty());
        assert_eq!(kinds("<script"), ["a <script> element on line 1"]);
    }

    #[test]
    fn the_view_says_what_a_script_reads_and_sends() {
        let mut jar = CookieJar::default();
        let url = Url::parse("http://localhost/search?q=x").unwrap();
        let request = CookieRequest {
            url: &url,
            method: "GET",
            site: &SiteContext::SameSite,
        };
        jar.store("session=abc; HttpOnly; Path=/", &request, 0);
        jar.store("theme=dark", &request, 0);
        let view = ScriptView::new(&jar, &url, "<script>steal()</script>", 1);
        assert_eq!(
            view.to_string(),
            "If a script ran on http://localhost/search?q=x, it could read document.cookie = \
             \"theme=dark\" (session is HttpOnly, so not there); it could send requests to \
             http://localhost as this browser, and they would carry session and theme."
        );
        let empty = ScriptView::new(&CookieJar::default(), &url, "", 1);
        assert!(empty.scripts.is_empty());
        assert_eq!(
            empty.to_string(),
            "If a script ran on http://localhost/search?q=x, document.cookie is empty: it \
             could read no cookie; its requests to http://localhost would carry no cookie."
        );
    }
}
