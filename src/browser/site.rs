//! Where a request comes from: the same site, or another site that linked, posted a form or
//! embedded an image. This is what gives `SameSite` (and `Partitioned`) a visible effect in a
//! playground that only has one server.
//!
//! Browsers decide "same-site" by comparing the initiating page's site with the request's site.
//! A lesson may run further sites beside the app (issue 20: `attacker.test`, `evil.example.test`);
//! [`SiteContext::between`] decides from the initiating page's URL and the request's URL, and the
//! jar applies Chromium's rules to the result.
//!
//! A site is a scheme and a registrable domain ([`registrable_domain`]). It is computed here
//! without the Public Suffix List, on purpose: the hosts a playground uses are `localhost`, IP
//! addresses and names under reserved top-level names (`.test`, `.example`, `.localhost`) that the
//! list does not name, so its default rule — the last label is the public suffix — is the whole
//! answer for them, and the list (some 200 kB) would only add weight to the page.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::browser::url::Url;

/// The site a request is made from, as far as cookies care.
///
/// ```
/// use session_playground::browser::SiteContext;
/// let context = SiteContext::cross_site_form("https://evil.example");
/// assert!(context.is_cross_site());
/// assert_eq!(context.to_string(), "a form posted from https://evil.example");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SiteContext {
    /// Typed in the address bar, or a link/form on the playground's own site.
    #[default]
    SameSite,
    /// Started by a page on another site.
    CrossSite {
        /// The other site, e.g. `https://evil.example`.
        from: String,
        /// What that page did.
        kind: CrossSiteKind,
    },
}

/// What a page on another site did to cause the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CrossSiteKind {
    /// The learner followed a link on the other site: a top-level navigation.
    Link,
    /// The other site submitted a form to us: a top-level navigation, usually a POST.
    Form,
    /// The other site embedded our URL as an image: a subresource, not a navigation. The page
    /// the learner sees stays on the other site, so that site is the "top-level site".
    Image,
}

/// The registrable domain of `host` under the Public Suffix List's default rule: an IP address
/// or a one-label host (`localhost`) is its own site; otherwise the last two labels.
///
/// ```
/// use session_playground::browser::site::registrable_domain;
/// assert_eq!(registrable_domain("app.example.test"), "example.test");
/// assert_eq!(registrable_domain("evil.example.test"), "example.test");
/// assert_eq!(registrable_domain("attacker.test"), "attacker.test");
/// assert_eq!(registrable_domain("localhost"), "localhost");
/// assert_eq!(registrable_domain("127.0.0.1"), "127.0.0.1");
/// ```
pub fn registrable_domain(host: &str) -> &str {
    let host = host.trim_end_matches('.');
    let is_ip = host.parse::<std::net::Ipv4Addr>().is_ok() || host.starts_with('[');
    if is_ip {
        return host;
    }
    match host.rmatch_indices('.').nth(1) {
        Some((dot, _)) => &host[dot + 1..],
        None => host,
    }
}

/// The schemeful site of `url`: `http://example.test` for `http://app.example.test:8000/x`.
pub fn site_of(url: &Url) -> String {
    format!(
        "{}://{}",
        url.scheme.as_str(),
        registrable_domain(&url.host)
    )
}

impl SiteContext {
    /// The context of a request to `target` that a page at `initiator` started by `kind`
    /// (following a link, submitting a form, loading an image): same-site when both URLs have
    /// the same scheme and registrable domain, as Chromium's schemeful same-site check says.
    ///
    /// ```
    /// use session_playground::browser::{CrossSiteKind, SiteContext, Url};
    /// let app = Url::parse("http://app.example.test/transfer").unwrap();
    /// let sibling = Url::parse("http://evil.example.test/").unwrap();
    /// let attacker = Url::parse("http://attacker.test/").unwrap();
    /// assert_eq!(SiteContext::between(&sibling, &app, CrossSiteKind::Form), SiteContext::SameSite);
    /// assert_eq!(SiteContext::between(&attacker, &app, CrossSiteKind::Form),
    ///     SiteContext::cross_site_form("http://attacker.test"));
    /// ```
    pub fn between(initiator: &Url, target: &Url, kind: CrossSiteKind) -> SiteContext {
        if site_of(initiator) == site_of(target) {
            return SiteContext::SameSite;
        }
        SiteContext::CrossSite {
            from: initiator.origin(),
            kind,
        }
    }

    /// A link on `from` that the learner clicked.
    pub fn cross_site_link(from: &str) -> Self {
        SiteContext::CrossSite {
            from: from.to_string(),
            kind: CrossSiteKind::Link,
        }
    }

    /// A form on `from` submitted to the playground.
    pub fn cross_site_form(from: &str) -> Self {
        SiteContext::CrossSite {
            from: from.to_string(),
            kind: CrossSiteKind::Form,
        }
    }

    /// An `<img>` on `from` whose `src` is a playground URL.
    pub fn cross_site_image(from: &str) -> Self {
        SiteContext::CrossSite {
            from: from.to_string(),
            kind: CrossSiteKind::Image,
        }
    }

    /// Whether the request is cross-site.
    pub fn is_cross_site(&self) -> bool {
        matches!(self, SiteContext::CrossSite { .. })
    }

    /// Whether the request is a top-level navigation (the address bar changes), as opposed to a
    /// subresource such as an image.
    pub fn is_top_level_navigation(&self) -> bool {
        !matches!(
            self,
            SiteContext::CrossSite {
                kind: CrossSiteKind::Image,
                ..
            }
        )
    }

    /// The site shown in the address bar while the request happens: the partition key for
    /// `Partitioned` cookies. `request_origin` is the request URL's origin.
    pub fn top_level_site(&self, request_origin: &str) -> String {
        match self {
            SiteContext::CrossSite {
                from,
                kind: CrossSiteKind::Image,
            } => from.clone(),
            _ => request_origin.to_string(),
        }
    }
}

impl fmt::Display for SiteContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteContext::SameSite => f.write_str("a same-site request"),
            SiteContext::CrossSite {
                from,
                kind: CrossSiteKind::Link,
            } => write!(f, "a link on {from}"),
            SiteContext::CrossSite {
                from,
                kind: CrossSiteKind::Form,
            } => {
                write!(f, "a form posted from {from}")
            }
            SiteContext::CrossSite {
                from,
                kind: CrossSiteKind::Image,
            } => {
                write!(f, "an image on {from}")
            }
        }
    }
}
