//! Browser profiles and the whole browser state: several named browsers (Alice, Bob, ...) each
//! with its own jar and back/forward history, private windows, closing and reopening, and the
//! one virtual clock they share.
//!
//! Closing a browser ends its browsing session: session cookies (no `Expires`/`Max-Age`) are
//! dropped and persistent ones stay until the clock passes their expiry. With "continue where
//! you left off" (Chrome's and Firefox's start-up option) the session is restored on reopening,
//! session cookies included — which is why "closing the browser logs you out" is not always true.
//! A private window starts with an empty jar and is discarded entirely when closed.
//!
//! [`Browser`] derives serde: the share links and rewind serialise it and must get it back exactly.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::browser::clock::VirtualClock;
use crate::browser::jar::{CookieJar, CookieKey};
use crate::browser::navigation::{
    NavigationError, NavigationOutcome, NavigationRequest, Server, navigate,
};
use crate::browser::url::{Scheme, Url};

/// The name of the profile a scenario step uses when it names none.
pub const DEFAULT_PROFILE: &str = "default";

/// The entries a tab's back/forward history keeps, as Chromium's (its navigation controller
/// keeps 50 and drops the oldest). It also keeps the page's state small: the history is copied
/// with the browser at every step, so a thousand requests copied a thousand URLs each time.
pub const MAX_HISTORY: usize = 50;

/// Back/forward history of one profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    entries: Vec<Url>,
    /// Index of the current entry; meaningless when `entries` is empty. A hand-edited share link
    /// can put any value here, so every use tolerates one out of range.
    current: usize,
}

impl History {
    /// The page on screen, if any.
    pub fn current(&self) -> Option<&Url> {
        self.entries.get(self.current)
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> &[Url] {
        &self.entries
    }

    /// Whether "back" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        !self.entries.is_empty() && self.current > 0
    }

    /// Whether "forward" has somewhere to go.
    pub fn can_go_forward(&self) -> bool {
        self.current.saturating_add(1) < self.entries.len()
    }

    /// A new page: drops the forward entries, then appends; past [`MAX_HISTORY`] entries the
    /// oldest go.
    fn push(&mut self, url: Url) {
        if !self.entries.is_empty() {
            self.entries.truncate(self.current.saturating_add(1));
        }
        self.entries.push(url);
        let over = self.entries.len().saturating_sub(MAX_HISTORY);
        self.entries.drain(..over);
        self.current = self.entries.len() - 1;
    }

    fn clear(&mut self) {
        *self = History::default();
    }
}

/// One browser: a cookie jar, a history, and whether it is open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The name the learner knows it by.
    pub name: String,
    /// Its cookie jar.
    pub jar: CookieJar,
    /// Its back/forward history.
    pub history: History,
    /// A private (incognito) window: fresh jar, discarded on close.
    pub private: bool,
    /// Whether the browser is open.
    pub open: bool,
    /// "Continue where you left off": closing keeps session cookies and history.
    pub continue_where_left_off: bool,
    /// Navigations since the browser was last closed (0 when it has not navigated since):
    /// lesson goals use it to tell "came back and was still logged in" from "logged in again".
    #[serde(default)]
    pub navigations_since_open: u32,
}

impl Profile {
    /// A new, open profile with an empty jar.
    pub fn new(name: &str) -> Self {
        Profile {
            name: name.to_string(),
            jar: CookieJar::default(),
            history: History::default(),
            private: false,
            open: true,
            continue_where_left_off: false,
            navigations_since_open: 0,
        }
    }
}

/// What closing a browser did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloseReport {
    /// Session cookies dropped.
    pub session_cookies_dropped: usize,
    /// Whether session cookies were kept because of "continue where you left off".
    pub kept_session: bool,
    /// Whether it was a private window, now gone with its jar.
    pub discarded_private_window: bool,
}

impl fmt::Display for CloseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.discarded_private_window {
            return f.write_str("private window closed: its cookies are gone");
        }
        if self.kept_session {
            return f.write_str(
                "browser closed; \"continue where you left off\" keeps session cookies for the next start",
            );
        }
        match self.session_cookies_dropped {
            1 => f.write_str("browser closed: 1 session cookie dropped"),
            count => write!(f, "browser closed: {count} session cookies dropped"),
        }
    }
}

