//! The cookie jar: RFC 6265bis storage (§5.7) and retrieval (§5.8.3) as Chromium applies them,
//! with a learner-readable reason for every decision.
//!
//! # Storage and retrieval
//! A jar has two jobs. **Storing**: each `Set-Cookie` of a response is parsed
//! ([`crate::browser::set_cookie`]) and then either stored, treated as a deletion, or rejected; the
//! result is a [`StoreDecision`]. **Retrieving**: before each request the jar picks the cookies
//! that match the URL and the [`SiteContext`], orders them and writes the `Cookie` header; the
//! result is a [`Retrieval`] listing a [`SendDecision`] per cookie.
//!
//! # Decisions are data, and cheap
//! Navigation records a decision for *every* cookie in the jar on every hop (the Network panel
//! and the sequence diagram show them), so a decision copies no string: it holds the cookie's
//! [`CookieKey`], made once per cookie and shared (`Rc`), and a [`SkipReason`] whose strings are
//! shared with that key (the cookie's domain, path, partition) or made once per request (its
//! host, path, method, site). The wording is produced by `Display` from that data. Decisions stay
//! plain values for serde (`Rc` is written as what it points to). `BENCHMARKS.md` has the cost:
//! the decisions add one `Vec` and at most four shared strings per request, whatever the number
//! of cookies; [`CookieJar::cookie_header`] is the header alone.
//!
//! # Rules, and where the playground takes a side
//! - Cookies are keyed by name, domain, host-only flag, path and partition. Replacing one keeps
//!   its creation time and its place in the jar (so the `Cookie` header order does not change),
//!   as RFC 6265bis and the `scenario-v1` contract say. **Known difference:** Chromium 156 keeps
//!   them only when the value is unchanged; a new value gets a new creation time and moves after
//!   the other cookies of equal path length (`tests/browser_layer/chromium/`, case
//!   `replaced_cookie_with_new_value`).
//! - `Max-Age` wins over `Expires`. `Max-Age` ≤ 0, or an `Expires` at or before now, deletes.
//!   Chromium caps any expiry at 400 days from now (RFC 6265bis §5.5); so does the jar.
//! - A cookie has expired when `now >= expires`; expired cookies are evicted lazily, the next time
//!   the jar is read at the virtual time, and that read reports "expired N s ago".
//! - `Domain`: on a host with no registrable domain (`localhost`, an IP address) Chromium only
//!   accepts a `Domain` equal to the host, and then stores a *host-only* cookie (it matches
//!   IE/Firefox this way). Any other `Domain` is rejected.
//! - `Secure`: accepted and sent on https and on `localhost`, which browsers treat as secure.
//! - `SameSite` without a value the browser knows is "unspecified". Chromium enforces
//!   **Lax by default** for such cookies: not sent on cross-site subresources or cross-site POSTs.
//!   Why: a cookie that rides every request another site can trigger lets that site act as the
//!   logged-in user (cross-site request forgery); treating unmarked cookies as Lax stops that for
//!   forms posted and resources embedded from elsewhere, while a link from another site still
//!   arrives logged in. Chromium still ships the "Lax+POST" mitigation: an unspecified cookie
//!   younger than 2 minutes *is* sent on a cross-site top-level POST. Both were seen in Chromium
//!   156 (`tests/browser_layer/chromium/`, cases `cross_site_form_post_carries_none_and_young_unset`
//!   and `cross_site_form_post_after_two_minutes`). The jar applies them using the virtual clock
//!   and the cookie's creation time, and says so in the decision.
//! - `Partitioned` cookies (CHIPS) need `Secure` and are only sent when the top-level site is the
//!   one they were set under; a cross-site image is the only case where that differs here.
//! - Third-party cookies (an embedded cross-site request, like an image on another site) are
//!   blocked unless the jar's `block_third_party_cookies` is turned off: Chromium 156 sent no
//!   cookie on such a request, not even `SameSite=None; Secure`. `Partitioned` cookies still work.
//! - Paths are compared as they appear in the URL, percent-encoded (`Path=/a b` does not match a
//!   request for `/a%20b`), as Chromium does.
//! - At most 180 cookies per domain (Chromium's limit); past it the least recently used are
//!   evicted down to 150. (Chromium also weighs priority and Secure; the playground does not.)
//!
//! Dev-tools operations (list, edit, add, delete, clear session cookies, copy to another jar)
//! bypass the `Secure`/`HttpOnly`/`SameSite` checks, as the real dev-tools do.

use std::cell::OnceCell;
use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::browser::clock::format_instant;
use crate::browser::set_cookie::{
    AttributeNote, ParseRejection, PathAttribute, SameSite, SetCookie, parse_set_cookie,
};
use crate::browser::site::SiteContext;
use crate::browser::url::Url;

/// Chromium's cap on any cookie's lifetime: 400 days.
pub const MAX_COOKIE_AGE_SECONDS: i64 = 400 * 86_400;
/// Chromium's "Lax+POST" window: unspecified-SameSite cookies younger than this ride cross-site POSTs.
pub const LAX_ALLOW_UNSAFE_MAX_AGE_SECONDS: i64 = 120;
/// Cookies per domain before eviction (Chromium's `kDomainMaxCookies`).
pub const MAX_COOKIES_PER_DOMAIN: usize = 180;
/// What eviction brings a domain down to (Chromium: 180 − 30).
pub const COOKIES_PER_DOMAIN_AFTER_EVICTION: usize = 150;

/// One stored cookie, with every attribute the dev-tools show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cookie {
    /// The name (empty for a nameless cookie).
    pub name: String,
    /// The value, sent exactly as stored.
    pub value: String,
    /// The host (host-only cookie) or the domain (domain cookie) it belongs to.
    pub domain: String,
    /// Sent only to exactly `domain`, not to its subdomains.
    pub host_only: bool,
    /// The path it is sent under.
    pub path: String,
    /// Unix seconds at which it expires; `None` for a session cookie.
    pub expires: Option<i64>,
    /// When it was first stored (kept when it is replaced).
    pub created: i64,
    /// When it was last sent or stored.
    pub last_access: i64,
    /// `Secure`.
    pub secure: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `SameSite`.
    pub same_site: SameSite,
    /// For a `Partitioned` cookie, the top-level site it was set under.
    pub partition: Option<String>,
    /// Tie-breaker for "older first": the jar's running count at first storage.
    pub creation_order: u64,
    /// The key the send decisions name, made once (see [`SharedKey`]).
    #[serde(skip)]
    shared_key: SharedKey,
}

/// A cookie's [`CookieKey`], made the first time a request's decisions name the cookie and
/// shared by every decision since, so that a request copies no string per cookie (the jar makes a
/// decision for each of its cookies on every request).
///
/// Only a jar fills it, for a cookie it holds, and a jar never changes the name, domain, path or
/// partition of a cookie it holds (a replacement has the same key by definition); a cookie
/// arriving from outside ([`CookieJar::add`]) has it cleared, so it is never stale. It is not
/// saved, and compares equal to any other: it is not part of the cookie's value.
#[derive(Clone, Default)]
struct SharedKey(OnceCell<Rc<CookieKey>>);

impl PartialEq for SharedKey {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SharedKey {}

impl fmt::Debug for SharedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedKey")
    }
}

impl Cookie {
    /// A session cookie for `/` on `host`, with no other attributes (what dev-tools "add" makes).
    pub fn session(host: &str, name: &str, value: &str) -> Cookie {
        Cookie {
            name: name.to_string(),
            value: value.to_string(),
            domain: host.to_string(),
            host_only: true,
            path: "/".to_string(),
            expires: None,
            created: 0,
            last_access: 0,
            secure: false,
            http_only: false,
            same_site: SameSite::Unspecified,
            partition: None,
            creation_order: 0,
            shared_key: SharedKey::default(),
        }
    }

    /// The identity of the cookie in the jar (a fresh copy; retrieval shares the jar's own).
    pub fn key(&self) -> CookieKey {
        CookieKey {
            name: Rc::from(self.name.as_str()),
            domain: Rc::from(self.domain.as_str()),
            host_only: self.host_only,
            path: Rc::from(self.path.as_str()),
            partition: self.partition.as_deref().map(Rc::from),
        }
    }

    /// The key the send decisions name: made once, then shared.
    fn shared_key(&self) -> Rc<CookieKey> {
        Rc::clone(self.shared_key.0.get_or_init(|| Rc::new(self.key())))
    }

    /// Whether the cookie has expired at `now`.
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires.is_some_and(|expires| now >= expires)
    }

    /// `name=value` as the `Cookie` header carries it (just `value` for a nameless cookie).
    pub fn pair(&self) -> String {
        if self.name.is_empty() {
            self.value.clone()
        } else {
            format!("{}={}", self.name, self.value)
        }
    }

    fn same_key(&self, other: &Cookie) -> bool {
        self.name == other.name
            && self.domain == other.domain
            && self.host_only == other.host_only
            && self.path == other.path
            && self.partition == other.partition
    }
}

/// What identifies a cookie in a jar: two cookies with the same key cannot coexist.
///
/// The strings are shared (`Rc<str>`): every [`SendDecision`] of every request names its cookie,
/// and cloning a key only counts references instead of copying four strings per cookie per
/// request. Serde writes them as plain strings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CookieKey {
    /// The name.
    pub name: Rc<str>,
    /// The domain or host.
    pub domain: Rc<str>,
    /// Host-only flag.
    pub host_only: bool,
    /// The path.
    pub path: Rc<str>,
    /// The partition (top-level site) for a partitioned cookie.
    pub partition: Option<Rc<str>>,
}

