//! The native module `_flask_native` under the Python-written `flask` module: the context-local
//! proxies (`session`, `request`, `g`, `current_app`) over the request context, and the parts
//! that must be byte-exact (routing, signing, JSON, Set-Cookie strings, HTML escaping).
//!
//! Everything shares one [`Shared`] state per interpreter (its own leaf module,
//! [`crate::flask::context`], so the other native glue can hold it without depending on this
//! file).

use std::cell::RefCell;
use std::rc::Rc;

use crate::flask::context::{Ctx, SavedPicture, Shared};
use crate::flask::convert::datetime_seconds;
use crate::flask::dump_cookie::{self, CookieOptions, Expires};
use crate::flask::request::parse_cookie_header;
use crate::flask::routing::{Arg, Match, Rule};
use crate::flask::session::Session;
use crate::flask::signing::{self, SigningKey};
use crate::flask::store::ExpiryRule;
use crate::flask::trace::{SessionEntry, SessionSource};
use crate::python::native::{self, Arity, Native};
use crate::python::{Args, Dict, Interp, NativeObject, PyResult, Value, builtin, make_module};
use crate::text::html::escape_html;

/// `RuntimeError` text for a request-bound proxy used outside a request.
pub const OUTSIDE_REQUEST: &str = "Working outside of request context.\n\nThis typically means that you attempted to use functionality that needed\nan active HTTP request. Consult the documentation on testing for\ninformation about how to avoid this problem.";
/// `RuntimeError` text for `url_for` in an application context with no request and no
/// `SERVER_NAME`.
pub const NO_SERVER_NAME: &str = "Unable to build URLs outside an active request without 'SERVER_NAME' configured. Also configure 'APPLICATION_ROOT' and 'PREFERRED_URL_SCHEME' as needed.";
/// `RuntimeError` text for an app-bound proxy used outside an application context.
pub const OUTSIDE_APP: &str = "Working outside of application context.\n\nThis typically means that you attempted to use functionality that needed\nthe current application. To solve this, set up an application context\nwith app.app_context(). See the documentation for more information.";

/// Which context-local a proxy stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ProxyKind {
    /// `flask.session`.
    Session,
    /// `flask.request`.
    Request,
    /// `flask.g`.
    G,
    /// `flask.current_app`.
    CurrentApp,
}

/// A `werkzeug.local.LocalProxy`: binding it is free, using it resolves the current object.
pub struct LocalProxy {
    kind: ProxyKind,
    shared: Rc<Shared>,
}

impl LocalProxy {
    fn target(&self, interp: &mut Interp) -> PyResult<Value> {
        match self.kind {
            ProxyKind::Request => return request_value(&self.shared, interp),
            ProxyKind::G => return g_value(&self.shared, interp),
            _ => {}
        }
        let mut guard = self.shared.ctx.borrow_mut();
        let bound = guard.as_ref().is_some_and(|ctx| ctx.request_bound);
        let Some(ctx) = guard
            .as_mut()
            .filter(|_| bound || self.kind != ProxyKind::Session)
        else {
            let text = match self.kind {
                ProxyKind::Session | ProxyKind::Request => OUTSIDE_REQUEST,
                ProxyKind::G | ProxyKind::CurrentApp => OUTSIDE_APP,
            };
            return Err(interp.err("RuntimeError", text));
        };
        let custom = match self.kind {
            ProxyKind::Session => {
                ctx.accessed = true;
                match &ctx.custom_session {
                    Some(custom) => custom.clone(),
                    None => return Ok(Value::Native(ctx.session.clone())),
                }
            }
            _ => return Ok(ctx.app.clone()),
        };
        drop(guard);
        // RequestContext.session (Flask 3.1.3): using the proxy sets `accessed` on the object.
        interp.set_attr(&custom, "accessed", Value::Bool(true))?;
        Ok(custom)
    }
}

/// The current `Request` object, built (and given the matched endpoint) on first use.
pub fn request_value(shared: &Shared, interp: &mut Interp) -> PyResult<Value> {
    let (raw, flask, matched) = {
        let ctx = shared.ctx.borrow();
        let Some(ctx) = ctx.as_ref().filter(|ctx| ctx.request_bound) else {
            return Err(interp.err("RuntimeError", OUTSIDE_REQUEST));
        };
        if let Some(request) = &ctx.request {
            return Ok(request.clone());
        }
        (ctx.raw.clone(), ctx.flask.clone(), ctx.matched.clone())
    };
    let request = crate::flask::request::build_request(interp, &flask, &raw)?;
    if let Some((endpoint, view_args)) = matched {
        interp.set_attr(&request, "endpoint", Value::str(&endpoint))?;
        interp.set_attr(&request, "view_args", view_args)?;
        interp.set_attr(&request, "_automatic_options", Value::Bool(false))?;
    }
    if let Some(ctx) = shared.ctx.borrow_mut().as_mut() {
        ctx.request = Some(request.clone());
    }
    Ok(request)
}

/// The current `flask.g`, created on first use.
pub fn g_value(shared: &Shared, interp: &mut Interp) -> PyResult<Value> {
    let flask = {
        let ctx = shared.ctx.borrow();
        let Some(ctx) = ctx.as_ref() else {
            return Err(interp.err("RuntimeError", OUTSIDE_APP));
        };
        if let Some(g) = &ctx.g {
            return Ok(g.clone());
        }
        ctx.flask.clone()
    };
    let class = interp.get_attr(&flask, "_AppCtxGlobals")?;
    let g = interp.call(&class, Args::default())?;
    if let Some(ctx) = shared.ctx.borrow_mut().as_mut() {
        ctx.g = Some(g.clone());
    }
    Ok(g)
}