/// The whole virtual browser: the clock, every profile, and whether the site is served over https.
///
/// ```
/// use session_playground::browser::{Browser, NavigationRequest};
/// use session_playground::http::{Request, Response};
/// let mut browser = Browser::default();
/// let mut server = |_: &Request, _: i64| Response { status: 200, body: vec![],
///     headers: vec![("Set-Cookie".into(), "visits=1; Path=/".into())] };
/// browser.navigate("default", &NavigationRequest::get("/count"), &mut server).unwrap();
/// assert_eq!(browser.profile("default").unwrap().jar.all().len(), 1);
/// browser.close("default");
/// assert_eq!(browser.profile("default").unwrap().jar.all().len(), 0); // a session cookie
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Browser {
    /// The one clock.
    pub clock: VirtualClock,
    /// `http` (default) or `https` for `localhost`.
    pub scheme: Scheme,
    /// The host the app is on: `localhost` unless a lesson puts it elsewhere (issue 20: the
    /// subdomain lesson's `app.example.test`, beside `evil.example.test`).
    #[serde(default = "default_host", skip_serializing_if = "is_default_host")]
    pub host: String,
    profiles: Vec<Profile>,
    private_windows_opened: u32,
}

/// The app's host when nothing else is said.
fn default_host() -> String {
    "localhost".to_string()
}

fn is_default_host(host: &str) -> bool {
    host == "localhost"
}

impl Default for Browser {
    fn default() -> Self {
        Browser {
            clock: VirtualClock::default(),
            scheme: Scheme::Http,
            host: default_host(),
            profiles: vec![Profile::new(DEFAULT_PROFILE)],
            private_windows_opened: 0,
        }
    }
}

impl Browser {
    /// A browser whose profiles are `names` (open, empty jars), in that order, at the default clock.
    ///
    /// ```
    /// use session_playground::browser::Browser;
    /// let browser = Browser::with_profiles(&["Alice", "Bob"]);
    /// let names: Vec<&str> = browser.profiles().iter().map(|p| p.name.as_str()).collect();
    /// assert_eq!(names, ["Alice", "Bob"]);
    /// ```
    pub fn with_profiles(names: &[&str]) -> Self {
        Browser {
            profiles: names.iter().map(|name| Profile::new(name)).collect(),
            ..Browser::default()
        }
    }