impl CookieKey {
    /// Whether this is the key of `cookie` (compares in place, without building its key).
    pub fn describes(&self, cookie: &Cookie) -> bool {
        *self.name == *cookie.name
            && *self.domain == *cookie.domain
            && self.host_only == cookie.host_only
            && *self.path == *cookie.path
            && self.partition.as_deref() == cookie.partition.as_deref()
    }
}

impl fmt::Display for CookieKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (Path={})", display_name(&self.name), self.path)
    }
}

/// The request a cookie is stored from or sent with.
#[derive(Clone, Copy, Debug)]
pub struct CookieRequest<'a> {
    /// The request URL.
    pub url: &'a Url,
    /// The request method, upper-case.
    pub method: &'a str,
    /// Where the request comes from.
    pub site: &'a SiteContext,
}

/// What happened to one `Set-Cookie` header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreDecision {
    /// The cookie name, when the header got far enough to have one.
    pub name: Option<String>,
    /// The outcome.
    pub outcome: StoreOutcome,
    /// Attributes that were ignored along the way.
    pub notes: Vec<AttributeNote>,
    /// Cookies pushed out of the jar by this one (the per-domain limit).
    pub evicted: Vec<CookieKey>,
}

/// Stored, deleted, or rejected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoreOutcome {
    /// The cookie is in the jar.
    Stored {
        /// Where it applies.
        key: CookieKey,
        /// It replaced a cookie with the same key (whose creation time it kept).
        replaced: bool,
        /// Its expiry (`None`: session cookie).
        expires: Option<i64>,
        /// The expiry the server asked for, when the 400-day cap shortened it.
        capped_from: Option<i64>,
    },
    /// The cookie arrived already expired: it deletes any cookie with the same key.
    Deleted {
        /// Which attribute made it expired.
        cause: ExpiryCause,
        /// Whether a cookie was actually removed.
        removed: bool,
    },
    /// The browser ignored the header.
    Rejected(Rejection),
}

/// Which attribute said a cookie is already expired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExpiryCause {
    /// `Max-Age` ≤ 0.
    MaxAge(i64),
    /// `Expires` at or before now (Unix seconds).
    ExpiresInPast(i64),
}

/// Why a `Set-Cookie` was ignored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    /// The header could not be read as a cookie.
    Parse(ParseRejection),
    /// `Domain` names a domain the request host is not in.
    DomainMismatch {
        /// The `Domain` attribute (without leading dot).
        domain: String,
        /// The request host.
        host: String,
    },
    /// `Secure` on a response from an insecure origin.
    SecureFromInsecureOrigin,
    /// An insecure origin tried to overwrite (or shadow) an existing `Secure` cookie.
    WouldOverwriteSecure,
    /// `SameSite=None` without `Secure`.
    SameSiteNoneWithoutSecure,
    /// `Partitioned` without `Secure`.
    PartitionedWithoutSecure,
    /// A `__Secure-` name without `Secure`.
    SecurePrefix,
    /// A `__Host-` name without `Secure`, with `Domain`, or without `Path=/`.
    HostPrefix,
    /// Third-party cookies are blocked and this response came from an embedded cross-site request.
    ThirdPartyCookiesBlocked {
        /// The request's context.
        site: SiteContext,
    },
    /// A cross-site subresource response tried to set a cookie that is not `SameSite=None`.
    SameSiteCrossSite {
        /// The cookie's `SameSite`.
        same_site: SameSite,
        /// The request's context.
        site: SiteContext,
    },
}

impl fmt::Display for StoreDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.name {
            write!(f, "{}: ", display_name(name))?;
        }
        write!(f, "{}", self.outcome)?;
        for key in &self.evicted {
            write!(
                f,
                "; evicted {key} (more than {MAX_COOKIES_PER_DOMAIN} cookies for the site)"
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for StoreOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreOutcome::Stored {
                key,
                replaced,
                expires,
                capped_from,
            } => {
                f.write_str(if *replaced {
                    "stored, replacing the previous value"
                } else {
                    "stored"
                })?;
                write!(f, " for Path={}", key.path)?;
                match expires {
                    None => f.write_str(", session cookie (until the browser closes)")?,
                    Some(at) => write!(f, ", expires {}", format_instant(*at))?,
                }
                if let Some(asked) = capped_from {
                    write!(
                        f,
                        " (asked for {}: browsers cap cookies at 400 days)",
                        format_instant(*asked)
                    )?;
                }
                Ok(())
            }
            StoreOutcome::Deleted { cause, removed } => {
                f.write_str("not stored: ")?;
                match cause {
                    ExpiryCause::MaxAge(seconds) => {
                        write!(f, "Max-Age={seconds} deletes the cookie")?
                    }
                    ExpiryCause::ExpiresInPast(at) => write!(
                        f,
                        "Expires={} is in the past, which deletes the cookie",
                        format_instant(*at)
                    )?,
                }
                f.write_str(if *removed {
                    " (the stored one was removed)"
                } else {
                    " (there was none to delete)"
                })
            }
            StoreOutcome::Rejected(rejection) => write!(f, "not stored: {rejection}"),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Parse(reason) => write!(f, "{reason}"),
            Rejection::DomainMismatch { domain, host } => {
                write!(f, "Domain={domain} does not match the host {host}")
            }
            Rejection::SecureFromInsecureOrigin => {
                f.write_str("a Secure cookie can only be set over https (or on localhost)")
            }
            Rejection::WouldOverwriteSecure => {
                f.write_str("an insecure page may not overwrite a Secure cookie of the same name")
            }
            Rejection::SameSiteNoneWithoutSecure => f.write_str("SameSite=None requires Secure"),
            Rejection::PartitionedWithoutSecure => f.write_str("Partitioned requires Secure"),
            Rejection::SecurePrefix => f.write_str("a __Secure- cookie must have Secure"),
            Rejection::HostPrefix => {
                f.write_str("a __Host- cookie must have Secure and Path=/, and no Domain")
            }
            Rejection::ThirdPartyCookiesBlocked { site } => write!(
                f,
                "third-party cookies are blocked, and this response is to {site} (only Partitioned cookies are allowed)"
            ),
            Rejection::SameSiteCrossSite { same_site, site } => {
                let same_site = match same_site {
                    SameSite::Unspecified => "no SameSite (treated as Lax)".to_string(),
                    other => format!("SameSite={other}"),
                };
                write!(f, "{same_site} cannot be set by {site}")
            }
        }
    }
}

/// The `Cookie` header for one request, and why each cookie was or was not in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retrieval {
    /// The header value, or `None` when no cookie applies (no header is sent at all).
    pub header: Option<String>,
    /// One decision per cookie that was in the jar, in jar order.
    pub decisions: Vec<SendDecision>,
}

/// Whether one cookie was sent.
///
/// A request makes one per cookie in the jar, so a decision copies no string: the key is the
/// jar's own (shared), and the reason shares the key's and the request's strings (see
/// [`SkipReason`]). Serde writes the key as a plain [`CookieKey`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendDecision {
    /// The cookie it is about.
    pub key: Rc<CookieKey>,
    /// The outcome.
    pub outcome: SendOutcome,
}

/// Sent, or why not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SendOutcome {
    /// In the `Cookie` header.
    Sent,
    /// In the header only thanks to Chromium's Lax+POST grace period.
    SentLaxAllowingUnsafe {
        /// The cookie's age in seconds.
        age: i64,
    },
    /// Not in the header.
    NotSent(SkipReason),
}

/// Why a stored cookie was left out of a request.
///
/// The facts the wording needs are kept as data; the strings among them are shared (`Rc`) with
/// the cookie's key (its domain, path, partition) or with the other decisions of the same request
/// (its host, path, method, site), made once per request. Serde writes them as plain values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// It expired (and has now been evicted).
    Expired {
        /// When it expired.
        at: i64,
        /// Seconds since.
        ago: i64,
    },
    /// Its domain does not match the request host.
    HostMismatch {
        /// The cookie's domain.
        domain: Rc<str>,
        /// The request host.
        host: Rc<str>,
    },
    /// Its path does not path-match the request path.
    PathMismatch {
        /// The cookie's path.
        cookie_path: Rc<str>,
        /// The request path.
        request_path: Rc<str>,
    },
    /// A `Secure` cookie and an insecure request.
    Secure,
    /// `SameSite=Strict` on a cross-site request.
    SameSiteStrict {
        /// The request's context.
        site: Rc<SiteContext>,
    },
    /// `SameSite=Lax` (or unspecified, treated as Lax) on a cross-site request that is not a
    /// top-level GET.
    SameSiteLax {
        /// The cookie's SameSite (Lax or Unspecified).
        same_site: SameSite,
        /// The request's context.
        site: Rc<SiteContext>,
        /// The request method.
        method: Rc<str>,
    },
    /// Third-party cookies are blocked and this is an embedded cross-site request.
    ThirdPartyCookiesBlocked {
        /// The request's context.
        site: Rc<SiteContext>,
    },
    /// A partitioned cookie under another top-level site.
    OtherPartition {
        /// The cookie's partition.
        partition: Rc<str>,
        /// The top-level site of this request.
        top_level_site: Rc<str>,
    },
}

impl fmt::Display for SendDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.outcome)
    }
}

