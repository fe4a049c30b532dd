//! Lesson goals and how they are checked: on the state ([`LessonState`]), never on which
//! buttons were clicked, so a learner may reach a goal their own way and a harmless extra
//! request does not undo it. [`check`] is a pure function; keeping a goal met once it was met
//! (progress) is the caller's business (see [`crate::scenario::saved::LessonProgress`]).
//!
//! In a file a goal is one object with an `id`, a `text` (Markdown), exactly one check key, and
//! optionally the `browser` it concerns (default: the lesson's first profile) and the session
//! `mode` it is about (judged on a request made in that mode, never on the switch alone).

use serde::{Deserialize, Serialize};

use crate::scenario::action::SessionMode;
use crate::scenario::code_query;
use crate::scenario::state::{LessonState, ProfileState, SeenVerdict};

/// One goal of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawGoal", into = "RawGoal")]
pub struct Goal {
    /// A stable id (progress is stored under it).
    pub id: String,
    /// What the learner is asked to reach, in Markdown.
    pub text: String,
    /// The profile it concerns; `None` is the lesson's first profile.
    pub browser: Option<String>,
    /// The session mode it is about; the goal is unmet while another mode is active and, for a
    /// check that reads a request ([`reads_a_request`]), until the profile's last request was
    /// made in this mode.
    pub mode: Option<SessionMode>,
    /// The id of a goal that must have been met first (e.g. "logged out" only counts after
    /// "logged in"); progress applies it, [`check`] itself looks at one state.
    pub after: Option<String>,
    /// The check.
    pub check: GoalCheck,
}

/// What a goal checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalCheck {
    /// The profile's last page contains this text.
    PageShows(String),
    /// The profile's last page does not contain this text (but there is a page).
    PageLacks(String),
    /// The profile's last page has this status.
    Status(u16),
    /// The profile's jar has a cookie matching this.
    JarHas(CookieMatch),
    /// The profile's jar has no cookie of this name.
    JarLacks(String),
    /// The session the server saw on the profile's last request has this key (and value).
    SessionHas(KeyMatch),
    /// The profile's last request carried a session cookie the server did not accept.
    SessionRejected,
    /// The profile's last request (redirects included) got a `Set-Cookie` of this name with
    /// these attributes.
    ResponseSetCookie(SetCookieMatch),
    /// The code assigns to this target (and value).
    CodeAssigns(AssignMatch),
    /// The code calls this function, e.g. `session.clear`.
    CodeCalls(String),
    /// The server log contains this text.
    ServerLogContains(String),
    /// The code failed to start with this exception class.
    StartupError(String),
    /// The profile's browser is closed now.
    BrowserClosed,
    /// Every one of these checks holds at once (on the same profile and state).
    AllOf(Vec<GoalCheck>),
    /// The first request of the profile's last navigation carried a cookie of this name (it
    /// was in the jar before the server answered).
    SentCookie(String),
    /// The profile's last page is its first navigation since the browser was (re)opened.
    FirstSinceOpen,
    /// At least this many seconds of virtual time have passed since the lesson started.
    ClockAtLeast(u64),
    /// The code is the lesson's own (an experiment about the app must not rewrite it); blank
    /// lines, trailing spaces and comments do not count as changes.
    CodeUnchanged,
    /// The server never set a cookie of this name in the profile's browser since the lesson
    /// started (a cookie it holds came from somewhere else: the dev tools, a copy).
    NeverReceived(String),
    /// The learner never deleted a cookie of this name from the profile's jar in the dev tools
    /// since the lesson started (a cookie that is gone went by itself: it expired, the browser
    /// closed, the server removed it).
    NeverDeleted(String),
    /// The profile's last page was started by a link, form or image of a page on this other
    /// site (its origin, e.g. `http://attacker.test`): a cross-site request, not the address bar.
    StartedBy(String),
}

/// A cookie a jar must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieMatch {
    /// Its name.
    pub name: String,
    /// Its exact value, if it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `true`: it has an expiry date (survives closing the browser); `false`: a session cookie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent: Option<bool>,
    /// Its `HttpOnly` flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_only: Option<bool>,
}