    /// Every profile, in the order they were created.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    /// The profile called `name`.
    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|profile| profile.name == name)
    }

    /// The profile called `name`, mutably.
    pub fn profile_mut(&mut self, name: &str) -> Option<&mut Profile> {
        self.profiles
            .iter_mut()
            .find(|profile| profile.name == name)
    }

    /// The profile called `name`, created (open, empty) if there is none yet — how a scenario
    /// step's `"browser": "alice"` brings a browser into being.
    pub fn profile_or_create(&mut self, name: &str) -> &mut Profile {
        let index = match self
            .profiles
            .iter()
            .position(|profile| profile.name == name)
        {
            Some(index) => index,
            None => {
                self.profiles.push(Profile::new(name));
                self.profiles.len() - 1
            }
        };
        &mut self.profiles[index]
    }

    /// Opens a private window (a fresh jar) and returns its generated name, e.g. `"Private 1"`.
    pub fn open_private_window(&mut self) -> String {
        self.private_windows_opened += 1;
        let mut name = format!("Private {}", self.private_windows_opened);
        while self.profile(&name).is_some() {
            name.push('\'');
        }
        let mut profile = Profile::new(&name);
        profile.private = true;
        self.profiles.push(profile);
        name
    }

    /// Closes the browser `name`. `None` if there is no such profile.
    pub fn close(&mut self, name: &str) -> Option<CloseReport> {
        let index = self
            .profiles
            .iter()
            .position(|profile| profile.name == name)?;
        if self.profiles[index].private {
            self.profiles.remove(index);
            return Some(CloseReport {
                session_cookies_dropped: 0,
                kept_session: false,
                discarded_private_window: true,
            });
        }
        let profile = &mut self.profiles[index];
        profile.open = false;
        profile.navigations_since_open = 0;
        if profile.continue_where_left_off {
            return Some(CloseReport {
                session_cookies_dropped: 0,
                kept_session: true,
                discarded_private_window: false,
            });
        }
        let dropped = profile.jar.clear_session_cookies();
        profile.history.clear();
        Some(CloseReport {
            session_cookies_dropped: dropped,
            kept_session: false,
            discarded_private_window: false,
        })
    }

    /// Opens the browser `name` again (navigating opens it too). Returns whether it exists.
    pub fn reopen(&mut self, name: &str) -> bool {
        self.profile_mut(name)
            .map(|profile| profile.open = true)
            .is_some()
    }

    /// Navigates profile `name` (opening it if closed): relative URLs resolve against the page
    /// on screen, or against the site root. The final URL becomes a new history entry.
    pub fn navigate(
        &mut self,
        name: &str,
        request: &NavigationRequest,
        server: &mut dyn Server,
    ) -> Result<NavigationOutcome, NavigationError> {
        let outcome = self.navigate_without_history(name, request, server)?;
        if request.site.is_top_level_navigation() {
            let url = outcome.final_hop().url.clone();
            if let Some(profile) = self.profile_mut(name) {
                profile.history.push(url);
            }
        }
        Ok(outcome)
    }

    /// "Back": reloads the previous history entry with a GET. `Ok(None)` if there is none.
    pub fn back(
        &mut self,
        name: &str,
        server: &mut dyn Server,
    ) -> Result<Option<NavigationOutcome>, NavigationError> {
        self.traverse(name, server, -1)
    }

    /// "Forward": reloads the next history entry with a GET. `Ok(None)` if there is none.
    pub fn forward(
        &mut self,
        name: &str,
        server: &mut dyn Server,
    ) -> Result<Option<NavigationOutcome>, NavigationError> {
        self.traverse(name, server, 1)
    }

    /// "Reload": requests the history entry on screen again with a GET. `Ok(None)` if there is
    /// none.
    pub fn reload(
        &mut self,
        name: &str,
        server: &mut dyn Server,
    ) -> Result<Option<NavigationOutcome>, NavigationError> {
        self.traverse(name, server, 0)
    }

    /// Copies one cookie from profile `from` into profile `to` (the session-hijacking lesson).
    /// Returns whether both profiles and the cookie exist.
    pub fn copy_cookie(&mut self, from: &str, key: &CookieKey, to: &str) -> bool {
        let now = self.clock.now();
        let Some(source) = self.profile(from).map(|profile| profile.jar.clone()) else {
            return false;
        };
        match self.profile_mut(to) {
            Some(target) => source.copy_to(key, &mut target.jar, now),
            None => false,
        }
    }

    /// The host the playground's site (the app) lives on: [`Browser::host`].
    pub fn site_host(&self) -> String {
        self.site_root().host
    }

    /// The origin of the playground's own site, e.g. `http://localhost`.
    pub fn site_origin(&self) -> String {
        self.site_root().origin()
    }

    fn site_root(&self) -> Url {
        Url {
            scheme: self.scheme,
            host: self.host.clone(),
            port: None,
            path: "/".into(),
            query: String::new(),
        }
    }

    fn traverse(
        &mut self,
        name: &str,
        server: &mut dyn Server,
        step: isize,
    ) -> Result<Option<NavigationOutcome>, NavigationError> {
        let profile = self
            .profile_mut(name)
            .ok_or_else(|| NavigationError::NoSuchProfile {
                name: name.to_string(),
            })?;
        let target = profile
            .history
            .current
            .checked_add_signed(step)
            .filter(|&index| index < profile.history.entries.len());
        let Some(index) = target else {
            return Ok(None);
        };
        profile.history.current = index;
        let url = profile.history.entries[index].to_string();
        self.navigate_without_history(name, &NavigationRequest::get(&url), server)
            .map(Some)
    }

    fn navigate_without_history(
        &mut self,
        name: &str,
        request: &NavigationRequest,
        server: &mut dyn Server,
    ) -> Result<NavigationOutcome, NavigationError> {
        let now = self.clock.now();
        let root = self.site_root();
        let profile = self
            .profile_mut(name)
            .ok_or_else(|| NavigationError::NoSuchProfile {
                name: name.to_string(),
            })?;
        profile.open = true;
        profile.navigations_since_open = profile.navigations_since_open.saturating_add(1);
        let base = profile.history.current().cloned().unwrap_or(root);
        navigate(&mut profile.jar, &base, request, server, now)
    }
}
