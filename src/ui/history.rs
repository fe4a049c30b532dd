//! The workspace's history as data: where it started ([`Start`]) and every effective step since
//! ([`Step`]). Replaying the steps from the start on a fresh server rebuilds the same state —
//! the jars, the pages, the server's module globals, the log — because every layer below is
//! deterministic (one virtual clock, a seeded RNG). Rewind, "continue from here" and share links
//! are all built on that, so the derived state is never serialised, only this.
//!
//! Code edits are not steps (typing is not an action on the timeline); what the server ran is:
//! each (re)start of the app is a [`Step::Serve`] with the code it served.

use serde::{Deserialize, Serialize};

use crate::browser::{CookieKey, NavigationRequest};

/// Where a workspace starts: the code in the editor, the virtual time, the browser profiles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Start {
    /// The app's source at the start.
    pub code: String,
    /// The virtual time at the start (Unix seconds).
    pub clock: i64,
    /// The browser profiles, the first one active.
    pub profiles: Vec<String>,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            code: super::SEED_APP.to_string(),
            clock: crate::browser::Browser::default().clock.now(),
            profiles: super::state::STARTING_PROFILES.iter().map(|name| name.to_string()).collect(),
        }
    }
}

/// One effective step, as the workspace applied it. Steps that act on a browser act on the
/// profile active at the time (a [`Step::Select`] changes it), as the page does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The app (re)started, serving this code.
    Serve(String),
    /// Another profile became active.
    Select(String),
    /// The active browser closed.
    Close,
    /// The active browser opened again.
    Open,
    /// The "continue where you left off" setting of the active profile.
    ContinueWhereLeftOff(bool),
    /// The virtual clock moved forward by this many seconds.
    Clock(u64),
    /// Dev tools: a new value for a cookie of the active profile.
    EditCookie {
        /// Which cookie.
        key: CookieKey,
        /// Its new raw value.
        value: String,
    },
    /// Dev tools: a new session cookie (Path=/) in the active profile's jar.
    AddCookie {
        /// The cookie's name.
        name: String,
        /// Its raw value.
        value: String,
    },
    /// Dev tools: a cookie of the active profile deleted.
    DeleteCookie(CookieKey),
    /// Dev tools: a cookie of the active profile copied into another profile's jar.
    CopyCookie {
        /// Which cookie.
        key: CookieKey,
        /// The profile that received it.
        to: String,
    },
    /// A request sent by the active browser (address bar, link, form, send again).
    Request(NavigationRequest),
    /// The active browser's Back button.
    Back,
    /// The active browser's Forward button.
    Forward,
    /// The active browser's Reload button.
    Reload,
    /// A new private window opened (and became active).
    PrivateWindow,
}