/// A session key, and the value it must have if given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyMatch {
    /// The key.
    pub key: String,
    /// Its value as JSON (Flask's tagged form), if it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

/// A `Set-Cookie` the last response must carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetCookieMatch {
    /// The cookie's name.
    pub name: String,
    /// Attribute names that must be present, case-insensitive (`Expires`, `Max-Age`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// The cookie's `name=value` must be longer than this many bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longer_than: Option<usize>,
}

/// An assignment the code must contain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignMatch {
    /// The target expression, e.g. `session.permanent`.
    pub target: String,
    /// The value expression, e.g. `True`, if it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Met or not (every goal can be checked: every session mode runs in this build).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoalStatus {
    /// Reached.
    Met,
    /// Not reached (yet).
    Unmet,
}

/// The outcome of checking one goal, with what was seen (learner wording).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalResult {
    /// Met or unmet.
    pub status: GoalStatus,
    /// What was seen, e.g. "Alice's page shows: Visit number: 2".
    pub detail: String,
}

impl GoalResult {
    fn met(detail: impl Into<String>) -> GoalResult {
        GoalResult {
            status: GoalStatus::Met,
            detail: detail.into(),
        }
    }

    fn unmet(detail: impl Into<String>) -> GoalResult {
        GoalResult {
            status: GoalStatus::Unmet,
            detail: detail.into(),
        }
    }

    fn from_bool(ok: bool, detail: impl Into<String>) -> GoalResult {
        if ok {
            GoalResult::met(detail)
        } else {
            GoalResult::unmet(detail)
        }
    }
}