impl NativeObject for LocalProxy {
    fn type_name(&self) -> String {
        "LocalProxy".into()
    }
    fn get_attr(&self, interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let target = self.target(interp)?;
        if name == "_get_current_object" {
            return Ok(Some(builtin("_get_current_object", move |_it, _a| {
                Ok(target.clone())
            })));
        }
        interp.get_attr_opt(&target, name)
    }
    fn set_attr(&self, interp: &mut Interp, name: &str, value: Value) -> PyResult<bool> {
        let target = self.target(interp)?;
        interp.set_attr(&target, name, value)?;
        Ok(true)
    }
    fn get_item(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<Value>> {
        let target = self.target(interp)?;
        interp.get_item(&target, key).map(Some)
    }
    fn set_item(&self, interp: &mut Interp, key: Value, value: Value) -> PyResult<bool> {
        let target = self.target(interp)?;
        interp.set_item(&target, key, value)?;
        Ok(true)
    }
    fn del_item(&self, interp: &mut Interp, key: &Value) -> PyResult<bool> {
        let target = self.target(interp)?;
        interp.del_item(&target, key)?;
        Ok(true)
    }
    fn contains(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<bool>> {
        let target = self.target(interp)?;
        interp.contains(&target, key).map(Some)
    }
    fn iterate(&self, interp: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        let target = self.target(interp)?;
        interp.collect(&target).map(Some)
    }
    fn len(&self, interp: &mut Interp) -> PyResult<Option<usize>> {
        let target = self.target(interp)?;
        interp.len(&target).map(Some)
    }
    fn call(&self, interp: &mut Interp, args: Args) -> PyResult<Option<Value>> {
        let target = self.target(interp)?;
        interp.call(&target, args).map(Some)
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        match self.target(interp) {
            Ok(target) => interp.repr(&target),
            Err(_) => Ok("<LocalProxy unbound>".into()),
        }
    }
    fn truthy(&self, interp: &mut Interp) -> PyResult<Option<bool>> {
        let target = self.target(interp)?;
        interp.truthy(&target).map(Some)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

fn opt_str(interp: &mut Interp, v: &Value) -> PyResult<Option<String>> {
    match v {
        Value::None => Ok(None),
        other => interp.to_str(other).map(Some),
    }
}

/// `int(td.total_seconds())` for a timedelta, or an int number of seconds.
pub fn lifetime_seconds(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Float(f) => Ok(*f as i64),
        other => {
            let f = interp.get_attr(other, "total_seconds")?;
            let secs = interp.call(&f, Args::default())?;
            match secs {
                Value::Float(f) => Ok(f as i64),
                Value::Int(i) => Ok(i),
                other => Err(interp.type_error(format!(
                    "unsupported lifetime of type {}",
                    other.type_name()
                ))),
            }
        }
    }
}

/// Werkzeug's `HTTP_STATUS_CODES` for the codes Werkzeug's exceptions use.
pub fn http_reason(code: i64) -> &'static str {
    match code {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        206 => "Partial Content",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        412 => "Precondition Failed",
        415 => "Unsupported Media Type",
        416 => "Requested Range Not Satisfiable",
        418 => "I'm a teapot",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Unknown Error",
    }
}

/// A secret key as bytes: `str` keys are UTF-8 encoded (itsdangerous `want_bytes`).
pub fn secret_bytes(interp: &mut Interp, secret: &Value) -> PyResult<Vec<u8>> {
    match secret {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Str(s) => Ok(s.as_bytes().to_vec()),
        other => Ok(interp.to_str(other)?.into_bytes()),
    }
}

/// The session object of the request: the custom interface's, or the native one.
fn current_session_value(shared: &Shared, interp: &Interp) -> PyResult<Value> {
    match shared.ctx.borrow().as_ref().filter(|ctx| ctx.request_bound) {
        Some(ctx) => Ok(ctx
            .custom_session
            .clone()
            .unwrap_or_else(|| Value::Native(ctx.session.clone()))),
        None => Err(interp.err("RuntimeError", OUTSIDE_REQUEST)),
    }
}

/// The dict behind a session object without running any of its Python methods (which could
/// flip `accessed`): the native session's data, a dict subclass's built-in dict, or a dict.
pub fn session_data(value: &Value) -> Option<crate::python::Dict> {
    match value {
        Value::Native(n) => n
            .as_any()
            .downcast_ref::<Session>()
            .map(|s| s.data.borrow().clone()),
        Value::Instance(i) => match i.base_value() {
            Some(Value::Dict(d)) => Some(d.borrow().clone()),
            _ => None,
        },
        Value::Dict(d) => Some(d.borrow().clone()),
        _ => None,
    }
}

/// Renders a session's data as reprs for the server view.
pub fn session_entries(interp: &mut Interp, value: &Value) -> Vec<SessionEntry> {
    let Some(data) = session_data(value) else {
        return Vec::new();
    };
    data.iter()
        .map(|(k, v)| SessionEntry {
            key: interp.repr(&k).unwrap_or_else(|_| "?".into()),
            value: interp.repr(&v).unwrap_or_else(|_| "?".into()),
        })
        .collect()
}

/// A boolean attribute of a custom session object, read from its instance or class dict
/// (no property or `__getattr__` code runs).
fn plain_flag(value: &Value, name: &str) -> bool {
    match value {
        Value::Instance(i) => {
            let found = i
                .attrs
                .borrow()
                .get_str(name)
                .or_else(|| i.class.lookup(name));
            matches!(found, Some(Value::Bool(true)))
        }
        _ => false,
    }
}

/// The session's data and flags now, without side effects.
pub fn saved_picture(interp: &mut Interp, shared: &Shared) -> Option<SavedPicture> {
    let (value, accessed) = {
        let ctx = shared.ctx.borrow();
        let ctx = ctx.as_ref()?;
        (
            ctx.custom_session
                .clone()
                .unwrap_or_else(|| Value::Native(ctx.session.clone())),
            ctx.accessed,
        )
    };
    let entries = session_entries(interp, &value);
    let permanent = session_data(&value)
        .and_then(|d| d.get_str("_permanent"))
        .is_some_and(|v| interp.truthy(&v).unwrap_or(false));
    Some(match &value {
        Value::Native(n) => {
            let modified = n
                .as_any()
                .downcast_ref::<Session>()
                .is_some_and(|s| s.modified.get());
            SavedPicture {
                entries,
                modified,
                permanent,
                new: false,
                accessed,
            }
        }
        other => SavedPicture {
            entries,
            modified: plain_flag(other, "modified"),
            permanent,
            new: plain_flag(other, "new"),
            accessed: plain_flag(other, "accessed"),
        },
    })
}

fn current_session(shared: &Shared, interp: &Interp) -> PyResult<Rc<Session>> {
    match shared.ctx.borrow().as_ref().filter(|ctx| ctx.request_bound) {
        Some(ctx) => Ok(ctx.session.clone()),
        None => Err(interp.err("RuntimeError", OUTSIDE_REQUEST)),
    }
}

fn config_value(interp: &mut Interp, app: &Value, key: &str) -> PyResult<Value> {
    let config = interp.get_attr(app, "config")?;
    interp.get_item(&config, &Value::str(key))
}

/// `app.config[key]` for the several keys a request reads (the session's cookie settings, the
/// secret key): whether the config's class overrides `__getitem__` is found once, not once a
/// key. A `Config` that does not (Flask's own, a plain `dict`) is read from its table; a key it
/// lacks, or an overriding class, goes through Python's item access (`__missing__`, KeyError).
pub(crate) struct ConfigReader {
    config: Value,
    table: Option<Rc<RefCell<Dict>>>,
}

impl ConfigReader {
    /// A reader of `config` (the value of `app.config`).
    pub(crate) fn new(config: Value) -> ConfigReader {
        let table = match &config {
            Value::Dict(table) => Some(table.clone()),
            Value::Instance(instance) => match &instance.base {
                Some(Value::Dict(table))
                    if instance
                        .class
                        .lookup("__getitem__")
                        .is_none_or(|found| matches!(found, Value::Builtin(_))) =>
                {
                    Some(table.clone())
                }
                _ => None,
            },
            _ => None,
        };
        ConfigReader { config, table }
    }

    /// `config[key]`.
    pub(crate) fn get(&self, interp: &mut Interp, key: &str) -> PyResult<Value> {
        if let Some(found) = self.table.as_ref().and_then(|t| t.borrow().get_str(key)) {
            return Ok(found);
        }
        interp.get_item(&self.config, &Value::str(key))
    }
}

/// Registers `_flask_native` with the interpreter.
pub fn register(interp: &mut Interp, shared: Rc<Shared>) {
    interp.set_host(shared.clone());
    let factory: crate::python::ModuleFactory =
        Rc::new(move |_it: &mut Interp| Ok(build_module(shared.clone())));
    interp.register_module("_flask_native", factory);
}

/// The natives of `_flask_native` (private names the prelude calls with the right arguments;
/// each body reads its arguments itself, as `arg` allows a missing one).
static FLASK_NATIVES: &[Native] = &[
    Native::new("_ctx_request", Arity::ANY, native_ctx_request),
    Native::new("_ctx_app", Arity::ANY, native_ctx_app),
    Native::new("_raw_session", Arity::ANY, native_raw_session),
    Native::new("_set_session", Arity::ANY, native_set_session),
    Native::new("_trace_save", Arity::ANY, native_trace_save),
    Native::new("_token_urlsafe", Arity::ANY, native_token_urlsafe),
    Native::new("_store_get", Arity::ANY, native_store_get),
    Native::new("_store_set", Arity::ANY, native_store_set),
    Native::new("_store_delete", Arity::ANY, native_store_delete),
    Native::new("_session_loads", Arity::ANY, native_session_loads),
    Native::new("_session_dumps", Arity::ANY, native_session_dumps),
    Native::new("_sign_sid", Arity::ANY, native_sign_sid),
    Native::new("_unsign_sid", Arity::ANY, native_unsign_sid),
    Native::new("_session_accessed", Arity::ANY, native_session_accessed),
    Native::new("_is_null_session", Arity::ANY, native_is_null_session),
    Native::new("_sign_session", Arity::ANY, native_sign_session),
    Native::new("_dump_cookie", Arity::ANY, native_dump_cookie),
    Native::new("_json_dumps", Arity::ANY, native_json_dumps),
    Native::new("_json_loads", Arity::ANY, native_json_loads),
    Native::new("_add_rule", Arity::ANY, native_add_rule),
    Native::new("_match", Arity::ANY, native_match),
    Native::new("_allowed_methods", Arity::ANY, native_allowed_methods),
    Native::new("_url_for", Arity::ANY, native_url_for),
    Native::new("_new_url_map", Arity::ANY, native_new_url_map),
    Native::new("_push_context", Arity::ANY, native_push_context),
    Native::new("_pop_context", Arity::ANY, native_pop_context),
    Native::new("_now", Arity::ANY, native_now),
    Native::new(
        "_got_request_exception",
        Arity::ANY,
        native_got_request_exception,
    ),
    Native::new("_escape", Arity::ANY, native_escape),
    Native::new("_lifetime_seconds", Arity::ANY, native_lifetime_seconds),
    Native::new("_http_reason", Arity::ANY, native_http_reason),
    Native::new("_iri_path", Arity::ANY, native_iri_path),
    Native::new("_uri_to_iri", Arity::ANY, native_uri_to_iri),
];

/// The `_flask_native` module of the server whose request context is `shared`, as its first
/// import builds it (a start that copies the prelude's template swaps it in; see `server`).
pub fn native_module(shared: Rc<Shared>) -> Value {
    build_module(shared)
}

fn build_module(shared: Rc<Shared>) -> Value {
    let proxy = |kind| {
        Value::Native(Rc::new(LocalProxy {
            kind,
            shared: shared.clone(),
        }))
    };
    let mut items = vec![
        ("session", proxy(ProxyKind::Session)),
        ("request", proxy(ProxyKind::Request)),
        ("g", proxy(ProxyKind::G)),
        ("current_app", proxy(ProxyKind::CurrentApp)),
        (
            "_render_template",
            crate::flask::templates::render_builtin(),
        ),
        (
            "_project_templates",
            crate::flask::templates::project_templates_builtin(shared.clone()),
        ),
        (
            "_import_module",
            crate::flask::config_loading::import_module_builtin(),
        ),
        (
            "_run_project_file",
            crate::flask::config_loading::run_project_file_builtin(shared.clone()),
        ),
        (
            "_send_file",
            crate::flask::static_files::send_file_builtin(shared.clone()),
        ),
    ];
    items.extend(FLASK_NATIVES.iter().map(|n| (n.name, native::function(n))));
    make_module("_flask_native", items)
}

/// The state this interpreter's Flask natives share (set by [`register`]); the natives are plain
/// functions, so they find it through the interpreter rather than capturing it.
fn shared(it: &Interp) -> PyResult<Rc<Shared>> {
    it.host::<Shared>()
        .ok_or_else(|| it.err("RuntimeError", OUTSIDE_APP))
}

fn native_ctx_request(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    request_value(&s, it)
}

fn native_ctx_app(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    match s.ctx.borrow().as_ref() {
        Some(ctx) => Ok(ctx.app.clone()),
        None => Err(it.err("RuntimeError", OUTSIDE_APP)),
    }
}

fn native_raw_session(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    current_session_value(&s, it)
}

fn native_set_session(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    // (session, name of the interface class that opened it)
    let value = arg(&args, 0);
    let name = it.to_str(&arg(&args, 1))?;
    let opened = session_entries(it, &value);
    if let Some(ctx) = s.ctx.borrow_mut().as_mut() {
        ctx.custom_session = Some(value);
        ctx.trace.opened = opened;
        ctx.trace.source = Some(SessionSource::Interface(name));
    }
    Ok(Value::None)
}

fn native_trace_save(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let picture = saved_picture(it, &s);
    if let Some(ctx) = s.ctx.borrow_mut().as_mut() {
        ctx.trace.saved = picture;
    }
    Ok(Value::None)
}

fn native_token_urlsafe(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let n = match arg(&args, 0) {
        Value::None => 32,
        Value::Int(n) if (0..=1 << 16).contains(&n) => n as usize,
        other => {
            let shown = it.repr(&other)?;
            return Err(it.value_error(format!("bad token length {shown}")));
        }
    };
    Ok(Value::str(&s.store.borrow_mut().sids.token_urlsafe(n)))
}

fn native_store_get(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let key = it.to_str(&arg(&args, 0))?;
    let rule = if it.truthy(&arg(&args, 1))? {
        ExpiryRule::Inclusive
    } else {
        ExpiryRule::Exclusive
    };
    let json = s
        .store
        .borrow()
        .get(&key, s.now.get(), rule)
        .map(str::to_string);
    match json {
        Some(json) => crate::flask::json::loads_tagged(it, &json),
        None => Ok(Value::None),
    }
}

fn native_store_set(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let key = it.to_str(&arg(&args, 0))?;
    let value = arg(&args, 1);
    let json = match &value {
        Value::Dict(d) => {
            let d = d.borrow().clone();
            crate::flask::json::dumps_tagged(it, &d)?
        }
        other => {
            let mut d = Dict::new();
            d.set_str("v", other.clone());
            let text = crate::flask::json::dumps_tagged(it, &d)?;
            // {"v":X} -> X
            text.strip_prefix("{\"v\":")
                .and_then(|t| t.strip_suffix('}'))
                .unwrap_or(&text)
                .to_string()
        }
    };
    let expires = match arg(&args, 2) {
        Value::None => None,
        Value::Int(at) => Some(at),
        other => Some(lifetime_seconds(it, &other)?),
    };
    s.store.borrow_mut().set(&key, json, expires);
    Ok(Value::Bool(true))
}

fn native_store_delete(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let key = it.to_str(&arg(&args, 0))?;
    Ok(Value::Bool(s.store.borrow_mut().delete(&key)))
}

fn native_session_loads(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    // (keys, salt, value, max_age) -> data dict, or None when it does not verify.
    let keys = it.collect(&arg(&args, 0))?;
    let salt = secret_bytes(it, &arg(&args, 1))?;
    let value = it.to_str(&arg(&args, 2))?;
    let max_age = match arg(&args, 3) {
        Value::None => None,
        other => Some(lifetime_seconds(it, &other)?),
    };
    let mut secrets = Vec::new();
    for key in keys.iter().rev() {
        secrets.push(secret_bytes(it, key)?);
    }
    let now = s.now.get();
    let verified = secrets.iter().find_map(|secret| {
        signing::loads(&SigningKey::derive(secret, &salt), &value, now, max_age).ok()
    });
    match verified {
        Some(unsigned) => crate::flask::json::loads_tagged(it, &unsigned.json),
        None => Ok(Value::None),
    }
}

fn native_session_dumps(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    // (secret, salt, data dict) -> the signed cookie value.
    let secret = secret_bytes(it, &arg(&args, 0))?;
    let salt = secret_bytes(it, &arg(&args, 1))?;
    let data = match session_data(&arg(&args, 2)) {
        Some(d) => d,
        None => it
            .mapping_items(&arg(&args, 2))?
            .into_iter()
            .fold(Dict::new(), |mut d, (k, v)| {
                let _ = d.insert(k, v);
                d
            }),
    };
    let json = crate::flask::json::dumps_tagged(it, &data)?;
    Ok(Value::str(&signing::dumps(
        &SigningKey::derive(&secret, &salt),
        &json,
        s.now.get().max(0) as u64,
    )))
}

fn native_sign_sid(it: &mut Interp, args: Args) -> PyResult<Value> {
    // itsdangerous Signer(secret, salt='flask-session', key_derivation='hmac').sign(sid)
    let secret = secret_bytes(it, &arg(&args, 0))?;
    let salt = secret_bytes(it, &arg(&args, 1))?;
    let value = it.to_str(&arg(&args, 2))?;
    Ok(Value::str(&signing::sign_plain(
        &SigningKey::derive(&secret, &salt),
        &value,
    )))
}

fn native_unsign_sid(it: &mut Interp, args: Args) -> PyResult<Value> {
    let secret = secret_bytes(it, &arg(&args, 0))?;
    let salt = secret_bytes(it, &arg(&args, 1))?;
    let value = it.to_str(&arg(&args, 2))?;
    Ok(
        match signing::unsign_plain(&SigningKey::derive(&secret, &salt), &value) {
            Some(v) => Value::str(&v),
            None => Value::None,
        },
    )
}

fn native_session_accessed(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    Ok(Value::Bool(
        s.ctx.borrow().as_ref().is_some_and(|c| c.accessed),
    ))
}

fn native_is_null_session(_it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(match &arg(&args, 0) {
        Value::Native(n) => n.as_any().downcast_ref::<Session>().is_none_or(|s| s.null),
        // A custom interface's session object: its own `is_null_session` decides.
        _ => false,
    }))
}

fn native_sign_session(it: &mut Interp, _args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let session = current_session(&s, it)?;
    let app = match s.ctx.borrow().as_ref() {
        Some(ctx) => ctx.app.clone(),
        None => return Err(it.err("RuntimeError", OUTSIDE_REQUEST)),
    };
    let secret = config_value(it, &app, "SECRET_KEY")?;
    let key = SigningKey::derive(&secret_bytes(it, &secret)?, signing::SESSION_SALT);
    let data = session.data.borrow().clone();
    let json = crate::flask::json::dumps_tagged(it, &data)?;
    Ok(Value::str(&signing::dumps(
        &key,
        &json,
        s.now.get().max(0) as u64,
    )))
}

fn native_dump_cookie(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let key = it.to_str(&arg(&args, 0))?;
    let value = match &arg(&args, 1) {
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => it.to_str(other)?,
    };
    let max_age = match arg(&args, 2) {
        Value::None => None,
        Value::Int(i) => Some(i),
        other => Some(lifetime_seconds(it, &other)?),
    };
    let expires = match &arg(&args, 3) {
        Value::None => None,
        Value::Int(i) => Some(Expires::Timestamp(*i as f64)),
        Value::Float(f) => Some(Expires::Timestamp(*f)),
        Value::Str(t) => Some(Expires::Raw(t.to_string())),
        other => Some(Expires::DateTime(datetime_seconds(it, other)?)),
    };
    let path = opt_str(it, &arg(&args, 4))?;
    let domain = opt_str(it, &arg(&args, 5))?;
    let secure = it.truthy(&arg(&args, 6))?;
    let httponly = it.truthy(&arg(&args, 7))?;
    let samesite = opt_str(it, &arg(&args, 8))?;
    let partitioned = it.truthy(&arg(&args, 9))?;
    let options = CookieOptions {
        max_age,
        expires,
        path,
        domain,
        secure,
        httponly,
        samesite,
        partitioned,
        ..CookieOptions::default()
    };
    match dump_cookie::dump_cookie(&key, &value, &options, s.now.get()) {
        Ok(text) => Ok(Value::str(&text)),
        Err(e) => Err(it.err(e.python_type(), e.to_string())),
    }
}

fn native_json_dumps(it: &mut Interp, args: Args) -> PyResult<Value> {
    let text = crate::flask::json::dumps(it, &arg(&args, 0))?;
    Ok(Value::str(&text))
}

fn native_json_loads(it: &mut Interp, args: Args) -> PyResult<Value> {
    let text = it.to_str(&arg(&args, 0))?;
    crate::flask::json::loads(it, &text)
}

/// `_new_url_map()`: a new, empty URL map for a `Flask` object; its index in
/// [`Shared::routers`].
fn native_new_url_map(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let mut routers = s.routers.borrow_mut();
    routers.push(Default::default());
    Ok(Value::Int(routers.len() as i64 - 1))
}

/// The index of `app`'s URL map (see [`native_new_url_map`]).
pub fn url_map_of(it: &mut Interp, shared: &Shared, app: &Value) -> PyResult<usize> {
    match it.get_attr(app, "_url_map")? {
        Value::Int(i) if (i as usize) < shared.routers.borrow().len() => Ok(i as usize),
        _ => Err(it.err("RuntimeError", "This Flask object has no URL map.")),
    }
}

/// The active context's app and the scheme and host its request came to.
fn active_app(it: &Interp, shared: &Shared) -> PyResult<(Value, String)> {
    match shared.ctx.borrow().as_ref() {
        Some(ctx) => Ok((
            ctx.app.clone(),
            format!("{}://{}", ctx.raw.scheme, ctx.raw.host),
        )),
        None => Err(it.err("RuntimeError", OUTSIDE_APP)),
    }
}

fn native_add_rule(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let map = match arg(&args, 0) {
        Value::Int(i) if (i as usize) < s.routers.borrow().len() => i as usize,
        _ => return Err(it.type_error("_add_rule() needs a URL map")),
    };
    let rule = it.to_str(&arg(&args, 1))?;
    let endpoint = it.to_str(&arg(&args, 2))?;
    let methods: Vec<String> = it
        .collect(&arg(&args, 3))?
        .iter()
        .map(|m| it.to_str(m))
        .collect::<PyResult<_>>()?;
    let strict = it.truthy(&arg(&args, 4))?;
    let auto = it.truthy(&arg(&args, 5))?;
    // The rule's defaults, as (name, value) pairs of str, int or float (the prelude makes any
    // other value its str()).
    let mut defaults = Vec::new();
    if !matches!(arg(&args, 6), Value::None) {
        for pair in it.collect(&arg(&args, 6))? {
            let items = it.collect(&pair)?;
            let [key, value] = &items[..] else {
                return Err(it.type_error("_add_rule() needs (name, value) defaults"));
            };
            let value = match value {
                Value::Int(number) => Arg::Int(*number),
                Value::Float(number) => Arg::Float(*number),
                other => Arg::Str(it.to_str(other)?),
            };
            defaults.push((it.to_str(key)?, value));
        }
    }
    let refs: Vec<&str> = methods.iter().map(String::as_str).collect();
    match Rule::new(&rule, &endpoint, &refs, strict, auto) {
        Ok(rule) => {
            s.routers.borrow_mut()[map]
                .rules
                .push(rule.with_defaults(defaults));
            Ok(Value::None)
        }
        Err(e) => Err(it.err(e.python_type(), e.to_string())),
    }
}

fn native_match(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let method = it.to_str(&arg(&args, 0))?;
    let path = it.to_str(&arg(&args, 1))?;
    let query = it.to_str(&arg(&args, 2))?;
    let (app, origin) = active_app(it, &s)?;
    let map = url_map_of(it, &s, &app)?;
    let routers = s.routers.borrow();
    let router = &routers[map];
    // A strict-slash redirect points at the host the request came to.
    let outcome = router.match_request(&method, &path, &query, &origin);
    Ok(match outcome {
        Match::Found { rule, args } => {
            let d = view_args(args);
            let r = &router.rules[rule];
            Value::tuple(vec![
                Value::str("ok"),
                Value::str(&r.endpoint),
                Value::dict(d),
                Value::Bool(r.automatic_options),
            ])
        }
        Match::NotFound => Value::tuple(vec![
            Value::str("404"),
            Value::None,
            Value::None,
            Value::None,
        ]),
        Match::MethodNotAllowed(methods) => Value::tuple(vec![
            Value::str("405"),
            Value::list(methods.iter().map(|m| Value::str(m)).collect()),
            Value::None,
            Value::None,
        ]),
        Match::Redirect(url) => Value::tuple(vec![
            Value::str("308"),
            Value::str(&url),
            Value::None,
            Value::None,
        ]),
    })
}

fn native_allowed_methods(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let path = it.to_str(&arg(&args, 0))?;
    let (app, _) = active_app(it, &s)?;
    let map = url_map_of(it, &s, &app)?;
    let methods = s.routers.borrow()[map].allowed_methods(&path);
    Ok(Value::list(methods.iter().map(|m| Value::str(m)).collect()))
}

fn native_url_for(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    // Where an external URL points: the request's own scheme and host; with an application
    // context alone, the configured SERVER_NAME (and every URL is external by default).
    let (bound, origin, app) = match s.ctx.borrow().as_ref() {
        None => return Err(it.err("RuntimeError", OUTSIDE_APP)),
        Some(ctx) => (
            ctx.request_bound,
            format!("{}://{}", ctx.raw.scheme, ctx.raw.host),
            ctx.app.clone(),
        ),
    };
    let mut external = arg(&args, 4);
    let origin = if bound {
        origin
    } else {
        let config = it.get_attr(&app, "config")?;
        let server_name = it.get_item(&config, &Value::str("SERVER_NAME"))?;
        if matches!(server_name, Value::None) {
            return Err(it.err("RuntimeError", NO_SERVER_NAME));
        }
        let scheme = match arg(&args, 3) {
            Value::None => it.get_item(&config, &Value::str("PREFERRED_URL_SCHEME"))?,
            given => given,
        };
        if matches!(external, Value::None) {
            external = Value::Bool(true);
        }
        format!("{}://{}", it.to_str(&scheme)?, it.to_str(&server_name)?)
    };
    let endpoint = it.to_str(&arg(&args, 0))?;
    let anchor = arg(&args, 1);
    let mut values: Vec<(String, String)> = Vec::new();
    for (k, v) in it.mapping_items(&arg(&args, 5))? {
        if matches!(v, Value::None) {
            continue;
        }
        let key = it.to_str(&k)?;
        let items = match &v {
            Value::List(_) | Value::Tuple(_) => it.collect(&v)?,
            _ => vec![v.clone()],
        };
        for item in items {
            let text = it.to_str(&item)?;
            values.push((key.clone(), text));
        }
    }
    let map = url_map_of(it, &s, &app)?;
    let built = s.routers.borrow()[map].build(&endpoint, &values);
    match built {
        Ok(mut url) => {
            if !matches!(anchor, Value::None) {
                let a = it.to_str(&anchor)?;
                url.push('#');
                url.push_str(&crate::flask::routing::quote(&a, "!#$&'()*+,/:;=?@~"));
            }
            if it.truthy(&external)? {
                url = format!("{origin}{url}");
            }
            Ok(Value::str(&url))
        }
        Err(message) => {
            let flask = it.import_module("flask")?;
            let cls = it.get_attr(&flask, "BuildError")?;
            let exc = it.call(&cls, Args::positional(vec![Value::str(&message)]))?;
            Err(it.raise_value(exc))
        }
    }
}

fn native_now(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    Ok(Value::Int(s.now.get()))
}

fn native_got_request_exception(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    if let Some(ctx) = s.ctx.borrow_mut().as_mut() {
        ctx.got_exception = Some((arg(&args, 0), it.out.len()));
    }
    Ok(Value::None)
}

fn native_escape(it: &mut Interp, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0);
    if let Some(html) = it.get_attr_opt(&v, "__html__")? {
        let r = it.call(&html, Args::default())?;
        return Ok(Value::str(&it.to_str(&r)?));
    }
    let text = match &v {
        Value::None => "None".to_string(),
        other => it.to_str(other)?,
    };
    Ok(Value::str(&escape_html(&text)))
}

