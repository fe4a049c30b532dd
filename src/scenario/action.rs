//! One learner action, as lesson files and share links write it: the scenario-v1 step actions
//! (`request`, `close_browser`, `advance_clock`, `set_cookie`, `delete_cookie`) plus the ones the
//! page offers (open a browser, "continue where you left off", copy a cookie into another
//! profile, sign a session in the dev tools, edit the code, switch the session mode).
//!
//! A step is one JSON object with exactly one action key, an optional `browser` and an optional
//! `explain` (Markdown shown before the step plays: "▶ next step"). It is read through a flat
//! "raw" struct because serde's enum forms cannot express "one action key beside optional
//! siblings" while still rejecting unknown keys.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::browser::{CrossSiteKind, NavigationRequest, SiteContext, Url};

/// How the app keeps its session (a lesson setting, and an action that switches it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionMode {
    /// Flask's default: the session lives in the browser, in a signed cookie.
    #[default]
    Signed,
    /// A teaching variant: the session lives in the browser, in a cookie nobody signs.
    Unsigned,
    /// A server-side store (Flask-Session's model): the cookie only carries an id.
    Server,
}

impl SessionMode {
    /// The name used in files: `signed`, `unsigned`, `server`.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionMode::Signed => "signed",
            SessionMode::Unsigned => "unsigned",
            SessionMode::Server => "server",
        }
    }
}

/// A request step: what the address bar, a link or a form sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestStep {
    /// Upper-case method.
    pub method: String,
    /// Path with optional `?query`.
    pub target: String,
    /// Form fields (never on GET/HEAD).
    pub form: Option<Vec<(String, String)>>,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// A JSON body (scenario revision 2), as the text `json.dumps` wrote; never with a form.
    pub json: Option<String>,
    /// The host the request goes to (the cross-site extension: one of the lesson's further
    /// sites, or the app under another name); `None` is the app's own site, `localhost`.
    pub host: Option<String>,
    /// The page that started the request, when it was not the address bar (the cross-site
    /// extension): a link, a form or an image on a page of this host.
    pub from: Option<Initiator>,
}

/// Who started a request: a page of `host` (over http), by a link, a form or an image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Initiator {
    /// The initiating page's host, e.g. `attacker.test`.
    pub host: String,
    /// What that page did.
    pub by: CrossSiteKind,
}

impl Initiator {
    /// `link`, `form` or `image`, as files write it.
    pub fn by_name(&self) -> &'static str {
        match self.by {
            CrossSiteKind::Link => "link",
            CrossSiteKind::Form => "form",
            CrossSiteKind::Image => "image",
        }
    }
}

/// Reads `link`, `form` or `image`.
pub(crate) fn initiator_kind(name: &str) -> Option<CrossSiteKind> {
    match name {
        "link" => Some(CrossSiteKind::Link),
        "form" => Some(CrossSiteKind::Form),
        "image" => Some(CrossSiteKind::Image),
        _ => None,
    }
}

/// Whether `host` is a host name a step may name: what the URL parser keeps as it is (lower
/// case, no port, no path).
pub(crate) fn host_ok(host: &str) -> bool {
    !host.is_empty()
        && Url::parse(&format!("http://{host}/"))
            .is_ok_and(|url| url.host == host && url.port.is_none())
}