fn snippet(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// Checks `goal` on `state`.
///
/// ```
/// use session_playground::scenario::goal::{check, Goal, GoalCheck, GoalStatus};
/// use session_playground::scenario::state::{LessonState, PageState, ProfileState};
/// let goal = Goal { id: "third".into(), text: "See visit 3".into(), browser: None, mode: None,
///     after: None, check: GoalCheck::PageShows("Visit number: 3".into()) };
/// let mut state = LessonState::default();
/// state.profiles.push(ProfileState { name: "Alice".into(), open: true,
///     last_page: Some(PageState { status: 200, body: "Visit number: 3".into(), ..PageState::default() }),
///     ..ProfileState::default() });
/// assert_eq!(check(&goal, &state).status, GoalStatus::Met);
/// ```
pub fn check(goal: &Goal, state: &LessonState) -> GoalResult {
    if let Some(mode) = goal.mode {
        if state.session_mode != mode {
            return GoalResult::unmet(format!(
                "switch the session mode to {} first",
                mode.as_str()
            ));
        }
        // A page or session from before the switch says nothing about this mode: the goal
        // judges only a request made in it (else it would tick on the switch alone).
        let profile = state.profile(goal.browser.as_deref());
        let last_mode = profile
            .and_then(|p| p.session_seen.as_ref())
            .map(|seen| seen.mode);
        if reads_a_request(&goal.check) && last_mode != Some(mode) {
            let who = profile.map(|p| p.name.as_str()).unwrap_or("the browser");
            return GoalResult::unmet(format!(
                "{who} has not sent a request in the {} mode yet",
                mode.as_str()
            ));
        }
    }
    check_on(&goal.check, goal.browser.as_deref(), state)
}

/// Whether a check looks at what a request did: its page, the session the server read, the
/// cookies it set or sent. Checks on the jar (which closing the browser, the clock and the dev
/// tools change too), the code, the log, the clock or an open/closed browser do not.
pub fn reads_a_request(goal_check: &GoalCheck) -> bool {
    match goal_check {
        GoalCheck::PageShows(_)
        | GoalCheck::PageLacks(_)
        | GoalCheck::Status(_)
        | GoalCheck::SessionHas(_)
        | GoalCheck::SessionRejected
        | GoalCheck::ResponseSetCookie(_)
        | GoalCheck::SentCookie(_)
        | GoalCheck::StartedBy(_)
        | GoalCheck::FirstSinceOpen => true,
        GoalCheck::AllOf(checks) => checks.iter().any(reads_a_request),
        GoalCheck::JarHas(_)
        | GoalCheck::JarLacks(_)
        | GoalCheck::CodeAssigns(_)
        | GoalCheck::CodeCalls(_)
        | GoalCheck::ServerLogContains(_)
        | GoalCheck::StartupError(_)
        | GoalCheck::BrowserClosed
        | GoalCheck::ClockAtLeast(_)
        | GoalCheck::CodeUnchanged
        | GoalCheck::NeverReceived(_)
        | GoalCheck::NeverDeleted(_) => false,
    }
}

/// One check on `state` for the profile `browser` (`None`: the first).
fn check_on(goal_check: &GoalCheck, browser: Option<&str>, state: &LessonState) -> GoalResult {
    let profile = || state.profile(browser);
    let who = browser
        .map(str::to_string)
        .or_else(|| state.profiles.first().map(|p| p.name.clone()))
        .unwrap_or_default();
    match goal_check {
        GoalCheck::PageShows(text) | GoalCheck::PageLacks(text) => {
            let Some(page) = profile().and_then(|p| p.last_page.as_ref()) else {
                return GoalResult::unmet(format!("{who}'s browser shows no page yet"));
            };
            let shows = page.body.contains(text.as_str());
            let wanted = matches!(goal_check, GoalCheck::PageShows(_));
            GoalResult::from_bool(
                shows == wanted,
                format!("{who}'s page shows: {}", snippet(&page.body)),
            )
        }
        GoalCheck::Status(status) => match profile().and_then(|p| p.last_page.as_ref()) {
            Some(page) => GoalResult::from_bool(
                page.status == *status,
                format!("{who}'s last response: {}", page.status),
            ),
            None => GoalResult::unmet(format!("{who}'s browser shows no page yet")),
        },
        GoalCheck::JarHas(wanted) => {
            let jar = profile().map(|p| p.jar.as_slice()).unwrap_or_default();
            let found = jar.iter().any(|cookie| {
                cookie.name == wanted.name
                    && wanted
                        .value
                        .as_ref()
                        .is_none_or(|value| *value == cookie.value)
                    && wanted
                        .persistent
                        .is_none_or(|persistent| persistent == cookie.expires.is_some())
                    && wanted.http_only.is_none_or(|flag| flag == cookie.http_only)
            });
            GoalResult::from_bool(found, jar_detail(&who, profile()))
        }
        GoalCheck::JarLacks(name) => {
            let jar = profile().map(|p| p.jar.as_slice()).unwrap_or_default();
            GoalResult::from_bool(
                !jar.iter().any(|cookie| cookie.name == *name),
                jar_detail(&who, profile()),
            )
        }
        GoalCheck::SessionHas(wanted) => match profile().and_then(|p| p.session_seen.as_ref()) {
            Some(seen) => {
                let ok = seen
                    .data
                    .get(&wanted.key)
                    .is_some_and(|value| wanted.value.as_ref().is_none_or(|w| w == value));
                let shown = serde_json::to_string(&seen.data).unwrap_or_default();
                GoalResult::from_bool(
                    ok,
                    format!("the server saw {who}'s session as {}", snippet(&shown)),
                )
            }
            None => GoalResult::unmet(format!("{who} has not sent a request yet")),
        },
        GoalCheck::SessionRejected => match profile().and_then(|p| p.session_seen.as_ref()) {
            Some(seen) => {
                let detail = match &seen.verdict {
                    SeenVerdict::NoCookie => {
                        "the last request carried no session cookie".to_string()
                    }
                    SeenVerdict::Accepted => {
                        "the server accepted the last session cookie".to_string()
                    }
                    SeenVerdict::Rejected(why) => why.clone(),
                    SeenVerdict::NoSecretKey => "the app has no secret key".to_string(),
                };
                GoalResult::from_bool(matches!(seen.verdict, SeenVerdict::Rejected(_)), detail)
            }
            None => GoalResult::unmet(format!("{who} has not sent a request yet")),
        },
        GoalCheck::ResponseSetCookie(wanted) => {
            let Some(page) = profile().and_then(|p| p.last_page.as_ref()) else {
                return GoalResult::unmet(format!("{who} has not sent a request yet"));
            };
            let found = page
                .set_cookies
                .iter()
                .any(|header| set_cookie_matches(header, wanted));
            let detail = if page.set_cookies.is_empty() {
                "the last response set no cookie".to_string()
            } else {
                format!(
                    "the last response set: {}",
                    snippet(&page.set_cookies.join(" | "))
                )
            };
            GoalResult::from_bool(found, detail)
        }
        GoalCheck::CodeAssigns(wanted) => {
            match code_query::assigns(&state.code, &wanted.target, wanted.value.as_deref()) {
                Ok(found) => GoalResult::from_bool(
                    found,
                    if found {
                        "the code has it"
                    } else {
                        "the code does not assign it yet"
                    },
                ),
                Err(error) => GoalResult::unmet(error.to_string()),
            }
        }
        GoalCheck::CodeCalls(function) => match code_query::calls(&state.code, function) {
            Ok(found) => GoalResult::from_bool(
                found,
                if found {
                    "the code calls it"
                } else {
                    "the code does not call it yet"
                },
            ),
            Err(error) => GoalResult::unmet(error.to_string()),
        },
        GoalCheck::ServerLogContains(text) => GoalResult::from_bool(
            state.server_log.contains(text.as_str()),
            "checked the server log",
        ),
        GoalCheck::BrowserClosed => match profile() {
            Some(p) => GoalResult::from_bool(
                !p.open,
                if p.open {
                    format!("{who}'s browser is open")
                } else {
                    format!("{who}'s browser is closed")
                },
            ),
            None => GoalResult::unmet(format!("there is no browser called {who}")),
        },
        GoalCheck::StartupError(type_name) => match &state.startup_error {
            Some(error) => GoalResult::from_bool(
                error.type_name == *type_name,
                format!(
                    "the app failed to start: {}: {}",
                    error.type_name, error.message
                ),
            ),
            None => GoalResult::unmet("the app started without an error"),
        },
        GoalCheck::AllOf(checks) => {
            let results: Vec<GoalResult> =
                checks.iter().map(|c| check_on(c, browser, state)).collect();
            match results.iter().find(|r| r.status != GoalStatus::Met) {
                Some(unmet) => unmet.clone(),
                None => GoalResult::met(
                    results
                        .iter()
                        .map(|r| r.detail.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            }
        }
        GoalCheck::SentCookie(name) => match profile().and_then(|p| p.last_page.as_ref()) {
            Some(page) => {
                let sent = page.sent_cookies.iter().any(|sent| sent == name);
                GoalResult::from_bool(
                    sent,
                    if sent {
                        format!("{who}'s last request carried {name}")
                    } else {
                        format!("{who}'s last request carried no {name} cookie")
                    },
                )
            }
            None => GoalResult::unmet(format!("{who}'s browser shows no page yet")),
        },
        GoalCheck::FirstSinceOpen => match profile() {
            Some(p) => GoalResult::from_bool(
                p.last_page.is_some() && p.navigations_since_open == 1,
                format!(
                    "{who} has loaded {} page(s) since the browser was last opened",
                    p.navigations_since_open
                ),
            ),
            None => GoalResult::unmet(format!("there is no browser called {who}")),
        },
        GoalCheck::ClockAtLeast(seconds) => {
            let passed = state.clock.saturating_sub(state.start_clock);
            GoalResult::from_bool(
                passed >= *seconds as i64,
                format!("{passed} s have passed on the clock"),
            )
        }
        GoalCheck::CodeUnchanged => {
            let same = code_query::same_program(&state.code, &state.lesson_code);
            GoalResult::from_bool(
                same,
                if same {
                    "the app is the lesson's own"
                } else {
                    "the app's code was changed"
                },
            )
        }
        GoalCheck::NeverReceived(name) => match profile() {
            Some(p) => {
                let received = p.received_cookies.iter().any(|got| got == name);
                GoalResult::from_bool(
                    !received,
                    if received {
                        format!("the server set {name} in {who}'s browser")
                    } else {
                        format!("the server never set {name} in {who}'s browser")
                    },
                )
            }
            None => GoalResult::unmet(format!("there is no browser called {who}")),
        },
        GoalCheck::StartedBy(origin) => match profile().and_then(|p| p.last_page.as_ref()) {
            Some(page) => {
                let by = page.started_by.as_deref();
                GoalResult::from_bool(
                    by == Some(origin.as_str()),
                    match by {
                        Some(other) => {
                            format!("{who}'s last page was started by a page of {other}")
                        }
                        None => format!("{who}'s last page was not started by another site"),
                    },
                )
            }
            None => GoalResult::unmet(format!("{who} has no page yet")),
        },
        GoalCheck::NeverDeleted(name) => match profile() {
            Some(p) => {
                let deleted = p.deleted_cookies.iter().any(|gone| gone == name);
                GoalResult::from_bool(
                    !deleted,
                    if deleted {
                        format!("{name} was deleted in the dev tools of {who}'s browser")
                    } else {
                        format!("{name} was never deleted in the dev tools of {who}'s browser")
                    },
                )
            }
            None => GoalResult::unmet(format!("there is no browser called {who}")),
        },
    }
}

fn jar_detail(who: &str, profile: Option<&ProfileState>) -> String {
    let names: Vec<&str> = profile
        .map(|p| p.jar.iter().map(|c| c.name.as_str()).collect())
        .unwrap_or_default();
    if names.is_empty() {
        format!("{who}'s jar is empty")
    } else {
        format!("{who}'s jar has: {}", names.join(", "))
    }
}

/// Whether one `Set-Cookie` value names the cookie and carries every wanted attribute.
fn set_cookie_matches(header: &str, wanted: &SetCookieMatch) -> bool {
    let mut parts = header.split(';');
    let pair = parts.next().unwrap_or("");
    let name = pair.split_once('=').map(|(name, _)| name.trim());
    if name != Some(wanted.name.as_str()) {
        return false;
    }
    if wanted
        .longer_than
        .is_some_and(|limit| pair.trim().len() <= limit)
    {
        return false;
    }
    let attributes: Vec<String> = parts
        .map(|part| {
            part.split('=')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .collect();
    wanted
        .with
        .iter()
        .all(|attribute| attributes.contains(&attribute.to_ascii_lowercase()))
}

/// The file form of a goal: exactly one check key.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    browser: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mode: Option<SessionMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    after: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_shows: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_lacks: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jar_has: Option<NameOr<CookieMatch>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jar_lacks: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_has: Option<NameOr<KeyMatch>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_rejected: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response_set_cookie: Option<NameOr<SetCookieMatch>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code_assigns: Option<NameOr<AssignMatch>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code_calls: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    server_log_contains: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    startup_error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    browser_closed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all_of: Option<Vec<RawGoal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sent_cookie: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_since_open: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clock_at_least: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    code_unchanged: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    never_received: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    never_deleted: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    started_by: Option<String>,
}

/// A check written either as just a name (`"session"`) or as the full object.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum NameOr<T> {
    Name(String),
    Full(T),
}

impl<T> NameOr<T> {
    fn full(self, from_name: impl FnOnce(String) -> T) -> T {
        match self {
            NameOr::Name(name) => from_name(name),
            NameOr::Full(full) => full,
        }
    }
}

impl TryFrom<RawGoal> for Goal {
    type Error = String;

    fn try_from(raw: RawGoal) -> Result<Goal, String> {
        if raw.id.is_empty() {
            return Err("a goal needs a non-empty id".into());
        }
        let (id, text, browser, mode, after) = (
            raw.id.clone(),
            raw.text.clone(),
            raw.browser.clone(),
            raw.mode,
            raw.after.clone(),
        );
        let check = one_check(raw)?;
        Ok(Goal {
            id,
            text,
            browser,
            mode,
            after,
            check,
        })
    }
}

/// The one check of a goal (or of an `all_of` entry).
fn one_check(raw: RawGoal) -> Result<GoalCheck, String> {
    {
        let mut checks = Vec::new();
        if let Some(text) = raw.page_shows {
            checks.push(GoalCheck::PageShows(text));
        }
        if let Some(text) = raw.page_lacks {
            checks.push(GoalCheck::PageLacks(text));
        }
        if let Some(status) = raw.status {
            checks.push(GoalCheck::Status(status));
        }
        if let Some(m) = raw.jar_has {
            checks.push(GoalCheck::JarHas(m.full(|name| CookieMatch {
                name,
                ..CookieMatch::default()
            })));
        }
        if let Some(name) = raw.jar_lacks {
            checks.push(GoalCheck::JarLacks(name));
        }
        if let Some(m) = raw.session_has {
            checks.push(GoalCheck::SessionHas(
                m.full(|key| KeyMatch { key, value: None }),
            ));
        }
        if let Some(flag) = raw.session_rejected {
            if !flag {
                return Err(format!(
                    "goal {:?}: session_rejected: expected true",
                    raw.id
                ));
            }
            checks.push(GoalCheck::SessionRejected);
        }
        if let Some(m) = raw.response_set_cookie {
            checks.push(GoalCheck::ResponseSetCookie(m.full(|name| {
                SetCookieMatch {
                    name,
                    with: vec![],
                    longer_than: None,
                }
            })));
        }
        if let Some(m) = raw.code_assigns {
            let m = m.full(|target| AssignMatch {
                target,
                value: None,
            });
            for pattern in std::iter::once(&m.target).chain(m.value.as_ref()) {
                code_query::check_pattern(pattern)
                    .map_err(|e| format!("goal {:?}: {e}", raw.id))?;
            }
            checks.push(GoalCheck::CodeAssigns(m));
        }
        if let Some(function) = raw.code_calls {
            code_query::check_pattern(&function).map_err(|e| format!("goal {:?}: {e}", raw.id))?;
            checks.push(GoalCheck::CodeCalls(function));
        }
        if let Some(text) = raw.server_log_contains {
            checks.push(GoalCheck::ServerLogContains(text));
        }
        if let Some(type_name) = raw.startup_error {
            checks.push(GoalCheck::StartupError(type_name));
        }
        if let Some(flag) = raw.browser_closed {
            if !flag {
                return Err(format!("goal {:?}: browser_closed: expected true", raw.id));
            }
            checks.push(GoalCheck::BrowserClosed);
        }
        if let Some(entries) = raw.all_of {
            if entries.is_empty() {
                return Err(format!(
                    "goal {:?}: all_of: expected at least one check",
                    raw.id
                ));
            }
            let mut all = Vec::new();
            for entry in entries {
                if !entry.id.is_empty()
                    || !entry.text.is_empty()
                    || entry.browser.is_some()
                    || entry.mode.is_some()
                    || entry.after.is_some()
                {
                    return Err(format!(
                        "goal {:?}: an all_of entry holds only a check key",
                        raw.id
                    ));
                }
                all.push(one_check(entry).map_err(|e| format!("goal {:?}: all_of: {e}", raw.id))?);
            }
            checks.push(GoalCheck::AllOf(all));
        }
        if let Some(name) = raw.sent_cookie {
            checks.push(GoalCheck::SentCookie(name));
        }
        if let Some(flag) = raw.first_since_open {
            if !flag {
                return Err(format!(
                    "goal {:?}: first_since_open: expected true",
                    raw.id
                ));
            }
            checks.push(GoalCheck::FirstSinceOpen);
        }
        if let Some(seconds) = raw.clock_at_least {
            checks.push(GoalCheck::ClockAtLeast(seconds));
        }
        if let Some(flag) = raw.code_unchanged {
            if !flag {
                return Err(format!("goal {:?}: code_unchanged: expected true", raw.id));
            }
            checks.push(GoalCheck::CodeUnchanged);
        }
        if let Some(name) = raw.never_received {
            checks.push(GoalCheck::NeverReceived(name));
        }
        if let Some(name) = raw.never_deleted {
            checks.push(GoalCheck::NeverDeleted(name));
        }
        if let Some(origin) = raw.started_by {
            checks.push(GoalCheck::StartedBy(origin));
        }
        if checks.len() != 1 {
            return Err(format!(
                "goal {:?}: needs exactly one check key (page_shows, page_lacks, status, jar_has, jar_lacks, session_has, session_rejected, response_set_cookie, code_assigns, code_calls, server_log_contains, startup_error, browser_closed, all_of, sent_cookie, first_since_open, clock_at_least, code_unchanged, never_received, never_deleted, started_by)",
                raw.id
            ));
        }
        Ok(checks.remove(0))
    }
}

impl From<Goal> for RawGoal {
    fn from(goal: Goal) -> RawGoal {
        let mut raw = RawGoal {
            id: goal.id,
            text: goal.text,
            browser: goal.browser,
            mode: goal.mode,
            after: goal.after,
            ..RawGoal::default()
        };
        put_check(&mut raw, goal.check);
        raw
    }
}

fn put_check(raw: &mut RawGoal, check: GoalCheck) {
    {
        match check {
            GoalCheck::PageShows(text) => raw.page_shows = Some(text),
            GoalCheck::PageLacks(text) => raw.page_lacks = Some(text),
            GoalCheck::Status(status) => raw.status = Some(status),
            GoalCheck::JarHas(m) => raw.jar_has = Some(NameOr::Full(m)),
            GoalCheck::JarLacks(name) => raw.jar_lacks = Some(name),
            GoalCheck::SessionHas(m) => raw.session_has = Some(NameOr::Full(m)),
            GoalCheck::SessionRejected => raw.session_rejected = Some(true),
            GoalCheck::ResponseSetCookie(m) => raw.response_set_cookie = Some(NameOr::Full(m)),
            GoalCheck::CodeAssigns(m) => raw.code_assigns = Some(NameOr::Full(m)),
            GoalCheck::CodeCalls(function) => raw.code_calls = Some(function),
            GoalCheck::ServerLogContains(text) => raw.server_log_contains = Some(text),
            GoalCheck::StartupError(type_name) => raw.startup_error = Some(type_name),
            GoalCheck::BrowserClosed => raw.browser_closed = Some(true),
            GoalCheck::AllOf(checks) => {
                raw.all_of = Some(
                    checks
                        .into_iter()
                        .map(|check| {
                            let mut entry = RawGoal::default();
                            put_check(&mut entry, check);
                            entry
                        })
                        .collect(),
                )
            }
            GoalCheck::SentCookie(name) => raw.sent_cookie = Some(name),
            GoalCheck::FirstSinceOpen => raw.first_since_open = Some(true),
            GoalCheck::ClockAtLeast(seconds) => raw.clock_at_least = Some(seconds),
            GoalCheck::CodeUnchanged => raw.code_unchanged = Some(true),
            GoalCheck::NeverReceived(name) => raw.never_received = Some(name),
            GoalCheck::NeverDeleted(name) => raw.never_deleted = Some(name),
            GoalCheck::StartedBy(origin) => raw.started_by = Some(origin),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cookie_attributes_are_matched_by_name() {
        let wanted = SetCookieMatch {
            name: "session".into(),
            with: vec!["Expires".into()],
            longer_than: None,
        };
        assert!(set_cookie_matches(
            "session=abc; Expires=Sun, 01 Feb 2026 00:00:00 GMT; HttpOnly; Path=/",
            &wanted
        ));
        assert!(!set_cookie_matches(
            "session=abc; HttpOnly; Path=/",
            &wanted
        ));
        assert!(!set_cookie_matches("other=1; Expires=x", &wanted));
    }

    #[test]
    fn a_goal_needs_exactly_one_check() {
        assert!(serde_json::from_str::<Goal>(r#"{"id":"a","text":"t"}"#).is_err());
        assert!(
            serde_json::from_str::<Goal>(r#"{"id":"a","text":"t","status":200,"page_shows":"x"}"#)
                .is_err()
        );
        assert!(
            serde_json::from_str::<Goal>(r#"{"id":"a","text":"t","code_calls":"session."}"#)
                .is_err()
        );
        let goal: Goal =
            serde_json::from_str(r#"{"id":"a","text":"t","jar_has":"session"}"#).unwrap();
        assert_eq!(
            goal.check,
            GoalCheck::JarHas(CookieMatch {
                name: "session".into(),
                ..CookieMatch::default()
            })
        );
    }

    #[test]
    fn all_of_reads_writes_and_needs_every_check() {
        let goal: Goal = serde_json::from_str(
            r#"{"id":"a","text":"t","all_of":[{"page_shows":"in"},{"code_unchanged":true}]}"#,
        )
        .unwrap();
        assert_eq!(
            goal.check,
            GoalCheck::AllOf(vec![
                GoalCheck::PageShows("in".into()),
                GoalCheck::CodeUnchanged
            ])
        );
        let back: Goal = serde_json::from_str(&serde_json::to_string(&goal).unwrap()).unwrap();
        assert_eq!(back, goal);
        assert!(
            serde_json::from_str::<Goal>(
                r#"{"id":"a","text":"t","all_of":[{"id":"b","page_shows":"in"}]}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<Goal>(r#"{"id":"a","text":"t","all_of":[]}"#).is_err());
        let mut state = LessonState {
            code: "x = 1  # changed comment\n".into(),
            lesson_code: "x = 1\n".into(),
            ..LessonState::default()
        };
        state.profiles.push(ProfileState {
            name: "Alice".into(),
            open: true,
            last_page: Some(crate::scenario::state::PageState {
                status: 200,
                body: "in".into(),
                ..Default::default()
            }),
            ..ProfileState::default()
        });
        assert_eq!(check(&goal, &state).status, GoalStatus::Met);
        state.code = "x = 2\n".into();
        assert_eq!(check(&goal, &state).status, GoalStatus::Unmet);
    }

    #[test]
    fn a_goal_for_another_session_mode_is_unmet_until_the_mode_is_on() {
        let goal = Goal {
            id: "u".into(),
            text: String::new(),
            browser: None,
            mode: Some(SessionMode::Unsigned),
            after: None,
            check: GoalCheck::SessionRejected,
        };
        assert_eq!(
            check(&goal, &LessonState::default()).status,
            GoalStatus::Unmet
        );
    }

    /// Alice's state after a request the app read in `mode`, now running in `now`.
    fn alice_after_a_request(mode: SessionMode, now: SessionMode) -> LessonState {
        let mut data = std::collections::BTreeMap::new();
        data.insert("user".to_string(), serde_json::json!("alice"));
        LessonState {
            session_mode: now,
            profiles: vec![ProfileState {
                name: "Alice".into(),
                open: true,
                session_seen: Some(crate::scenario::state::SeenSession {
                    verdict: SeenVerdict::Accepted,
                    data,
                    mode,
                }),
                ..ProfileState::default()
            }],
            ..LessonState::default()
        }
    }

    #[test]
    fn a_goal_about_a_mode_judges_only_a_request_made_in_it() {
        let goal = Goal {
            id: "server-store".into(),
            text: String::new(),
            browser: None,
            mode: Some(SessionMode::Server),
            after: None,
            check: GoalCheck::SessionHas(KeyMatch {
                key: "user".into(),
                value: None,
            }),
        };
        // Logged in with the signed cookie, then switched: the session seen is the old mode's.
        let switched = alice_after_a_request(SessionMode::Signed, SessionMode::Server);
        let result = check(&goal, &switched);
        assert_eq!(result.status, GoalStatus::Unmet);
        assert_eq!(
            result.detail,
            "Alice has not sent a request in the server mode yet"
        );
        let logged_in = alice_after_a_request(SessionMode::Server, SessionMode::Server);
        assert_eq!(check(&goal, &logged_in).status, GoalStatus::Met);
        // A goal on the code alone needs no request in the mode.
        let code_goal = Goal {
            check: GoalCheck::CodeUnchanged,
            ..goal
        };
        assert_eq!(check(&code_goal, &switched).status, GoalStatus::Met);
    }
}