impl fmt::Display for SendOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendOutcome::Sent => f.write_str("sent"),
            SendOutcome::SentLaxAllowingUnsafe { age } => write!(
                f,
                "sent: no SameSite and only {} old, so Chromium's 2-minute Lax+POST exception applies",
                human_duration(*age)
            ),
            SendOutcome::NotSent(reason) => write!(f, "not sent: {reason}"),
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Expired { at, ago } => {
                write!(
                    f,
                    "expired {} ago at {}",
                    human_duration(*ago),
                    format_instant(*at)
                )
            }
            SkipReason::HostMismatch { domain, host } => {
                write!(f, "the cookie belongs to {domain}, not {host}")
            }
            SkipReason::PathMismatch {
                cookie_path,
                request_path,
            } => {
                write!(f, "Path={cookie_path} does not match {request_path}")
            }
            SkipReason::Secure => {
                f.write_str("Secure cookies are only sent over https (or to localhost)")
            }
            SkipReason::SameSiteStrict { site } => {
                write!(f, "SameSite=Strict and the request comes from {site}")
            }
            SkipReason::SameSiteLax {
                same_site,
                site,
                method,
            } => {
                match same_site {
                    SameSite::Unspecified => {
                        f.write_str("no SameSite, so Chromium treats it as Lax")?
                    }
                    _ => f.write_str("SameSite=Lax")?,
                }
                write!(
                    f,
                    ", and {site} ({method}) is not a top-level GET navigation"
                )
            }
            SkipReason::ThirdPartyCookiesBlocked { site } => write!(
                f,
                "third-party cookies are blocked, and this is {site} (only Partitioned cookies go there)"
            ),
            SkipReason::OtherPartition {
                partition,
                top_level_site,
            } => write!(
                f,
                "Partitioned under {partition}, and the page on screen is {top_level_site}"
            ),
        }
    }
}

/// A cookie jar (one per browser profile).
///
/// Two halves: **storage** ([`CookieJar::store`]: a `Set-Cookie` becomes a stored, deleted or
/// rejected cookie) and **retrieval** ([`CookieJar::retrieve`]: the `Cookie` header for a request,
/// with a reason for each cookie left out). The module docs list the rules and where the
/// playground takes Chromium's side.
///
/// ```
/// use session_playground::browser::{CookieJar, CookieRequest, SiteContext, Url};
/// let mut jar = CookieJar::default();
/// let url = Url::localhost("/login").unwrap();
/// let same_site = SiteContext::SameSite;
/// let request = CookieRequest { url: &url, method: "POST", site: &same_site };
/// let decision = jar.store("session=abc; Path=/; HttpOnly", &request, 0);
/// assert_eq!(decision.to_string(), "session: stored for Path=/, session cookie (until the browser closes)");
///
/// jar.store("flag=1; Path=/admin", &request, 0);
/// let count = Url::localhost("/count").unwrap();
/// let retrieval = jar.retrieve(&CookieRequest { url: &count, method: "GET", site: &same_site }, 1);
/// assert_eq!(retrieval.header.as_deref(), Some("session=abc"));
/// assert_eq!(retrieval.decisions[1].to_string(), "flag (Path=/admin): not sent: Path=/admin does not match /count");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CookieJar {
    /// Invariant: ordered by `creation_order` (replacement keeps the place).
    cookies: Vec<Cookie>,
    next_creation_order: u64,
    /// Third-party cookies (a cross-site subresource such as an image) are neither stored nor
    /// sent, except `Partitioned` ones. On by default: Chromium 156 sent no cookie at all, not
    /// even a `SameSite=None; Secure` one, on a cross-site image request
    /// (`tests/browser_layer/chromium/`, case `cross_site_image`). Turn it off to show what
    /// `SameSite=None` allows when a browser accepts third-party cookies.
    #[serde(default = "blocked_by_default")]
    pub block_third_party_cookies: bool,
}

fn blocked_by_default() -> bool {
    true
}

impl Default for CookieJar {
    fn default() -> Self {
        CookieJar {
            cookies: Vec::new(),
            next_creation_order: 0,
            block_third_party_cookies: true,
        }
    }
}

impl CookieJar {
    /// Every cookie in the jar, expired or not, in creation order.
    pub fn all(&self) -> &[Cookie] {
        &self.cookies
    }

    /// The cookies not yet expired at `now`, in creation order (what dev-tools list).
    pub fn list(&self, now: i64) -> Vec<&Cookie> {
        self.cookies
            .iter()
            .filter(|cookie| !cookie.is_expired(now))
            .collect()
    }

    /// Handles one `Set-Cookie` header received in a response to `request`.
    pub fn store(&mut self, header: &str, request: &CookieRequest<'_>, now: i64) -> StoreDecision {
        match parse_set_cookie(header) {
            Ok(parsed) => self.store_parsed(parsed, request, now),
            Err(reason) => StoreDecision {
                name: None,
                outcome: StoreOutcome::Rejected(Rejection::Parse(reason)),
                notes: Vec::new(),
                evicted: Vec::new(),
            },
        }
    }

    /// Handles an already parsed `Set-Cookie` (RFC 6265bis §5.7 with Chromium's choices).
    pub fn store_parsed(
        &mut self,
        parsed: SetCookie,
        request: &CookieRequest<'_>,
        now: i64,
    ) -> StoreDecision {
        let SetCookie {
            name,
            value,
            expires,
            max_age,
            domain,
            path,
            secure,
            http_only,
            same_site,
            partitioned,
            notes,
        } = parsed;
        let mut decision = StoreDecision {
            name: Some(name.clone()),
            outcome: StoreOutcome::Deleted {
                cause: ExpiryCause::MaxAge(0),
                removed: false,
            },
            notes,
            evicted: Vec::new(),
        };
        let reject = |mut decision: StoreDecision, rejection| {
            decision.outcome = StoreOutcome::Rejected(rejection);
            decision
        };
        let url = request.url;
        let secure_origin = url.is_potentially_trustworthy();

        let has_domain_attribute = domain.is_some();
        let (domain, host_only) = match domain {
            None => (url.host.clone(), true),
            Some(domain) if domain == url.host => {
                // Chromium: a host without a registrable domain (localhost, an IP) cannot have
                // domain cookies; a Domain equal to the host makes a host-only cookie instead.
                (domain, !has_registrable_domain(url))
            }
            Some(domain)
                if has_registrable_domain(url)
                    && domain_matches(&url.host, &domain)
                    && domain.contains('.') =>
            {
                (domain, false)
            }
            Some(domain) => {
                return reject(
                    decision,
                    Rejection::DomainMismatch {
                        domain,
                        host: url.host.clone(),
                    },
                );
            }
        };
        let path_attribute_is_root = matches!(&path, PathAttribute::Given(path) if path == "/");
        let path = match path {
            PathAttribute::Given(path) => path,
            PathAttribute::Absent | PathAttribute::NotAbsolute(_) => default_path(&url.path),
        };

        if secure && !secure_origin {
            return reject(decision, Rejection::SecureFromInsecureOrigin);
        }
        if starts_with_ignore_case(&name, "__Secure-") && !secure {
            return reject(decision, Rejection::SecurePrefix);
        }
        if starts_with_ignore_case(&name, "__Host-")
            && !(secure && !has_domain_attribute && path_attribute_is_root)
        {
            return reject(decision, Rejection::HostPrefix);
        }
        if same_site == SameSite::None && !secure {
            return reject(decision, Rejection::SameSiteNoneWithoutSecure);
        }
        if partitioned && !secure {
            return reject(decision, Rejection::PartitionedWithoutSecure);
        }
        if request.site.is_cross_site()
            && !request.site.is_top_level_navigation()
            && same_site != SameSite::None
        {
            return reject(
                decision,
                Rejection::SameSiteCrossSite {
                    same_site,
                    site: request.site.clone(),
                },
            );
        }
        if self.block_third_party_cookies && is_third_party(request.site) && !partitioned {
            return reject(
                decision,
                Rejection::ThirdPartyCookiesBlocked {
                    site: request.site.clone(),
                },
            );
        }
        // "Leave Secure Cookies Alone": an insecure origin may not shadow a Secure cookie.
        if !secure && !secure_origin {
            let shadows = self.cookies.iter().any(|old| {
                old.secure
                    && old.name == name
                    && (domain_matches(&domain, &old.domain)
                        || domain_matches(&old.domain, &domain))
                    && path_matches(&old.path, &path)
                    && !old.is_expired(now)
            });
            if shadows {
                return reject(decision, Rejection::WouldOverwriteSecure);
            }
        }

        let partition = partitioned.then(|| request.site.top_level_site(&url.origin()));
        let cap = now.saturating_add(MAX_COOKIE_AGE_SECONDS);
        let (expires, capped_from, expired_by) = match (max_age, expires) {
            (Some(seconds), _) if seconds <= 0 => (None, None, Some(ExpiryCause::MaxAge(seconds))),
            (Some(seconds), _) => {
                let asked = now.saturating_add(seconds);
                (Some(asked.min(cap)), (asked > cap).then_some(asked), None)
            }
            (None, Some(at)) if at <= now => (None, None, Some(ExpiryCause::ExpiresInPast(at))),
            (None, Some(at)) => (Some(at.min(cap)), (at > cap).then_some(at), None),
            (None, None) => (None, None, None),
        };
        let mut cookie = Cookie {
            name,
            value,
            domain,
            host_only,
            path,
            expires,
            created: now,
            last_access: now,
            secure,
            http_only,
            same_site,
            partition,
            creation_order: self.next_creation_order,
            shared_key: SharedKey::default(),
        };

        let existing = self.cookies.iter().position(|old| old.same_key(&cookie));
        if let Some(cause) = expired_by {
            if let Some(index) = existing {
                self.cookies.remove(index);
            }
            decision.outcome = StoreOutcome::Deleted {
                cause,
                removed: existing.is_some(),
            };
            return decision;
        }
        let key = cookie.key();
        match existing {
            Some(index) => {
                let old = &mut self.cookies[index];
                cookie.created = old.created;
                cookie.creation_order = old.creation_order;
                // Same key: the decisions already naming it go on sharing it.
                cookie.shared_key = std::mem::take(&mut old.shared_key);
                self.cookies[index] = cookie;
            }
            None => {
                self.next_creation_order += 1;
                self.cookies.push(cookie);
            }
        }
        decision.evicted = self.enforce_domain_limit(&key, now);
        decision.outcome = StoreOutcome::Stored {
            key,
            replaced: existing.is_some(),
            expires,
            capped_from,
        };
        decision
    }