fn native_lifetime_seconds(it: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Int(lifetime_seconds(it, &arg(&args, 0))?))
}

fn native_http_reason(_it: &mut Interp, args: Args) -> PyResult<Value> {
    let code = arg(&args, 0).as_i64().unwrap_or(0);
    Ok(Value::str(http_reason(code)))
}

fn native_iri_path(it: &mut Interp, args: Args) -> PyResult<Value> {
    // get_current_url: quote(path) with safe "/", then uri_to_iri.
    let text = it.to_str(&arg(&args, 0))?;
    Ok(Value::str(&crate::flask::iri::path(
        &crate::flask::routing::quote(&text, "/"),
    )))
}

fn native_uri_to_iri(it: &mut Interp, args: Args) -> PyResult<Value> {
    let text = it.to_str(&arg(&args, 0))?;
    Ok(Value::str(&crate::flask::iri::query(&text)))
}

/// The converted URL variables of a matched rule as the dict Flask passes to the view.
pub(crate) fn view_args(args: Vec<(String, Arg)>) -> Dict {
    let mut d = Dict::new();
    for (name, value) in args {
        let v = match value {
            Arg::Str(t) => Value::str(&t),
            Arg::Int(i) => Value::Int(i),
            Arg::Float(f) => Value::Float(f),
        };
        d.set_str(&name, v);
    }
    d
}