/// Whether `m` is a method a step may send (upper-case letters).
pub(crate) fn method_ok(m: &str) -> bool {
    !m.is_empty() && m.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `t` is a request target a step may send (a path, no spaces, controls or fragment).
pub(crate) fn target_ok(t: &str) -> bool {
    t.starts_with('/')
        && !t
            .chars()
            .any(|c| (c as u32) <= 0x20 || c as u32 == 0x7f || c == '#')
}

/// Whether `n` is a header name (an HTTP token).
pub(crate) fn header_name_ok(n: &str) -> bool {
    !n.is_empty()
        && n.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// What a step does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Send a request (the address bar, a link or a form).
    Request(RequestStep),
    /// Close the profile's browser (session cookies go, unless it continues where it left off).
    CloseBrowser,
    /// Open the profile's browser again.
    OpenBrowser,
    /// Open a private window (a fresh jar, gone when closed); it is named `Private 1`,
    /// `Private 2`... in order, which later steps use as their `browser`.
    OpenPrivateWindow,
    /// The profile's "continue where you left off" setting.
    ContinueWhereLeftOff(bool),
    /// Move the one virtual clock forward, in seconds.
    AdvanceClock(u64),
    /// Dev tools: set the value of the (name, Path=/) cookie.
    SetCookie {
        /// Cookie name.
        name: String,
        /// Raw value.
        value: String,
    },
    /// Dev tools: delete every cookie of that name.
    DeleteCookie(String),
    /// Dev tools: copy the profile's cookie `name` into profile `to`'s jar (a stolen cookie).
    CopyCookie {
        /// Cookie name.
        name: String,
        /// The receiving profile.
        to: String,
    },
    /// Dev tools: sign `data` as a Flask session with `secret` (a guessed key) at the current
    /// virtual time and store it as the app's session cookie — a forgery if the key is right.
    ForgeSession {
        /// The secret key tried.
        secret: String,
        /// The session's JSON object text, e.g. `{"user":"admin"}`.
        data: String,
    },
    /// The editor's text becomes this (the server reloads, the browsers keep their cookies).
    EditCode(String),
    /// Project files beside `app.py` are written (`Some` text) or deleted (`None`); the
    /// reloader restarts the server on the code it runs, as `flask run --debug` does when a
    /// file of the project changes.
    EditFiles(crate::flask::project::FileChanges),
    /// Switch how the app keeps its session.
    SetSessionMode(SessionMode),
    /// The browser's Back button: the previous history entry, requested again with a GET.
    Back,
    /// The browser's Forward button.
    Forward,
    /// The browser's Reload button: the page on screen, requested again with a GET.
    Reload,
}

/// One step: an action, the profile it happens in (`None`: the lesson's first profile), and
/// what the lesson says before it plays.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawStep", into = "RawStep")]
pub struct Step {
    /// The action.
    pub action: Action,
    /// The profile; `None` means the lesson's first profile.
    pub browser: Option<String>,
    /// Markdown explaining what is about to happen ("▶ next step").
    pub explain: Option<String>,
}

impl Step {
    /// A step in the first profile, without explanation.
    ///
    /// ```
    /// use session_playground::scenario::{Action, Step};
    /// let step = Step::new(Action::CloseBrowser);
    /// assert_eq!(serde_json::to_string(&step).unwrap(), r#"{"close_browser":true}"#);
    /// let back: Step = serde_json::from_str(r#"{"request": "GET /count", "browser": "Bob"}"#).unwrap();
    /// assert_eq!(back.browser.as_deref(), Some("Bob"));
    /// ```
    pub fn new(action: Action) -> Step {
        Step {
            action,
            browser: None,
            explain: None,
        }
    }

    /// The same step in profile `browser`.
    pub fn in_browser(mut self, browser: &str) -> Step {
        self.browser = Some(browser.to_string());
        self
    }
}

/// A GET request step, e.g. `get("/count")`.
///
/// ```
/// use session_playground::scenario::action::get;
/// assert_eq!(serde_json::to_string(&get("/count")).unwrap(), r#"{"request":"GET /count"}"#);
/// ```
pub fn get(target: &str) -> Step {
    Step::new(Action::Request(RequestStep {
        method: "GET".into(),
        target: target.into(),
        form: None,
        headers: vec![],
        json: None,
        host: None,
        from: None,
    }))
}

/// The browser-layer request a request step sends: to its `host` (default: the app's own
/// site), same-site like the address bar unless a page of another site started it.
///
/// ```
/// use session_playground::browser::SiteContext;
/// use session_playground::scenario::Step;
/// use session_playground::scenario::action::{Action, navigation_request};
/// let step: Step = serde_json::from_str(r#"{"request": {"method": "POST", "path": "/transfer",
///     "form": {"to": "mallory"}, "from": {"host": "attacker.test", "by": "form"}}}"#).unwrap();
/// let Action::Request(request) = &step.action else { unreachable!() };
/// let sent = navigation_request(request);
/// assert_eq!(sent.url, "/transfer");
/// assert_eq!(sent.site, SiteContext::cross_site_form("http://attacker.test"));
/// ```
pub fn navigation_request(request: &RequestStep) -> NavigationRequest {
    let url = match &request.host {
        Some(host) => format!("http://{host}{}", request.target),
        None => request.target.clone(),
    };
    let site = match (&request.from, Url::localhost(&url)) {
        (Some(from), Ok(target)) => match Url::parse(&format!("http://{}/", from.host)) {
            Ok(page) => SiteContext::between(&page, &target, from.by),
            Err(_) => SiteContext::SameSite,
        },
        _ => SiteContext::SameSite,
    };
    NavigationRequest {
        method: request.method.clone(),
        url,
        form: request.form.clone().unwrap_or_default(),
        headers: request.headers.clone(),
        json: request.json.clone(),
        site,
    }
}

/// The step that repeats what the page sent, for the share link's action list. `None` when it
/// cannot be written as a step: a URL off the playground's site, a request started by another
/// site (scenario files have no cross-site requests yet), or a target with spaces.
///
/// ```
/// use session_playground::browser::NavigationRequest;
/// use session_playground::scenario::action::{request_step, get};
/// assert_eq!(request_step(&NavigationRequest::get("http://localhost/count")), Some(get("/count")));
/// let login = request_step(&NavigationRequest::post("/login", &[("username", "alice")])).unwrap();
/// assert_eq!(serde_json::to_string(&login).unwrap(),
///     r#"{"request":{"method":"POST","path":"/login","form":{"username":"alice"}}}"#);
/// assert_eq!(request_step(&NavigationRequest::get("https://evil.example/")), None);
/// ```
pub fn request_step(request: &NavigationRequest) -> Option<Step> {
    if request.site != SiteContext::SameSite {
        return None;
    }
    let target = request
        .url
        .strip_prefix("http://localhost")
        .unwrap_or(&request.url);
    let target = if target.is_empty() { "/" } else { target };
    let method = request.method.to_ascii_uppercase();
    let has_form = !request.form.is_empty() && method != "GET" && method != "HEAD";
    check_request(&method, target, has_form).ok()?;
    let (target, form) = if !request.form.is_empty() && !has_form {
        // A GET form puts its fields in the query, as the browser does.
        let joiner = if target.contains('?') { '&' } else { '?' };
        (
            format!(
                "{target}{joiner}{}",
                crate::browser::navigation::urlencode(&request.form)
            ),
            None,
        )
    } else {
        (target.to_string(), has_form.then(|| request.form.clone()))
    };
    Some(Step::new(Action::Request(RequestStep {
        method,
        target,
        form,
        headers: request.headers.clone(),
        json: request.json.clone(),
        host: None,
        from: None,
    })))
}

/// The file form of a step: every action key optional, exactly one must be present.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request: Option<RawRequest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    close_browser: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    open_browser: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    open_private_window: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    continue_where_left_off: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    advance_clock: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    set_cookie: Option<RawSetCookie>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    delete_cookie: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    copy_cookie: Option<RawCopyCookie>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    forge_session: Option<RawForge>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    edit_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    edit_files: Option<crate::flask::project::FileChanges>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session_mode: Option<SessionMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    back: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    forward: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reload: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    browser: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    explain: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSetCookie {
    name: String,
    value: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCopyCookie {
    name: String,
    to: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForge {
    secret: String,
    data: serde_json::Value,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum RawRequest {
    Line(String),
    Full(RawFullRequest),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFullRequest {
    method: String,
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    form: Option<Pairs>,
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    headers: Pairs,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<RawFrom>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrom {
    host: String,
    by: String,
}

/// A JSON object of strings, kept in file order (form fields are sent in that order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Pairs(Vec<(String, String)>);

impl Pairs {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Pairs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs: Vec<(String, String)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, String>()? {
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format!("duplicate key {key:?}")));
                    }
                    pairs.push((key, value));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}

fn request_from_raw(raw: RawRequest) -> Result<RequestStep, String> {
    match raw {
        RawRequest::Line(line) => {
            let parts: Vec<&str> = line.split(' ').collect();
            let [method, target] = parts[..] else {
                return Err(format!(
                    "request line {line:?} is not \"METHOD /path[?query]\""
                ));
            };
            check_request(method, target, false)?;
            Ok(RequestStep {
                method: method.into(),
                target: target.into(),
                form: None,
                headers: vec![],
                json: None,
                host: None,
                from: None,
            })
        }
        RawRequest::Full(full) => {
            check_request(&full.method, &full.path, full.form.is_some())?;
            for (name, value) in &full.headers.0 {
                if !header_name_ok(name) {
                    return Err(format!("bad header name {name:?}"));
                }
                if value
                    .chars()
                    .any(|c| matches!(c as u32, 0..=8 | 0x0a..=0x1f | 0x7f))
                {
                    return Err(format!("control character in header {name:?}"));
                }
            }
            if let Some(host) = full.host.as_deref().filter(|host| !host_ok(host)) {
                return Err(format!(
                    "bad host {host:?} (a host name such as attacker.test)"
                ));
            }
            let from = match full.from {
                None => None,
                Some(from) => {
                    if !host_ok(&from.host) {
                        return Err(format!(
                            "bad from.host {:?} (a host name such as attacker.test)",
                            from.host
                        ));
                    }
                    let Some(by) = initiator_kind(&from.by) else {
                        return Err(format!("bad from.by {:?} (link, form or image)", from.by));
                    };
                    Some(Initiator {
                        host: from.host,
                        by,
                    })
                }
            };
            Ok(RequestStep {
                method: full.method,
                target: full.path,
                form: full.form.map(|f| f.0),
                headers: full.headers.0,
                json: None,
                host: full.host,
                from,
            })
        }
    }
}

fn check_request(method: &str, target: &str, has_form: bool) -> Result<(), String> {
    if !method_ok(method) {
        return Err(format!("bad method {method:?} (uppercase letters only)"));
    }
    if !target_ok(target) {
        return Err(format!(
            "bad path {target:?} (must start with '/', no spaces)"
        ));
    }
    if has_form && (method == "GET" || method == "HEAD") {
        return Err(format!("a form is not allowed on {method}"));
    }
    Ok(())
}

impl TryFrom<RawStep> for Step {
    type Error = String;

    fn try_from(raw: RawStep) -> Result<Step, String> {
        let mut actions = Vec::new();
        if let Some(request) = raw.request {
            actions.push(Action::Request(request_from_raw(request)?));
        }
        if let Some(flag) = raw.close_browser {
            if !flag {
                return Err("close_browser: expected true".into());
            }
            actions.push(Action::CloseBrowser);
        }
        if let Some(flag) = raw.open_browser {
            if !flag {
                return Err("open_browser: expected true".into());
            }
            actions.push(Action::OpenBrowser);
        }
        if let Some(flag) = raw.open_private_window {
            if !flag {
                return Err("open_private_window: expected true".into());
            }
            actions.push(Action::OpenPrivateWindow);
        }
        if let Some(keep) = raw.continue_where_left_off {
            actions.push(Action::ContinueWhereLeftOff(keep));
        }
        if let Some(seconds) = raw.advance_clock {
            if seconds > 1 << 40 {
                return Err("advance_clock: too far".into());
            }
            actions.push(Action::AdvanceClock(seconds));
        }
        if let Some(cookie) = raw.set_cookie {
            if cookie.name.is_empty() {
                return Err("set_cookie.name: expected a non-empty string".into());
            }
            actions.push(Action::SetCookie {
                name: cookie.name,
                value: cookie.value,
            });
        }
        if let Some(name) = raw.delete_cookie {
            if name.is_empty() {
                return Err("delete_cookie: expected a cookie name".into());
            }
            actions.push(Action::DeleteCookie(name));
        }
        if let Some(copy) = raw.copy_cookie {
            actions.push(Action::CopyCookie {
                name: copy.name,
                to: copy.to,
            });
        }
        if let Some(forge) = raw.forge_session {
            if !forge.data.is_object() {
                return Err("forge_session.data: expected an object".into());
            }
            let data = serde_json::to_string(&forge.data).map_err(|e| e.to_string())?;
            actions.push(Action::ForgeSession {
                secret: forge.secret,
                data,
            });
        }
        if let Some(code) = raw.edit_code {
            actions.push(Action::EditCode(code));
        }
        if let Some(changes) = raw.edit_files {
            if changes.is_empty() {
                return Err("edit_files: expected at least one file".into());
            }
            for path in changes.keys() {
                crate::flask::project::check_path(path)
                    .map_err(|why| format!("edit_files: bad path {path:?} ({why})"))?;
            }
            actions.push(Action::EditFiles(changes));
        }
        if let Some(mode) = raw.session_mode {
            actions.push(Action::SetSessionMode(mode));
        }
        for (flag, key, action) in [
            (raw.back, "back", Action::Back),
            (raw.forward, "forward", Action::Forward),
            (raw.reload, "reload", Action::Reload),
        ] {
            match flag {
                Some(true) => actions.push(action),
                Some(false) => return Err(format!("{key}: expected true")),
                None => {}
            }
        }
        if actions.len() != 1 {
            return Err("a step needs exactly one action key (request, close_browser, open_browser, \
                        open_private_window, continue_where_left_off, advance_clock, set_cookie, delete_cookie, copy_cookie, \
                        forge_session, edit_code, edit_files, session_mode, back, forward, reload)"
                .into());
        }
        if raw.browser.as_deref() == Some("") {
            return Err("browser: expected a non-empty string".into());
        }
        Ok(Step {
            action: actions.remove(0),
            browser: raw.browser,
            explain: raw.explain,
        })
    }
}

impl From<Step> for RawStep {
    fn from(step: Step) -> RawStep {
        let mut raw = RawStep {
            browser: step.browser,
            explain: step.explain,
            ..RawStep::default()
        };
        match step.action {
            Action::Request(request) => {
                let plain = request.form.is_none()
                    && request.headers.is_empty()
                    && request.host.is_none()
                    && request.from.is_none();
                raw.request = Some(if plain {
                    RawRequest::Line(format!("{} {}", request.method, request.target))
                } else {
                    RawRequest::Full(RawFullRequest {
                        from: request.from.as_ref().map(|from| RawFrom {
                            host: from.host.clone(),
                            by: from.by_name().to_string(),
                        }),
                        method: request.method,
                        path: request.target,
                        form: request.form.map(Pairs),
                        headers: Pairs(request.headers),
                        host: request.host,
                    })
                })
            }
            Action::CloseBrowser => raw.close_browser = Some(true),
            Action::OpenBrowser => raw.open_browser = Some(true),
            Action::OpenPrivateWindow => raw.open_private_window = Some(true),
            Action::ContinueWhereLeftOff(keep) => raw.continue_where_left_off = Some(keep),
            Action::AdvanceClock(seconds) => raw.advance_clock = Some(seconds),
            Action::SetCookie { name, value } => {
                raw.set_cookie = Some(RawSetCookie { name, value })
            }
            Action::DeleteCookie(name) => raw.delete_cookie = Some(name),
            Action::CopyCookie { name, to } => raw.copy_cookie = Some(RawCopyCookie { name, to }),
            Action::ForgeSession { secret, data } => {
                let data = serde_json::from_str(&data)
                    .unwrap_or(serde_json::Value::Object(Default::default()));
                raw.forge_session = Some(RawForge { secret, data })
            }
            Action::EditCode(code) => raw.edit_code = Some(code),
            Action::EditFiles(changes) => raw.edit_files = Some(changes),
            Action::SetSessionMode(mode) => raw.session_mode = Some(mode),
            Action::Back => raw.back = Some(true),
            Action::Forward => raw.forward = Some(true),
            Action::Reload => raw.reload = Some(true),
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        let step: Step = serde_json::from_str(text).unwrap();
        serde_json::to_string(&step).unwrap()
    }

    #[test]
    fn steps_round_trip_in_their_file_form() {
        for text in [
            r#"{"request":"GET /count"}"#,
            r#"{"request":{"method":"POST","path":"/login","form":{"username":"alice","b":"1"}},"browser":"Bob"}"#,
            r#"{"copy_cookie":{"name":"session","to":"Bob"},"browser":"Alice"}"#,
            r#"{"forge_session":{"secret":"dev","data":{"user":"admin"}}}"#,
            r#"{"session_mode":"unsigned","explain":"Now *unsigned*."}"#,
            r#"{"continue_where_left_off":true}"#,
            r#"{"back":true,"browser":"Bob"}"#,
            r#"{"open_private_window":true}"#,
            r#"{"edit_files":{"static/a.css":null,"templates/index.html":"<p>{{ n }}</p>"}}"#,
        ] {
            assert_eq!(round_trip(text), text);
        }
    }

    #[test]
    fn malformed_steps_are_errors_not_panics() {
        for text in [
            r#"{}"#,
            r#"{"request":"GET /","close_browser":true}"#,
            r#"{"request":"get /"}"#,
            r#"{"request":{"method":"GET","path":"/","form":{}}}"#,
            r#"{"close_browser":false}"#,
            r#"{"request":"GET /","colour":"red"}"#,
            r#"{"request":{"method":"POST","path":"/","form":{"a":"1","a":"2"}}}"#,
            r#"{"session_mode":"carrier-pigeon"}"#,
            r#"{"forge_session":{"secret":"k","data":[1]}}"#,
            r#"{"edit_files":{}}"#,
            r#"{"edit_files":{"../etc/passwd":"x"}}"#,
            r#"{"edit_files":{"app.py":"x"}}"#,
        ] {
            assert!(serde_json::from_str::<Step>(text).is_err(), "{text}");
        }
    }
}