    /// Builds the `Cookie` header for `request` at `now`, with a decision for every cookie in the
    /// jar, and evicts the cookies that have expired.
    pub fn retrieve(&mut self, request: &CookieRequest<'_>, now: i64) -> Retrieval {
        let context = RetrievalContext::new(request, self.block_third_party_cookies);
        let verdicts: Vec<Verdict> = self
            .cookies
            .iter()
            .map(|cookie| context.verdict(cookie, now))
            .collect();
        let decisions = self
            .cookies
            .iter()
            .zip(&verdicts)
            .map(|(cookie, verdict)| {
                let key = cookie.shared_key();
                let outcome = context.explain(&key, cookie, *verdict, now);
                SendDecision { key, outcome }
            })
            .collect();
        let header = self.finish_retrieval(&verdicts, now);
        Retrieval { header, decisions }
    }

    /// Just the `Cookie` header for `request` at `now` (what [`CookieJar::retrieve`] returns,
    /// without building the decisions); also evicts the cookies that have expired.
    pub fn cookie_header(&mut self, request: &CookieRequest<'_>, now: i64) -> Option<String> {
        let context = RetrievalContext::new(request, self.block_third_party_cookies);
        let verdicts: Vec<Verdict> = self
            .cookies
            .iter()
            .map(|cookie| context.verdict(cookie, now))
            .collect();
        self.finish_retrieval(&verdicts, now)
    }

    /// The cookies `request` would carry at `now`, in `Cookie` header order, without touching
    /// the jar (no eviction, no last-access time): what a page's script could send and, without
    /// the `HttpOnly` ones, what it could read (`crate::browser::script_view`).
    pub fn would_send(&self, request: &CookieRequest<'_>, now: i64) -> Vec<&Cookie> {
        let context = RetrievalContext::new(request, self.block_third_party_cookies);
        let verdicts: Vec<Verdict> = self
            .cookies
            .iter()
            .map(|cookie| context.verdict(cookie, now))
            .collect();
        self.header_order(&verdicts)
            .into_iter()
            .map(|index| &self.cookies[index])
            .collect()
    }

    /// The indices of the sent cookies in header order: longer paths first, then earlier
    /// creation. The jar is in creation order, so the index breaks ties (the pairs are distinct,
    /// so an unstable sort gives the same order).
    fn header_order(&self, verdicts: &[Verdict]) -> Vec<usize> {
        let mut sent: Vec<(std::cmp::Reverse<usize>, usize)> = (0..self.cookies.len())
            .filter(|&index| verdicts[index].is_sent())
            .map(|index| (std::cmp::Reverse(self.cookies[index].path.len()), index))
            .collect();
        sent.sort_unstable();
        sent.into_iter().map(|(_, index)| index).collect()
    }

    /// Orders and serialises the sent cookies, marks them used, evicts the expired ones.
    fn finish_retrieval(&mut self, verdicts: &[Verdict], now: i64) -> Option<String> {
        let sent = self.header_order(verdicts);
        let header = (!sent.is_empty()).then(|| {
            let mut header = String::with_capacity(
                sent.iter()
                    .map(|&i| self.cookies[i].name.len() + self.cookies[i].value.len() + 3)
                    .sum(),
            );
            for (position, &index) in sent.iter().enumerate() {
                let cookie = &self.cookies[index];
                if position > 0 {
                    header.push_str("; ");
                }
                if !cookie.name.is_empty() {
                    header.push_str(&cookie.name);
                    header.push('=');
                }
                header.push_str(&cookie.value);
            }
            header
        });
        for &index in &sent {
            self.cookies[index].last_access = now;
        }
        if verdicts
            .iter()
            .any(|verdict| matches!(verdict, Verdict::Expired))
        {
            self.cookies.retain(|cookie| !cookie.is_expired(now));
        }
        header
    }

    /// Removes the cookies that have expired at `now`, returning them.
    pub fn evict_expired(&mut self, now: i64) -> Vec<Cookie> {
        let (expired, kept) = std::mem::take(&mut self.cookies)
            .into_iter()
            .partition(|cookie| cookie.is_expired(now));
        self.cookies = kept;
        expired
    }

    /// Ends the browsing session: drops every cookie without an expiry. Returns how many.
    pub fn clear_session_cookies(&mut self) -> usize {
        let before = self.cookies.len();
        self.cookies.retain(|cookie| cookie.expires.is_some());
        before - self.cookies.len()
    }

    /// Dev-tools "edit": sets the value of the cookie with `key`. Returns whether it existed.
    pub fn edit_value(&mut self, key: &CookieKey, value: &str) -> bool {
        match self.cookies.iter_mut().find(|cookie| key.describes(cookie)) {
            Some(cookie) => {
                cookie.value = value.to_string();
                true
            }
            None => false,
        }
    }

    /// The scenario's `set_cookie`: sets the value of the `(name, Path=/)` cookie on `host`,
    /// keeping its expiry and other attributes if it exists (and has not expired), otherwise
    /// adding a session cookie.
    ///
    /// ```
    /// use session_playground::browser::CookieJar;
    /// let mut jar = CookieJar::default();
    /// jar.set_value("localhost", "session", "forged", 0);
    /// assert_eq!(jar.list(0)[0].pair(), "session=forged");
    /// assert_eq!(jar.list(0)[0].expires, None);
    /// ```
    pub fn set_value(&mut self, host: &str, name: &str, value: &str, now: i64) {
        self.cookies.retain(|cookie| !cookie.is_expired(now));
        let existing = self.cookies.iter_mut().find(|cookie| {
            cookie.name == name
                && cookie.path == "/"
                && cookie.domain == host
                && cookie.partition.is_none()
        });
        match existing {
            Some(cookie) => cookie.value = value.to_string(),
            None => self.add(Cookie::session(host, name, value), now),
        }
    }

    /// Dev-tools "add": puts `cookie` in the jar as is (no checks), replacing one with the same
    /// key and keeping that one's creation time and place.
    pub fn add(&mut self, mut cookie: Cookie, now: i64) {
        cookie.last_access = now;
        // Its key fields may have been changed since a jar shared its key.
        cookie.shared_key = SharedKey::default();
        match self.cookies.iter().position(|old| old.same_key(&cookie)) {
            Some(index) => {
                cookie.created = self.cookies[index].created;
                cookie.creation_order = self.cookies[index].creation_order;
                self.cookies[index] = cookie;
            }
            None => {
                cookie.created = now;
                cookie.creation_order = self.next_creation_order;
                self.next_creation_order += 1;
                self.cookies.push(cookie);
            }
        }
    }

    /// Dev-tools "delete": removes the cookie with `key`. Returns whether it existed.
    pub fn delete(&mut self, key: &CookieKey) -> bool {
        let before = self.cookies.len();
        self.cookies.retain(|cookie| !key.describes(cookie));
        before != self.cookies.len()
    }

    /// The scenario's `delete_cookie`: removes every cookie named `name`. Returns how many.
    pub fn delete_named(&mut self, name: &str) -> usize {
        let before = self.cookies.len();
        self.cookies.retain(|cookie| cookie.name != name);
        before - self.cookies.len()
    }

    /// Copies the cookie with `key` into `other` (the "stolen cookie" lesson), as a dev-tools add.
    /// Returns whether there was such a cookie.
    pub fn copy_to(&self, key: &CookieKey, other: &mut CookieJar, now: i64) -> bool {
        match self
            .cookies
            .iter()
            .find(|cookie| key.describes(cookie) && !cookie.is_expired(now))
        {
            Some(cookie) => {
                other.add(cookie.clone(), now);
                true
            }
            None => false,
        }
    }

    /// Keeps the domain under Chromium's per-domain limit, evicting least recently used cookies.
    fn enforce_domain_limit(&mut self, just_stored: &CookieKey, now: i64) -> Vec<CookieKey> {
        if self.cookies.len() <= MAX_COOKIES_PER_DOMAIN {
            // No domain can be over the limit: skip counting (this runs on every store).
            return Vec::new();
        }
        let domain: &str = &just_stored.domain;
        let count = self
            .cookies
            .iter()
            .filter(|cookie| cookie.domain == domain)
            .count();
        if count <= MAX_COOKIES_PER_DOMAIN {
            return Vec::new();
        }
        // Expired ones go first, then the least recently used; the cookie just stored stays.
        let mut candidates: Vec<(bool, i64, u64, CookieKey)> = self
            .cookies
            .iter()
            .filter(|cookie| cookie.domain == domain && !just_stored.describes(cookie))
            .map(|cookie| {
                (
                    !cookie.is_expired(now),
                    cookie.last_access,
                    cookie.creation_order,
                    cookie.key(),
                )
            })
            .collect();
        crate::text::order::sort_by_key(&mut candidates, |candidate| {
            (candidate.0, candidate.1, candidate.2)
        });
        let evicted: Vec<CookieKey> = candidates
            .into_iter()
            .take(count - COOKIES_PER_DOMAIN_AFTER_EVICTION)
            .map(|(_, _, _, key)| key)
            .collect();
        self.cookies
            .retain(|cookie| !evicted.iter().any(|key| key.describes(cookie)));
        evicted
    }
}

