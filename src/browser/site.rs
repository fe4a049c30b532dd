//! Where a request comes from: the same site, or another site that linked, posted a form or
//! embedded an image. This is what gives `SameSite` (and `Partitioned`) a visible effect in a
//! playground that only has one server.
//!
//! Browsers decide "same-site" by comparing the initiating page's site with the request's site.
//! The playground has no other real site, so the learner picks a context instead, and the jar
//! applies Chromium's rules to it.

use std::fmt;

use serde::{Deserialize, Serialize};

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

impl SiteContext {
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
