//! The virtual browser: a cookie jar (RFC 6265bis, as Chromium applies it) over a virtual clock,
//! browser profiles that can be closed and reopened, and navigation with redirects — plus the
//! reason for every cookie that was or was not stored or sent.
//!
//! It talks HTTP as data ([`crate::http::Request`], [`crate::http::Response`]) through the
//! [`Server`] trait, so it knows nothing of Python or Flask. **Architecture invariant:** nothing
//! here reads the wall clock; time is the [`VirtualClock`]'s.
//!
//! Modules, in reading order:
//! - [`clock`]: the virtual clock, durations (`"31d 1s"`) and `YYYY-MM-DDTHH:MM:SSZ` instants.
//! - [`cookie_date`]: the lenient cookie-date algorithm browsers use for `Expires`.
//! - [`set_cookie`]: one `Set-Cookie` header → a parsed cookie, or why it is ignored.
//! - [`devtools`]: which hand-set cookie pairs Chromium's dev tools accept.
//! - [`url`]: just enough URL parsing and resolution for `localhost`.
//! - [`site`]: same-site vs cross-site request contexts (what makes `SameSite` visible).
//! - [`jar`]: the cookie jar: storage, retrieval, dev-tools operations, decisions with reasons.
//! - [`profile`]: named browsers with a jar and history, private windows, close/reopen.
//! - [`navigation`]: sending a request through a [`Server`], storing cookies, following redirects.
//! - [`markup`]: the start tags and attributes of a response's HTML, as a tokenizer reads them.
//! - [`subresource`]: the stylesheets a shown page loads from its own site, as Chromium requests
//!   them, and the page with them inlined.
//! - [`script_view`]: what a script in a page would read (`document.cookie`) and send; where a
//!   response holds script. Nothing in a response ever runs.

pub mod clock;
pub mod cookie_date;
pub mod devtools;
pub mod jar;
pub mod markup;
pub mod navigation;
pub mod profile;
pub mod script_view;
pub mod set_cookie;
pub mod site;
pub mod subresource;
pub mod url;

pub use clock::VirtualClock;
pub use jar::{
    Cookie, CookieJar, CookieKey, CookieRequest, Retrieval, SendDecision, StoreDecision,
};
pub use navigation::{Hop, NavigationError, NavigationOutcome, NavigationRequest, Server};
pub use profile::{Browser, Profile};
pub use set_cookie::SameSite;
pub use site::{CrossSiteKind, SiteContext};
pub use url::Url;