/// What the jar decided about one cookie for one request, before any wording (no allocation:
/// the `Cookie` header is built on every request, the explanations only when asked for).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Sent,
    SentLaxAllowingUnsafe,
    Expired,
    HostMismatch,
    PathMismatch,
    Secure,
    OtherPartition,
    ThirdPartyCookiesBlocked,
    SameSiteStrict,
    SameSiteLax,
}

impl Verdict {
    fn is_sent(self) -> bool {
        matches!(self, Verdict::Sent | Verdict::SentLaxAllowingUnsafe)
    }
}

/// The request facts retrieval needs, computed once per request. The shared strings the skip
/// reasons name are made the first time a reason needs them, then shared by every decision.
struct RetrievalContext<'a> {
    request: &'a CookieRequest<'a>,
    secure_origin: bool,
    safe_method: bool,
    block_third_party_cookies: bool,
    /// Also needed to decide on partitioned cookies.
    top_level_site: OnceCell<Rc<str>>,
    host: OnceCell<Rc<str>>,
    path: OnceCell<Rc<str>>,
    method: OnceCell<Rc<str>>,
    site: OnceCell<Rc<SiteContext>>,
}

impl<'a> RetrievalContext<'a> {
    fn new(request: &'a CookieRequest<'a>, block_third_party_cookies: bool) -> Self {
        RetrievalContext {
            request,
            block_third_party_cookies,
            secure_origin: request.url.is_potentially_trustworthy(),
            top_level_site: OnceCell::new(),
            host: OnceCell::new(),
            path: OnceCell::new(),
            method: OnceCell::new(),
            site: OnceCell::new(),
            safe_method: matches!(request.method, "GET" | "HEAD" | "OPTIONS" | "TRACE"),
        }
    }

    fn top_level_site(&self) -> &Rc<str> {
        self.top_level_site
            .get_or_init(|| Rc::from(self.request.site.top_level_site(&self.request.url.origin())))
    }

    fn host(&self) -> Rc<str> {
        Rc::clone(
            self.host
                .get_or_init(|| Rc::from(self.request.url.host.as_str())),
        )
    }

    fn path(&self) -> Rc<str> {
        Rc::clone(
            self.path
                .get_or_init(|| Rc::from(self.request.url.path.as_str())),
        )
    }

    fn method(&self) -> Rc<str> {
        Rc::clone(self.method.get_or_init(|| Rc::from(self.request.method)))
    }

    fn site(&self) -> Rc<SiteContext> {
        Rc::clone(self.site.get_or_init(|| Rc::new(self.request.site.clone())))
    }

    /// RFC 6265bis §5.8.3, in the order the reasons are reported.
    fn verdict(&self, cookie: &Cookie, now: i64) -> Verdict {
        let url = self.request.url;
        if cookie.is_expired(now) {
            return Verdict::Expired;
        }
        if !host_applies(cookie, &url.host) {
            return Verdict::HostMismatch;
        }
        if !path_matches(&url.path, &cookie.path) {
            return Verdict::PathMismatch;
        }
        if cookie.secure && !self.secure_origin {
            return Verdict::Secure;
        }
        if cookie
            .partition
            .as_ref()
            .is_some_and(|partition| **partition != **self.top_level_site())
        {
            return Verdict::OtherPartition;
        }
        if self.block_third_party_cookies
            && is_third_party(self.request.site)
            && cookie.partition.is_none()
        {
            return Verdict::ThirdPartyCookiesBlocked;
        }
        self.same_site_verdict(cookie, now)
    }

    /// SameSite and Lax-by-default, once host, path, Secure and partition allow the cookie.
    fn same_site_verdict(&self, cookie: &Cookie, now: i64) -> Verdict {
        let site = self.request.site;
        if !site.is_cross_site() {
            return Verdict::Sent;
        }
        let lax_allows = site.is_top_level_navigation() && self.safe_method;
        match cookie.same_site {
            SameSite::None => Verdict::Sent,
            SameSite::Strict => Verdict::SameSiteStrict,
            SameSite::Lax | SameSite::Unspecified if lax_allows => Verdict::Sent,
            SameSite::Unspecified
                if site.is_top_level_navigation()
                    && now.saturating_sub(cookie.created) < LAX_ALLOW_UNSAFE_MAX_AGE_SECONDS =>
            {
                Verdict::SentLaxAllowingUnsafe
            }
            SameSite::Lax | SameSite::Unspecified => Verdict::SameSiteLax,
        }
    }

    /// The learner-facing outcome of a verdict; `key` is the cookie's shared key.
    fn explain(&self, key: &CookieKey, cookie: &Cookie, verdict: Verdict, now: i64) -> SendOutcome {
        let reason = match verdict {
            Verdict::Sent => return SendOutcome::Sent,
            Verdict::SentLaxAllowingUnsafe => {
                return SendOutcome::SentLaxAllowingUnsafe {
                    age: now.saturating_sub(cookie.created),
                };
            }
            Verdict::Expired => {
                let at = cookie.expires.unwrap_or(now);
                SkipReason::Expired {
                    at,
                    ago: now.saturating_sub(at),
                }
            }
            Verdict::HostMismatch => SkipReason::HostMismatch {
                domain: key.domain.clone(),
                host: self.host(),
            },
            Verdict::PathMismatch => SkipReason::PathMismatch {
                cookie_path: key.path.clone(),
                request_path: self.path(),
            },
            Verdict::Secure => SkipReason::Secure,
            Verdict::OtherPartition => SkipReason::OtherPartition {
                partition: key.partition.clone().unwrap_or_else(|| Rc::from("")),
                top_level_site: self.top_level_site().clone(),
            },
            Verdict::ThirdPartyCookiesBlocked => {
                SkipReason::ThirdPartyCookiesBlocked { site: self.site() }
            }
            Verdict::SameSiteStrict => SkipReason::SameSiteStrict { site: self.site() },
            Verdict::SameSiteLax => SkipReason::SameSiteLax {
                same_site: cookie.same_site,
                site: self.site(),
                method: self.method(),
            },
        };
        SendOutcome::NotSent(reason)
    }
}

/// An embedded request from another site: where "third-party cookies" live.
fn is_third_party(site: &SiteContext) -> bool {
    site.is_cross_site() && !site.is_top_level_navigation()
}

/// A cookie whose domain applies to `host`: exactly, or (domain cookie) as a parent domain.
fn host_applies(cookie: &Cookie, host: &str) -> bool {
    if cookie.host_only {
        cookie.domain == host
    } else {
        domain_matches(host, &cookie.domain)
    }
}

/// RFC 6265bis §5.1.3 domain-match: equal, or `domain` is a dot-separated suffix of a host name.
pub fn domain_matches(host: &str, domain: &str) -> bool {
    if host == domain {
        return true;
    }
    let is_ip = host.starts_with('[')
        || host
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.');
    !is_ip
        && host.len() > domain.len()
        && host.ends_with(domain)
        && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
}

/// Whether the URL's host has a registrable domain (a public suffix plus one label). Without a
/// public-suffix list the playground says: not an IP, and at least two labels.
fn has_registrable_domain(url: &Url) -> bool {
    !url.host_is_ip()
        && url.host.trim_matches('.').contains('.')
        && !url.host.ends_with(".localhost")
}

/// RFC 6265bis §5.1.4 default-path: the request path up to, not including, its last `/`.
///
/// ```
/// use session_playground::browser::jar::default_path;
/// assert_eq!(default_path("/cookies/resources/cookie"), "/cookies/resources");
/// assert_eq!(default_path("/login"), "/");
/// assert_eq!(default_path(""), "/");
/// ```
pub fn default_path(request_path: &str) -> String {
    if !request_path.starts_with('/') {
        return "/".to_string();
    }
    match request_path.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(last) => request_path[..last].to_string(),
    }
}