/// `_push_context(app, request, g)`: pushes a context over the active one (kept in
/// [`Shared::outer`]): an application context alone when `request` is None, else a request
/// context for `(method, scheme, host, path, query, headers, body)` with its session opened as
/// the server opens a request's (the app's own session interface opens it from Python); `g`,
/// when given, is the outer context's (a request context inside one of the same app).
fn native_push_context(it: &mut Interp, args: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let app = arg(&args, 0);
    let flask = it.import_module("flask")?;
    let parts = arg(&args, 1);
    let bound = !matches!(parts, Value::None);
    let raw = if bound {
        let parts = it.collect(&parts)?;
        let text = |it: &mut Interp, i: usize| it.to_str(parts.get(i).unwrap_or(&Value::None));
        let mut headers = Vec::new();
        for pair in it.collect(parts.get(5).unwrap_or(&Value::None))? {
            let pair = it.collect(&pair)?;
            let name = it.to_str(&pair[0])?;
            headers.push((name, it.to_str(&pair[1])?));
        }
        crate::http::Request {
            method: text(it, 0)?,
            scheme: text(it, 1)?,
            host: text(it, 2)?,
            path: text(it, 3)?,
            query: text(it, 4)?,
            headers,
            body: match parts.get(6) {
                Some(Value::Bytes(b)) => b.to_vec(),
                _ => Vec::new(),
            },
        }
    } else {
        crate::http::Request {
            method: "GET".into(),
            scheme: "http".into(),
            host: "localhost".into(),
            path: "/".into(),
            query: String::new(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    };
    let (session, source) = if bound && !uses_custom_interface(it, &app, &flask) {
        open_session(it, &app, &raw, s.now.get())
    } else {
        (
            Session::create(Dict::new(), true),
            SessionSource::OpenFailed,
        )
    };
    let opened = session_entries(it, &Value::Native(session.clone()));
    let previous = s.ctx.borrow_mut().take();
    s.outer.borrow_mut().push(previous);
    let mut ctx = Ctx::open(app, flask, raw, bound, session, opened, source);
    if !matches!(arg(&args, 2), Value::None) {
        ctx.g = Some(arg(&args, 2));
    }
    *s.ctx.borrow_mut() = Some(ctx);
    Ok(Value::None)
}

/// `_pop_context()`: the context under the active one becomes active again.
fn native_pop_context(it: &mut Interp, _a: Args) -> PyResult<Value> {
    let s = shared(it)?;
    let Some(previous) = s.outer.borrow_mut().pop() else {
        return Err(it.err("RuntimeError", "Popped a context that was never pushed."));
    };
    *s.ctx.borrow_mut() = previous;
    Ok(Value::None)
}

/// `SecureCookieSessionInterface.open_session`: a NullSession without a secret key; otherwise
/// the verified cookie's data, or an empty session when it is missing, tampered or too old.
pub fn open_session(
    it: &mut Interp,
    app: &Value,
    request: &crate::http::Request,
    now: i64,
) -> (Rc<Session>, SessionSource) {
    let null = || {
        (
            Session::create(Dict::new(), true),
            SessionSource::NoSecretKey,
        )
    };
    let config = match it.get_attr(app, "config") {
        Ok(c) => c,
        Err(_) => return null(),
    };
    let config = ConfigReader::new(config);
    let mut get = |key: &str| config.get(it, key).ok();
    let secret = get("SECRET_KEY");
    let name = get("SESSION_COOKIE_NAME");
    let lifetime = get("PERMANENT_SESSION_LIFETIME");
    let fallbacks = get("SECRET_KEY_FALLBACKS");
    let secret = match &secret {
        None | Some(Value::None) => return null(),
        Some(Value::Str(s)) if s.is_empty() => return null(),
        Some(Value::Bytes(b)) if b.is_empty() => return null(),
        Some(other) => secret_bytes(it, other).unwrap_or_default(),
    };
    // SecureCookieSessionInterface: the fallbacks verify too; the current key signs.
    let mut keys = vec![secret];
    if let Some(list) = fallbacks.filter(|f| !matches!(f, Value::None)) {
        for key in it.collect(&list).unwrap_or_default() {
            keys.push(secret_bytes(it, &key).unwrap_or_default());
        }
    }
    let name = match &name {
        Some(Value::Str(s)) => s.to_string(),
        _ => "session".to_string(),
    };
    let max_age = match lifetime {
        Some(v) => lifetime_seconds(it, &v).unwrap_or(2_678_400),
        None => 2_678_400,
    };
    let cookies = request
        .header("Cookie")
        .map(parse_cookie_header)
        .unwrap_or_default();
    let Some((_, value)) = cookies.iter().find(|(n, _)| *n == name) else {
        return (Session::create(Dict::new(), false), SessionSource::NoCookie);
    };
    // Werkzeug's `cookies.get` gives the first; an empty value counts as no cookie.
    if value.is_empty() {
        return (Session::create(Dict::new(), false), SessionSource::NoCookie);
    }
    let mut first_error = None;
    let verified = keys.iter().find_map(|secret| {
        match signing::loads(
            &SigningKey::derive(secret, signing::SESSION_SALT),
            value,
            now,
            Some(max_age),
        ) {
            Ok(unsigned) => Some(unsigned),
            Err(error) => {
                first_error.get_or_insert(error);
                None
            }
        }
    });
    let data = verified
        .and_then(|unsigned| crate::flask::json::loads_tagged(it, &unsigned.json).ok())
        .and_then(|v| match &v {
            Value::Dict(d) => Some(d.borrow().clone()),
            _ => None,
        });
    match data {
        Some(data) => (Session::create(data, false), SessionSource::Cookie),
        None => (
            Session::create(Dict::new(), false),
            SessionSource::Rejected(
                first_error.map_or_else(|| "its data is not a session".into(), |e| e.to_string()),
            ),
        ),
    }
}

/// Whether the app replaced Flask's default `SecureCookieSessionInterface()` instance (a
/// subclass, Flask-Session, or any object): then its Python `open_session`/`save_session` run.
pub fn uses_custom_interface(it: &mut Interp, app: &Value, flask: &Value) -> bool {
    let Ok(interface) = it.get_attr(app, "session_interface") else {
        return false;
    };
    match it.get_attr(flask, "_default_session_interface") {
        Ok(default) => !interface.is(&default),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ConfigReader;
    use crate::python::{HostConfig, Interp};

    /// The reader reads a plain table directly, and goes through Python's item access where
    /// the class overrides it or the key is missing.
    #[test]
    fn config_reader_honours_an_overriding_getitem_and_missing_keys() {
        let mut py = Interp::new(HostConfig::default());
        let module = py
            .run_module(
                "m",
                "m.py",
                "class Plain(dict):\n    pass\n\
                 class Loud(dict):\n    def __getitem__(self, key):\n        return key.lower()\n\
                 class Fallback(dict):\n    def __missing__(self, key):\n        return 'default'\n\
                 plain = Plain(SESSION_COOKIE_NAME='s')\n\
                 loud = Loud(SESSION_COOKIE_NAME='s')\n\
                 fallback = Fallback()\n\
                 raw = {'SESSION_COOKIE_NAME': 'r'}\n",
            )
            .expect("the module runs");
        let mut read = |name: &str, key: &str| {
            let config = py.get_attr(&module, name).expect("defined");
            let reader = ConfigReader::new(config);
            let got = reader.get(&mut py, key);
            got.map(|value| py.repr(&value).expect("a repr"))
                .map_err(|error| py.repr(&error.value).expect("a repr"))
        };
        assert_eq!(read("plain", "SESSION_COOKIE_NAME"), Ok("'s'".into()));
        assert_eq!(read("raw", "SESSION_COOKIE_NAME"), Ok("'r'".into()));
        assert_eq!(
            read("loud", "SESSION_COOKIE_NAME"),
            Ok("'session_cookie_name'".into())
        );
        assert_eq!(read("fallback", "SECRET_KEY"), Ok("'default'".into()));
        assert_eq!(
            read("plain", "SECRET_KEY"),
            Err("KeyError('SECRET_KEY')".into())
        );
    }
}