/// RFC 6265bis §5.1.4 path-match: is `request_path` inside `cookie_path`?
///
/// ```
/// use session_playground::browser::jar::path_matches;
/// assert!(path_matches("/admin/users", "/admin"));
/// assert!(!path_matches("/administrator", "/admin"));
/// assert!(path_matches("/admin", "/admin"));
/// ```
pub fn path_matches(request_path: &str, cookie_path: &str) -> bool {
    if request_path == cookie_path {
        return true;
    }
    request_path.starts_with(cookie_path)
        && (cookie_path.ends_with('/')
            || request_path.as_bytes().get(cookie_path.len()) == Some(&b'/'))
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

fn display_name(name: &str) -> &str {
    if name.is_empty() { "(nameless)" } else { name }
}

/// `3` → `"3 s"`, `125` → `"2 min 5 s"`, `90061` → `"1 d 1 h"`: the two largest units.
pub(crate) fn human_duration(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let units = [(86_400, "d"), (3_600, "h"), (60, "min"), (1, "s")];
    let Some(first) = units.iter().position(|(size, _)| seconds >= *size) else {
        return "0 s".to_string();
    };
    let (size, unit) = units[first];
    let mut out = format!("{} {unit}", seconds / size);
    if let Some((next_size, next_unit)) = units.get(first + 1) {
        let rest = seconds % size / next_size;
        if rest > 0 {
            out.push_str(&format!(" {rest} {next_unit}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::clock::parse_instant;

    const NOW: i64 = crate::browser::clock::DEFAULT_START;

    fn url(text: &str) -> Url {
        if text.starts_with('/') {
            Url::localhost(text).unwrap()
        } else {
            Url::parse(text).unwrap()
        }
    }

    /// Stores `header` as if received from a same-site GET of `at` (a path on localhost or a URL).
    fn store_at(jar: &mut CookieJar, at: &str, header: &str, now: i64) -> StoreDecision {
        store_in(jar, at, header, now, &SiteContext::SameSite, "GET")
    }

    fn store_in(
        jar: &mut CookieJar,
        at: &str,
        header: &str,
        now: i64,
        site: &SiteContext,
        method: &str,
    ) -> StoreDecision {
        let url = url(at);
        jar.store(
            header,
            &CookieRequest {
                url: &url,
                method,
                site,
            },
            now,
        )
    }

    fn retrieve_in(
        jar: &mut CookieJar,
        at: &str,
        now: i64,
        site: &SiteContext,
        method: &str,
    ) -> Retrieval {
        let url = url(at);
        jar.retrieve(
            &CookieRequest {
                url: &url,
                method,
                site,
            },
            now,
        )
    }

    fn header_at(jar: &mut CookieJar, at: &str, now: i64) -> Option<String> {
        retrieve_in(jar, at, now, &SiteContext::SameSite, "GET").header
    }

    #[test]
    fn cookie_without_domain_is_host_only_for_the_request_host() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1", NOW);
        let cookie = &jar.all()[0];
        assert_eq!(
            (cookie.domain.as_str(), cookie.host_only),
            ("localhost", true)
        );
        assert_eq!(
            header_at(&mut jar, "http://localhost/", NOW).as_deref(),
            Some("a=1")
        );
        assert_eq!(header_at(&mut jar, "http://app.localhost/", NOW), None);
    }

    #[test]
    fn domain_equal_to_localhost_makes_a_host_only_cookie_like_chromium() {
        let mut jar = CookieJar::default();
        let decision = store_at(&mut jar, "/", "a=1; Domain=.LOCALHOST; Path=/", NOW);
        assert!(matches!(decision.outcome, StoreOutcome::Stored { .. }));
        assert!(jar.all()[0].host_only);
    }

    #[test]
    fn domain_the_host_is_not_in_is_rejected_with_the_reason() {
        let mut jar = CookieJar::default();
        let decision = store_at(&mut jar, "/", "a=1; Domain=example.com", NOW);
        assert_eq!(
            decision.to_string(),
            "a: not stored: Domain=example.com does not match the host localhost"
        );
        let decision = store_at(
            &mut jar,
            "http://app.localhost/",
            "a=1; Domain=localhost",
            NOW,
        );
        assert_eq!(
            decision.to_string(),
            "a: not stored: Domain=localhost does not match the host app.localhost"
        );
        assert!(jar.all().is_empty());
    }

    #[test]
    fn domain_cookie_on_a_registrable_domain_reaches_subdomains() {
        let mut jar = CookieJar::default();
        store_at(
            &mut jar,
            "https://www.example.com/",
            "a=1; Domain=example.com",
            NOW,
        );
        store_at(&mut jar, "https://www.example.com/", "b=2; Domain=com", NOW);
        assert_eq!(jar.all().len(), 1);
        assert!(!jar.all()[0].host_only);
        assert_eq!(
            header_at(&mut jar, "https://api.example.com/", NOW).as_deref(),
            Some("a=1")
        );
        let retrieval = retrieve_in(
            &mut jar,
            "https://example.org/",
            NOW,
            &SiteContext::SameSite,
            "GET",
        );
        assert_eq!(
            retrieval.decisions[0].to_string(),
            "a (Path=/): not sent: the cookie belongs to example.com, not example.org"
        );
    }

    #[test]
    fn default_path_is_the_directory_of_the_request_path() {
        let mut jar = CookieJar::default();
        let decision = store_at(&mut jar, "/shop/cart/add?x=1", "a=1", NOW);
        assert_eq!(
            decision.to_string(),
            "a: stored for Path=/shop/cart, session cookie (until the browser closes)"
        );
        store_at(&mut jar, "/login", "b=1; Path=relative", NOW);
        assert_eq!(jar.all()[1].path, "/");
    }

    #[test]
    fn path_mismatch_is_explained() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "admin=1; Path=/admin", NOW);
        let retrieval = retrieve_in(&mut jar, "/count", NOW, &SiteContext::SameSite, "GET");
        assert_eq!(retrieval.header, None);
        assert_eq!(
            retrieval.decisions[0].outcome.to_string(),
            "not sent: Path=/admin does not match /count"
        );
        assert_eq!(
            header_at(&mut jar, "/admin/users", NOW).as_deref(),
            Some("admin=1")
        );
        assert_eq!(header_at(&mut jar, "/administrator", NOW), None);
    }

    #[test]
    fn max_age_wins_over_expires() {
        let mut jar = CookieJar::default();
        store_at(
            &mut jar,
            "/",
            "a=1; Max-Age=60; Expires=Fri, 01 Jan 2038 00:00:00 GMT",
            NOW,
        );
        store_at(
            &mut jar,
            "/",
            "b=1; Expires=Fri, 01 Jan 2038 00:00:00 GMT; Max-Age=0",
            NOW,
        );
        assert_eq!(jar.all().len(), 1);
        assert_eq!(jar.all()[0].expires, Some(NOW + 60));
    }

    #[test]
    fn max_age_zero_deletes_the_stored_cookie() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1; Path=/", NOW);
        let decision = store_at(&mut jar, "/", "a=; Max-Age=0; Path=/", NOW);
        assert_eq!(
            decision.to_string(),
            "a: not stored: Max-Age=0 deletes the cookie (the stored one was removed)"
        );
        assert!(jar.all().is_empty());
        let decision = store_at(&mut jar, "/", "a=; Max-Age=-1", NOW);
        assert_eq!(
            decision.outcome.to_string(),
            "not stored: Max-Age=-1 deletes the cookie (there was none to delete)"
        );
    }

    #[test]
    fn expires_in_the_past_or_now_deletes() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1", NOW);
        let decision = store_at(
            &mut jar,
            "/",
            "a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            NOW,
        );
        assert_eq!(
            decision.outcome.to_string(),
            "not stored: Expires=1970-01-01T00:00:00Z is in the past, which deletes the cookie (the stored one was removed)"
        );
        let decision = store_at(
            &mut jar,
            "/",
            "b=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT",
            NOW,
        );
        assert!(matches!(decision.outcome, StoreOutcome::Deleted { .. }));
        assert!(jar.all().is_empty());
    }

    #[test]
    fn expiry_is_capped_at_400_days() {
        let mut jar = CookieJar::default();
        let decision = store_at(
            &mut jar,
            "/",
            "a=1; Path=/; Expires=Fri, 01 Jan 2038 00:00:00 GMT",
            NOW,
        );
        assert_eq!(jar.all()[0].expires, Some(NOW + 400 * 86_400));
        assert_eq!(
            decision.to_string(),
            "a: stored for Path=/, expires 2027-02-05T00:00:00Z (asked for 2038-01-01T00:00:00Z: browsers cap cookies at 400 days)"
        );
        store_at(&mut jar, "/", "b=1; Max-Age=99999999999999999999", NOW);
        assert_eq!(jar.all()[1].expires, Some(NOW + MAX_COOKIE_AGE_SECONDS));
    }

    #[test]
    fn expired_cookie_is_not_sent_and_is_evicted() {
        let mut jar = CookieJar::default();
        let expires = parse_instant("2026-02-01T00:00:00Z").unwrap();
        store_at(
            &mut jar,
            "/",
            "a=1; Path=/; Expires=Sun, 01 Feb 2026 00:00:00 GMT",
            NOW,
        );
        assert_eq!(
            header_at(&mut jar, "/", expires - 1).as_deref(),
            Some("a=1")
        );
        assert_eq!(
            jar.list(expires).len(),
            0,
            "a cookie has expired when clock >= expires"
        );
        let retrieval = retrieve_in(&mut jar, "/", expires + 3, &SiteContext::SameSite, "GET");
        assert_eq!(retrieval.header, None);
        assert_eq!(
            retrieval.decisions[0].outcome.to_string(),
            "not sent: expired 3 s ago at 2026-02-01T00:00:00Z"
        );
        assert!(jar.all().is_empty(), "evicted once read");
    }

    #[test]
    fn replacing_a_cookie_keeps_its_creation_time_and_place() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1; Path=/", NOW);
        store_at(&mut jar, "/", "b=1; Path=/", NOW + 1);
        let decision = store_at(&mut jar, "/", "a=2; Path=/; Max-Age=60", NOW + 2);
        assert_eq!(
            decision.to_string(),
            "a: stored, replacing the previous value for Path=/, expires 2026-01-01T00:01:02Z"
        );
        assert_eq!(jar.all()[0].created, NOW);
        assert_eq!(jar.all()[0].value, "2");
        assert_eq!(
            header_at(&mut jar, "/", NOW + 3).as_deref(),
            Some("a=2; b=1")
        );
    }

    #[test]
    fn cookie_header_puts_longer_paths_first_then_older_cookies() {
        let mut jar = CookieJar::default();
        for header in [
            "root1=1; Path=/",
            "deep=2; Path=/a/b",
            "mid=3; Path=/a",
            "root2=4; Path=/",
        ] {
            store_at(&mut jar, "/a/b/set", header, NOW);
        }
        assert_eq!(
            header_at(&mut jar, "/a/b/show", NOW).as_deref(),
            Some("deep=2; mid=3; root1=1; root2=4")
        );
        assert_eq!(
            header_at(&mut jar, "/a/bc", NOW).as_deref(),
            Some("mid=3; root1=1; root2=4")
        );
    }

    #[test]
    fn nameless_cookie_is_sent_as_its_value_and_values_are_raw() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "token", NOW);
        store_at(&mut jar, "/", "q=\"a b\"", NOW);
        store_at(&mut jar, "/", "e=", NOW);
        assert_eq!(
            header_at(&mut jar, "/", NOW).as_deref(),
            Some("token; q=\"a b\"; e=")
        );
    }

    #[test]
    fn secure_cookies_work_on_localhost_and_https_but_not_plain_http() {
        let mut jar = CookieJar::default();
        assert!(matches!(
            store_at(&mut jar, "/", "a=1; Secure", NOW).outcome,
            StoreOutcome::Stored { .. }
        ));
        assert_eq!(header_at(&mut jar, "/", NOW).as_deref(), Some("a=1"));
        let decision = store_at(&mut jar, "http://example.com/", "b=1; Secure", NOW);
        assert_eq!(
            decision.to_string(),
            "b: not stored: a Secure cookie can only be set over https (or on localhost)"
        );
        store_at(&mut jar, "https://example.com/", "c=1; Secure", NOW);
        let retrieval = retrieve_in(
            &mut jar,
            "http://example.com/",
            NOW,
            &SiteContext::SameSite,
            "GET",
        );
        assert_eq!(
            retrieval.decisions[1].outcome.to_string(),
            "not sent: Secure cookies are only sent over https (or to localhost)"
        );
    }

    #[test]
    fn insecure_origin_cannot_shadow_a_secure_cookie() {
        let mut jar = CookieJar::default();
        store_at(
            &mut jar,
            "https://example.com/",
            "id=1; Secure; Path=/",
            NOW,
        );
        let decision = store_at(&mut jar, "http://example.com/", "id=evil; Path=/", NOW);
        assert_eq!(
            decision.to_string(),
            "id: not stored: an insecure page may not overwrite a Secure cookie of the same name"
        );
    }

    #[test]
    fn same_site_none_and_partitioned_need_secure() {
        let mut jar = CookieJar::default();
        assert_eq!(
            store_at(&mut jar, "/", "a=1; SameSite=None", NOW)
                .outcome
                .to_string(),
            "not stored: SameSite=None requires Secure"
        );
        assert_eq!(
            store_at(&mut jar, "/", "a=1; Partitioned", NOW)
                .outcome
                .to_string(),
            "not stored: Partitioned requires Secure"
        );
        assert!(jar.all().is_empty());
    }

    #[test]
    fn cookie_prefixes_are_enforced() {
        let mut jar = CookieJar::default();
        assert_eq!(
            store_at(&mut jar, "/", "__Secure-a=1", NOW)
                .outcome
                .to_string(),
            "not stored: a __Secure- cookie must have Secure"
        );
        assert!(matches!(
            store_at(&mut jar, "/", "__secure-b=1; Secure", NOW).outcome,
            StoreOutcome::Stored { .. }
        ));
        let host_rule = "not stored: a __Host- cookie must have Secure and Path=/, and no Domain";
        assert_eq!(
            store_at(&mut jar, "/", "__Host-a=1; Secure", NOW)
                .outcome
                .to_string(),
            host_rule
        );
        assert_eq!(
            store_at(
                &mut jar,
                "/",
                "__Host-a=1; Secure; Path=/; Domain=localhost",
                NOW
            )
            .outcome
            .to_string(),
            host_rule
        );
        assert_eq!(
            store_at(&mut jar, "/", "__Host-a=1; Path=/", NOW)
                .outcome
                .to_string(),
            host_rule
        );
        assert!(matches!(
            store_at(&mut jar, "/", "__Host-a=1; Secure; Path=/", NOW).outcome,
            StoreOutcome::Stored { .. }
        ));
    }

    #[test]
    fn cross_site_image_can_only_set_same_site_none_cookies() {
        let mut jar = CookieJar {
            block_third_party_cookies: false,
            ..CookieJar::default()
        };
        let image = SiteContext::cross_site_image("https://evil.example");
        let decision = store_in(&mut jar, "/pixel", "a=1", NOW, &image, "GET");
        assert_eq!(
            decision.outcome.to_string(),
            "not stored: no SameSite (treated as Lax) cannot be set by an image on https://evil.example"
        );
        let decision = store_in(
            &mut jar,
            "/pixel",
            "b=1; SameSite=Strict",
            NOW,
            &image,
            "GET",
        );
        assert_eq!(
            decision.outcome.to_string(),
            "not stored: SameSite=Strict cannot be set by an image on https://evil.example"
        );
        let decision = store_in(
            &mut jar,
            "/pixel",
            "c=1; SameSite=None; Secure",
            NOW,
            &image,
            "GET",
        );
        assert!(matches!(decision.outcome, StoreOutcome::Stored { .. }));
        // A top-level navigation from another site may set Strict and Lax cookies.
        let link = SiteContext::cross_site_link("https://evil.example");
        assert!(matches!(
            store_in(&mut jar, "/", "d=1; SameSite=Strict", NOW, &link, "GET").outcome,
            StoreOutcome::Stored { .. }
        ));
    }

    #[test]
    fn same_site_decides_what_cross_site_requests_carry() {
        let mut jar = CookieJar {
            block_third_party_cookies: false,
            ..CookieJar::default()
        };
        for header in [
            "strict=1; SameSite=Strict",
            "lax=1; SameSite=Lax",
            "none=1; SameSite=None; Secure",
            "unset=1",
        ] {
            store_at(&mut jar, "/", header, NOW);
        }
        let later = NOW + 3_600;
        let link = SiteContext::cross_site_link("https://other.example");
        assert_eq!(
            retrieve_in(&mut jar, "/", later, &link, "GET")
                .header
                .as_deref(),
            Some("lax=1; none=1; unset=1")
        );
        let image = SiteContext::cross_site_image("https://other.example");
        let retrieval = retrieve_in(&mut jar, "/", later, &image, "GET");
        assert_eq!(retrieval.header.as_deref(), Some("none=1"));
        assert_eq!(
            retrieval.decisions[3].outcome.to_string(),
            "not sent: no SameSite, so Chromium treats it as Lax, and an image on https://other.example (GET) is not a top-level GET navigation"
        );
        let form = SiteContext::cross_site_form("https://other.example");
        assert_eq!(
            retrieve_in(&mut jar, "/", later, &form, "POST")
                .header
                .as_deref(),
            Some("none=1")
        );
        assert_eq!(
            retrieve_in(&mut jar, "/", later, &SiteContext::SameSite, "POST")
                .header
                .as_deref(),
            Some("strict=1; lax=1; none=1; unset=1")
        );
    }

    #[test]
    fn unspecified_same_site_rides_a_cross_site_post_only_in_its_first_two_minutes() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "unset=1", NOW);
        let form = SiteContext::cross_site_form("https://other.example");
        let young = retrieve_in(&mut jar, "/", NOW + 119, &form, "POST");
        assert_eq!(young.header.as_deref(), Some("unset=1"));
        assert_eq!(
            young.decisions[0].outcome.to_string(),
            "sent: no SameSite and only 1 min 59 s old, so Chromium's 2-minute Lax+POST exception applies"
        );
        // Replacing the cookie does not restart the window: the creation time is kept.
        store_at(&mut jar, "/", "unset=2", NOW + 100);
        assert_eq!(
            retrieve_in(&mut jar, "/", NOW + 120, &form, "POST").header,
            None
        );
        // An explicit SameSite=Lax never gets the exception.
        store_at(&mut jar, "/", "lax=1; SameSite=Lax", NOW + 200);
        assert_eq!(
            retrieve_in(&mut jar, "/", NOW + 201, &form, "POST").header,
            None
        );
    }

    #[test]
    fn third_party_cookies_are_blocked_by_default_except_partitioned_ones() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "none=1; SameSite=None; Secure", NOW);
        let image = SiteContext::cross_site_image("https://news.example");
        let retrieval = retrieve_in(&mut jar, "/pixel", NOW, &image, "GET");
        assert_eq!(retrieval.header, None);
        assert_eq!(
            retrieval.decisions[0].outcome.to_string(),
            "not sent: third-party cookies are blocked, and this is an image on https://news.example (only Partitioned cookies go there)"
        );
        let decision = store_in(
            &mut jar,
            "/pixel",
            "tracker=1; SameSite=None; Secure",
            NOW,
            &image,
            "GET",
        );
        assert_eq!(
            decision.outcome.to_string(),
            "not stored: third-party cookies are blocked, and this response is to an image on https://news.example (only Partitioned cookies are allowed)"
        );
        store_in(
            &mut jar,
            "/pixel",
            "chip=1; SameSite=None; Secure; Partitioned",
            NOW,
            &image,
            "GET",
        );
        assert_eq!(
            retrieve_in(&mut jar, "/pixel", NOW, &image, "GET")
                .header
                .as_deref(),
            Some("chip=1")
        );
        // Top-level navigations from another site are first-party: not affected.
        let link = SiteContext::cross_site_link("https://news.example");
        assert_eq!(
            retrieve_in(&mut jar, "/", NOW, &link, "GET")
                .header
                .as_deref(),
            Some("none=1")
        );
    }

    #[test]
    fn jars_saved_before_the_third_party_setting_existed_block_by_default() {
        let json = r#"{"cookies":[],"next_creation_order":0}"#;
        let jar: CookieJar = serde_json::from_str(json).unwrap();
        assert!(jar.block_third_party_cookies);
    }

    #[test]
    fn strict_cookie_is_not_sent_when_following_a_link_from_another_site() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "strict=1; SameSite=Strict", NOW);
        let link = SiteContext::cross_site_link("https://mail.example");
        let retrieval = retrieve_in(&mut jar, "/", NOW, &link, "GET");
        assert_eq!(
            retrieval.decisions[0].outcome.to_string(),
            "not sent: SameSite=Strict and the request comes from a link on https://mail.example"
        );
    }

    #[test]
    fn partitioned_cookie_stays_in_its_top_level_site() {
        let mut jar = CookieJar::default();
        let image = SiteContext::cross_site_image("https://news.example");
        store_in(
            &mut jar,
            "/widget",
            "chip=1; SameSite=None; Secure; Partitioned; Path=/",
            NOW,
            &image,
            "GET",
        );
        store_at(
            &mut jar,
            "/",
            "chip=own; SameSite=None; Secure; Partitioned; Path=/",
            NOW,
        );
        assert_eq!(
            jar.all().len(),
            2,
            "same name, different partitions: two cookies"
        );
        assert_eq!(
            retrieve_in(&mut jar, "/", NOW, &image, "GET")
                .header
                .as_deref(),
            Some("chip=1")
        );
        let retrieval = retrieve_in(&mut jar, "/", NOW, &SiteContext::SameSite, "GET");
        assert_eq!(retrieval.header.as_deref(), Some("chip=own"));
        assert_eq!(
            retrieval.decisions[0].outcome.to_string(),
            "not sent: Partitioned under https://news.example, and the page on screen is http://localhost"
        );
    }

    #[test]
    fn oversized_cookie_is_rejected_with_the_byte_count() {
        let mut jar = CookieJar::default();
        let decision = store_at(&mut jar, "/", &format!("big={}", "x".repeat(4120)), NOW);
        assert_eq!(
            decision.to_string(),
            "not stored: 4,123 bytes > 4,096 limit for name + value"
        );
    }

    #[test]
    fn a_domain_keeps_at_most_180_cookies_evicting_the_least_recently_used() {
        let mut jar = CookieJar::default();
        for index in 0..180 {
            store_at(&mut jar, "/", &format!("c{index}=1"), NOW + index);
        }
        header_at(&mut jar, "/", NOW + 500); // every cookie used at 500...
        store_at(&mut jar, "/", "c0=2", NOW + 501); // ...then c0 again
        let decision = store_at(&mut jar, "/", "new=1", NOW + 502);
        assert_eq!(jar.all().len(), COOKIES_PER_DOMAIN_AFTER_EVICTION);
        assert_eq!(decision.evicted.len(), 31);
        assert_eq!(&*decision.evicted[0].name, "c1");
        assert!(jar.all().iter().any(|cookie| cookie.name == "c0"));
        assert!(
            decision
                .to_string()
                .contains("; evicted c1 (Path=/) (more than 180 cookies for the site)")
        );
    }

    #[test]
    fn devtools_set_value_keeps_expiry_or_adds_a_session_cookie() {
        let mut jar = CookieJar::default();
        store_at(
            &mut jar,
            "/",
            "session=real; Path=/; Max-Age=3600; HttpOnly",
            NOW,
        );
        jar.set_value("localhost", "session", "forged", NOW + 10);
        let cookie = &jar.all()[0];
        assert_eq!(
            (cookie.value.as_str(), cookie.expires, cookie.http_only),
            ("forged", Some(NOW + 3_600), true)
        );
        jar.set_value("localhost", "theme", "dark", NOW + 10);
        assert_eq!(jar.all()[1].expires, None);
        assert_eq!(jar.all()[1].created, NOW + 10);
    }

    #[test]
    fn devtools_edit_delete_and_clear_session_cookies() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1; Path=/", NOW);
        store_at(&mut jar, "/", "a=2; Path=/x", NOW);
        store_at(&mut jar, "/", "keep=1; Path=/; Max-Age=60", NOW);
        let key = jar.all()[0].key();
        assert!(jar.edit_value(&key, "tampered"));
        assert_eq!(jar.all()[0].value, "tampered");
        assert_eq!(jar.clear_session_cookies(), 2);
        assert_eq!(jar.all().len(), 1);
        assert!(!jar.delete(&key));
        assert_eq!(jar.delete_named("keep"), 1);
        assert!(jar.all().is_empty());
    }

    #[test]
    fn copying_a_cookie_into_another_jar_lets_it_be_sent_from_there() {
        let mut alice = CookieJar::default();
        let mut bob = CookieJar::default();
        store_at(&mut alice, "/", "session=alice; Path=/; HttpOnly", NOW);
        assert!(alice.copy_to(&alice.all()[0].key(), &mut bob, NOW + 5));
        assert_eq!(
            header_at(&mut bob, "/", NOW + 5).as_deref(),
            Some("session=alice")
        );
        assert_eq!(bob.all()[0].created, NOW + 5);
    }

    #[test]
    fn decisions_share_the_cookie_key_and_the_request_facts() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1; Path=/admin", NOW);
        store_at(&mut jar, "/", "b=1; Path=/shop", NOW);
        let first = retrieve_in(&mut jar, "/count", NOW, &SiteContext::SameSite, "GET");
        // Replacing a cookie (same key) keeps sharing its key with the earlier decisions.
        store_at(&mut jar, "/", "a=2; Path=/admin", NOW + 1);
        let second = retrieve_in(&mut jar, "/count", NOW + 1, &SiteContext::SameSite, "GET");
        assert!(Rc::ptr_eq(
            &first.decisions[0].key,
            &second.decisions[0].key
        ));
        let paths = |retrieval: &Retrieval| -> Vec<Rc<str>> {
            retrieval
                .decisions
                .iter()
                .map(|decision| match &decision.outcome {
                    SendOutcome::NotSent(SkipReason::PathMismatch {
                        cookie_path,
                        request_path,
                    }) => {
                        assert!(Rc::ptr_eq(cookie_path, &decision.key.path));
                        Rc::clone(request_path)
                    }
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let request_paths = paths(&second);
        assert!(Rc::ptr_eq(&request_paths[0], &request_paths[1]));
        // Shared or not, the wording and the saved form are what they were.
        assert_eq!(
            second.decisions[1].to_string(),
            "b (Path=/shop): not sent: Path=/shop does not match /count"
        );
        let json = serde_json::to_string(&second).unwrap();
        assert!(json.contains(r#""key":{"name":"a","domain":"localhost","host_only":true,"path":"/admin","partition":null}"#), "{json}");
        assert!(
            json.contains(r#"{"PathMismatch":{"cookie_path":"/admin","request_path":"/count"}}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Retrieval>(&json).unwrap(), second);
    }

    #[test]
    fn a_cookie_changed_outside_the_jar_is_named_by_its_new_key() {
        let mut jar = CookieJar::default();
        store_at(&mut jar, "/", "a=1; Path=/admin", NOW);
        retrieve_in(&mut jar, "/count", NOW, &SiteContext::SameSite, "GET");
        // A copy made after the jar shared the key, then changed (a dev-tools "add").
        let mut moved = jar.all()[0].clone();
        moved.path = "/shop".to_string();
        moved.name = "b".to_string();
        let mut other = CookieJar::default();
        other.add(moved, NOW);
        let retrieval = retrieve_in(&mut other, "/count", NOW, &SiteContext::SameSite, "GET");
        assert_eq!(
            retrieval.decisions[0].to_string(),
            "b (Path=/shop): not sent: Path=/shop does not match /count"
        );
    }

    #[test]
    fn human_durations_use_the_two_largest_units() {
        assert_eq!(human_duration(0), "0 s");
        assert_eq!(human_duration(3), "3 s");
        assert_eq!(human_duration(125), "2 min 5 s");
        assert_eq!(human_duration(3_600), "1 h");
        assert_eq!(human_duration(90_061), "1 d 1 h");
        assert_eq!(human_duration(-5), "0 s");
    }

    #[test]
    fn absurd_inputs_and_times_never_panic() {
        let mut jar = CookieJar::default();
        let huge_header = format!("a={}; Path=/{}", "v".repeat(3000), "p".repeat(1 << 20));
        for now in [i64::MIN, -1, 0, NOW, i64::MAX] {
            for header in [
                huge_header.as_str(),
                "a=1; Max-Age=9223372036854775807",
                "a=1; Max-Age=-9223372036854775808",
                "a=1; Expires=31 Dec 9999 23:59:59",
                "a=1; Expires=\u{0}",
                "\u{1}\u{2}",
                ";;;",
                "a=1; Domain=..; Path=\\",
            ] {
                store_at(&mut jar, "/", header, now);
                header_at(&mut jar, "/", now);
            }
        }
    }
}
