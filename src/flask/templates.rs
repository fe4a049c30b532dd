//! Jinja templates: `render_template`/`render_template_string` rendered by MiniJinja (the Rust
//! implementation of Jinja2 by Jinja's author) and bridged to the interpreter, so that a
//! template sees Python objects as Jinja2 sees them: attribute and item look-ups, method calls
//! and calls go through the interpreter (`session.get('x')`, `user.name`, `d.items()`), and
//! `{{ value }}` prints Python's `str()`, escaped as markupsafe escapes it.
//!
//! Flask's control flow (the template context, context processors, `app.jinja_env`, loaders)
//! is Python in the prelude; this module owns the engine side: one MiniJinja environment per
//! render with the app's globals, filters and tests, the loader over the templates the prelude
//! collected, Flask's autoescape rule, the fuel that ends an endless template loop, and Jinja2's
//! exceptions (`TemplateNotFound`, `TemplateSyntaxError`, `UndefinedError`) for its errors.
//!
//! MiniJinja's values must be `Send + Sync`; Python values are not. A Python value therefore
//! crosses as a handle (an index into the render's table of values), and the interpreter is
//! reached through a thread-local pointer set for the duration of one render (see [`Bridge`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use minijinja::value::{Enumerator, Kwargs, Object, ObjectRepr, Rest, Value as MjValue};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

use crate::python::{Args, Dict, Exc, Interp, PyResult, Value};
use crate::text::html::escape_html;

/// How many template instructions one render may run: enough for any page a learner writes,
/// few enough that `{% for i in range(10**9) %}` ends in well under a second.
pub const TEMPLATE_FUEL: u64 = 2_000_000;

/// The interpreter and the Python values of the renders in progress.
///
/// The pointer is set by [`render`] from the `&mut Interp` it was given and cleared when the
/// outermost render returns; MiniJinja calls back into the bridge only while `render` waits on
/// it, and the bridge never holds the `&mut` across a return to MiniJinja, so each callback has
/// the interpreter to itself (the pattern of a scoped thread-local).
struct Bridge {
    interp: *mut Interp,
    values: Vec<Value>,
    /// A Python exception raised inside a callback, re-raised when the render returns.
    pending: Option<Box<Exc>>,
    depth: usize,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

/// Runs `f` with the interpreter of the render in progress (`None` outside a render).
fn with_interp<R>(f: impl FnOnce(&mut Interp) -> R) -> Option<R> {
    let ptr = BRIDGE.with(|b| b.borrow().as_ref().map(|b| b.interp))?;
    // SAFETY: the pointer comes from the `&mut Interp` that `render` holds for as long as the
    // bridge is set, and `render` does not touch it while MiniJinja runs (see `Bridge`).
    let interp = unsafe { &mut *ptr };
    Some(f(interp))
}

fn handle_of(value: Value) -> usize {
    BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let bridge = b.as_mut().expect("a handle is made only during a render");
        bridge.values.push(value);
        bridge.values.len() - 1
    })
}

fn value_of(handle: usize) -> Value {
    BRIDGE.with(|b| {
        b.borrow()
            .as_ref()
            .and_then(|b| b.values.get(handle).cloned())
            .unwrap_or(Value::None)
    })
}

/// Keeps a Python exception to re-raise after the render; MiniJinja sees a plain error.
fn stash(exc: Box<Exc>) -> Error {
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            bridge.pending.get_or_insert(exc);
        }
    });
    Error::new(ErrorKind::InvalidOperation, "a Python exception")
}

fn py<T>(result: Option<PyResult<T>>) -> Result<T, Error> {
    match result {
        Some(Ok(value)) => Ok(value),
        Some(Err(exc)) => Err(stash(exc)),
        None => Err(Error::new(ErrorKind::InvalidOperation, "no render running")),
    }
}

/// A Python value seen by MiniJinja.
#[derive(Debug)]
struct Py {
    handle: usize,
    kind: ObjectRepr,
}

impl Py {
    fn value(&self) -> Value {
        value_of(self.handle)
    }
}

impl Object for Py {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        self.kind
    }

    fn get_value(self: &Arc<Self>, key: &MjValue) -> Option<MjValue> {
        let this = self.value();
        with_interp(|it| {
            let key_py = to_py(it, key);
            // Jinja2: `a.b` tries the attribute first, `a['b']` the item; MiniJinja has one
            // look-up, so a mapping tries its items first and anything else its attributes.
            let by_item = |it: &mut Interp| it.get_item(&this, &key_py).ok();
            let by_attr = |it: &mut Interp| match key.as_str() {
                Some(name) => it.get_attr(&this, name).ok(),
                None => None,
            };
            let found = if matches!(self.kind, ObjectRepr::Map | ObjectRepr::Seq) {
                by_item(it).or_else(|| by_attr(it))
            } else {
                by_attr(it).or_else(|| by_item(it))
            };
            found.map(|v| to_mj(it, v))
        })
        .flatten()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let this = self.value();
        let items = with_interp(|it| {
            let items = it.collect(&this).ok()?;
            Some(items.into_iter().map(|v| to_mj(it, v)).collect::<Vec<_>>())
        })
        .flatten();
        match items {
            Some(items) => Enumerator::Values(items),
            None => Enumerator::NonEnumerable,
        }
    }

    fn is_true(self: &Arc<Self>) -> bool {
        let this = self.value();
        with_interp(|it| it.truthy(&this).unwrap_or(true)).unwrap_or(true)
    }

    fn call(
        self: &Arc<Self>,
        _state: &mut State<'_, '_>,
        args: &[MjValue],
    ) -> Result<MjValue, Error> {
        let this = self.value();
        py(with_interp(|it| {
            let args = to_py_args(it, args);
            let result = it.call(&this, args)?;
            Ok(to_mj(it, result))
        }))
    }

    fn call_method(
        self: &Arc<Self>,
        _state: &mut State<'_, '_>,
        method: &str,
        args: &[MjValue],
    ) -> Result<MjValue, Error> {
        let this = self.value();
        call_python_method(&this, method, args)
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.value();
        let text = with_interp(|it| it.to_str(&this).unwrap_or_default()).unwrap_or_default();
        f.write_str(&text)
    }
}

/// A filter's or test's arguments with its keyword arguments last, as calls receive them.
fn with_kwargs(args: Rest<MjValue>, kwargs: Kwargs) -> Result<Vec<MjValue>, Error> {
    let mut all = args.0;
    let names: Vec<String> = kwargs.args().map(str::to_string).collect();
    if !names.is_empty() {
        let mut pairs = Vec::new();
        for name in names {
            let value: MjValue = kwargs.get(&name)?;
            pairs.push((name, value));
        }
        all.push(MjValue::from(Kwargs::from_iter(pairs)));
    }
    Ok(all)
}

/// Calls the Python callable behind `function` (a filter or test the app registered).
fn call_python(function: &MjValue, args: &[MjValue]) -> Result<MjValue, Error> {
    let function = with_interp(|it| to_py(it, function)).unwrap_or(Value::None);
    py(with_interp(|it| {
        let args = to_py_args(it, args);
        let result = it.call(&function, args)?;
        Ok(to_mj(it, result))
    }))
}

fn call_python_method(this: &Value, method: &str, args: &[MjValue]) -> Result<MjValue, Error> {
    let found = with_interp(|it| it.get_attr(this, method).ok()).flatten();
    let Some(function) = found else {
        return Err(Error::from(ErrorKind::UnknownMethod));
    };
    py(with_interp(|it| {
        let args = to_py_args(it, args);
        let result = it.call(&function, args)?;
        Ok(to_mj(it, result))
    }))
}

/// A Python value as MiniJinja sees it: plain scalars by value (so arithmetic, comparison and
/// the built-in filters work on them), `Markup` as a safe string, anything else by handle.
fn to_mj(it: &mut Interp, value: Value) -> MjValue {
    match &value {
        Value::None => MjValue::from(()),
        Value::Bool(b) => MjValue::from(*b),
        Value::Int(i) => MjValue::from(*i),
        Value::Float(f) => MjValue::from(*f),
        Value::Str(s) => MjValue::from(s.to_string()),
        _ => {
            // Only an instance is asked for `__html__`: asking the `session` proxy would
            // count as using the session (a `Vary: Cookie` Flask does not send).
            if matches!(value, Value::Instance(_))
                && let Ok(Some(html)) = it.get_attr_opt(&value, "__html__")
                && let Ok(text) = it.call(&html, Args::positional(vec![]))
                && let Ok(text) = it.to_str(&text)
            {
                return MjValue::from_safe_string(text);
            }
            let kind = match &value {
                Value::List(_) | Value::Tuple(_) => ObjectRepr::Seq,
                Value::Dict(_) => ObjectRepr::Map,
                Value::Set(_) | Value::FrozenSet(_) | Value::Range(_) | Value::Iter(_) => {
                    ObjectRepr::Iterable
                }
                Value::Instance(_) if it.get_attr_opt(&value, "keys").ok().flatten().is_some() => {
                    ObjectRepr::Map
                }
                _ => ObjectRepr::Plain,
            };
            let handle = handle_of(value);
            MjValue::from_object(Py { handle, kind })
        }
    }
}

/// A MiniJinja value as Python sees it (arguments of calls, filters and tests; `str()`).
fn to_py(it: &mut Interp, value: &MjValue) -> Value {
    if let Some(py) = value.downcast_object_ref::<Py>() {
        return py.value();
    }
    use minijinja::value::ValueKind;
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => Value::None,
        ValueKind::Bool => Value::Bool(value.is_true()),
        ValueKind::Number if value.is_integer() => match value.as_i64() {
            Some(i) => Value::Int(i),
            None => match i128::try_from(value.clone()) {
                Ok(big) => Value::Long(std::rc::Rc::new(num_bigint::BigInt::from(big))),
                Err(_) => Value::str(&value.to_string()),
            },
        },
        ValueKind::Number => Value::Float(f64::try_from(value.clone()).unwrap_or(f64::NAN)),
        ValueKind::String => {
            let text = value.as_str().unwrap_or_default();
            if value.is_safe() {
                markup(it, text)
            } else {
                Value::str(text)
            }
        }
        ValueKind::Seq | ValueKind::Iterable => {
            let items: Vec<MjValue> = value.try_iter().map(|i| i.collect()).unwrap_or_default();
            Value::list(items.iter().map(|v| to_py(it, v)).collect())
        }
        ValueKind::Map => {
            let mut dict = Dict::new();
            let keys: Vec<MjValue> = value.try_iter().map(|i| i.collect()).unwrap_or_default();
            for key in keys {
                let item = value.get_item(&key).unwrap_or_default();
                let (k, v) = (to_py(it, &key), to_py(it, &item));
                let _ = dict.insert(k, v);
            }
            Value::Dict(std::rc::Rc::new(RefCell::new(dict)))
        }
        _ => Value::str(&value.to_string()),
    }
}

/// `markupsafe.Markup(text)`.
fn markup(it: &mut Interp, text: &str) -> Value {
    let class = it
        .modules
        .get("markupsafe")
        .cloned()
        .and_then(|m| it.get_attr(&m, "Markup").ok());
    match class {
        Some(class) => it
            .call(&class, Args::positional(vec![Value::str(text)]))
            .unwrap_or_else(|_| Value::str(text)),
        None => Value::str(text),
    }
}

/// MiniJinja call arguments as Python's: keyword arguments arrive as a trailing map.
fn to_py_args(it: &mut Interp, args: &[MjValue]) -> Args {
    let mut out = Args::positional(Vec::new());
    for arg in args {
        if arg.is_kwargs() {
            let keys: Vec<MjValue> = arg.try_iter().map(|i| i.collect()).unwrap_or_default();
            for key in keys {
                let item = arg.get_item(&key).unwrap_or_default();
                let v = to_py(it, &item);
                out.kw
                    .push((key.as_str().unwrap_or_default().to_string(), v));
            }
        } else {
            out.pos.push(to_py(it, arg));
        }
    }
    out
}

/// `{{ value }}`: Python's `str()`, escaped as markupsafe's `escape` does when autoescape is on
/// (an object with `__html__` prints that, unescaped).
fn format_value(out: &mut Output, state: &mut State, value: &MjValue) -> Result<(), Error> {
    if value.is_undefined() {
        return Ok(());
    }
    let escape = matches!(state.auto_escape(), AutoEscape::Html);
    if value.is_safe() {
        return out
            .write_str(value.as_str().unwrap_or_default())
            .map_err(Error::from);
    }
    let text = match value.as_str() {
        Some(text) if value.downcast_object_ref::<Py>().is_none() => text.to_string(),
        _ => py(with_interp(|it| {
            let v = to_py(it, value);
            it.to_str(&v)
        }))?,
    };
    let text = if escape { escape_html(&text) } else { text };
    out.write_str(&text).map_err(Error::from)
}

/// The `escape`/`e` filter as markupsafe's: `&<>"'` as `&amp;&lt;&gt;&#34;&#39;`, a safe value
/// kept as it is.
fn escape_filter(value: &MjValue) -> Result<MjValue, Error> {
    if value.is_safe() {
        return Ok(value.clone());
    }
    let text = match value.as_str() {
        Some(text) if value.downcast_object_ref::<Py>().is_none() => text.to_string(),
        _ => py(with_interp(|it| {
            let v = to_py(it, value);
            it.to_str(&v)
        }))?,
    };
    Ok(MjValue::from_safe_string(escape_html(&text)))
}

/// The template context as MiniJinja's root map (names to values already converted).
#[derive(Debug)]
struct Context(BTreeMap<String, MjValue>);

impl Object for Context {
    fn get_value(self: &Arc<Self>, key: &MjValue) -> Option<MjValue> {
        self.0.get(key.as_str()?).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Values(self.0.keys().map(|k| MjValue::from(k.as_str())).collect())
    }
}

/// What the prelude hands over for one render.
pub struct RenderRequest {
    /// The template's name (`render_template`), or `None` for `render_template_string`.
    pub name: Option<String>,
    /// The source of a `render_template_string`.
    pub source: Option<String>,
    /// Every template the loaders can find, by name (shared: an error reads its source).
    pub templates: Arc<BTreeMap<String, String>>,
    /// The template context (Flask's processors, then the caller's values).
    pub context: Vec<(String, Value)>,
    /// `app.jinja_env.globals`.
    pub globals: Vec<(String, Value)>,
    /// `app.jinja_env.filters`.
    pub filters: Vec<(String, Value)>,
    /// `app.jinja_env.tests`.
    pub tests: Vec<(String, Value)>,
}

/// Flask's `select_jinja_autoescape`: on for these extensions and for a template from a string.
pub fn autoescape_for(name: &str) -> bool {
    name == STRING_TEMPLATE
        || [".html", ".htm", ".xml", ".xhtml", ".svg"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// The name a `render_template_string` template has in errors (Jinja2 shows `<template>`).
pub const STRING_TEMPLATE: &str = "<template>";

/// Renders `request` with the interpreter `it`; a template error is raised as Jinja2's
/// exception (the `jinja2` prelude module's classes), a Python error from a callback as itself.
pub fn render(it: &mut Interp, request: RenderRequest) -> PyResult<Value> {
    let outer = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        match b.as_mut() {
            Some(bridge) => {
                bridge.depth += 1;
                false
            }
            None => {
                *b = Some(Bridge {
                    interp: it as *mut Interp,
                    values: Vec::new(),
                    pending: None,
                    depth: 1,
                });
                true
            }
        }
    });
    let (string_source, templates) = (request.source.clone(), request.templates.clone());
    let result = render_in_bridge(request);
    let pending = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let bridge = b.as_mut()?;
        bridge.depth -= 1;
        let pending = bridge.pending.take();
        if outer {
            *b = None;
        }
        pending
    });
    if let Some(exc) = pending {
        return Err(exc);
    }
    match result {
        Ok(text) => Ok(markup_or_str(it, text)),
        Err(error) => {
            let source = match error.name() {
                Some(STRING_TEMPLATE) | None => string_source,
                Some(name) => templates.get(name).cloned(),
            };
            let exc = jinja_error(it, &error, source.as_deref());
            Err(with_template_frame(exc, &error, source))
        }
    }
}

/// Adds the template's own frame at the bottom of the exception's traceback, as Jinja2 does
/// (it rewrites the traceback so the template line shows, `in template` for a syntax error,
/// `in top-level template code` at render time): the server log shows the line and the page
/// marks it in the template's tab. The file is named by the app's template folder
/// (`templates/<name>`), as `app.py` is named by its path in the project.
///
/// Differences written down: Jinja2 names a frame inside a block `in block 'name'` (MiniJinja
/// does not say which block), and shows the file's absolute path.
fn with_template_frame(exc: Box<Exc>, error: &Error, source: Option<String>) -> Box<Exc> {
    let (Some(line), Some(source)) = (error.line(), source) else {
        return exc;
    };
    if matches!(
        error.kind(),
        ErrorKind::TemplateNotFound | ErrorKind::OutOfFuel
    ) {
        return exc;
    }
    let filename = match error.name() {
        Some(STRING_TEMPLATE) | None => STRING_TEMPLATE.to_string(),
        Some(name) => format!("templates/{name}"),
    };
    let func = match error.kind() {
        ErrorKind::SyntaxError | ErrorKind::BadEscape | ErrorKind::InvalidDelimiter => "template",
        _ => "top-level template code",
    };
    exc.with_foreign_frame(&filename, func, source, line)
}

fn markup_or_str(_it: &mut Interp, text: String) -> Value {
    // Flask's render functions return a plain `str`.
    Value::str(&text)
}

fn render_in_bridge(request: RenderRequest) -> Result<String, Error> {
    let mut env = Environment::new();
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_undefined_behavior(UndefinedBehavior::Lenient);
    env.set_auto_escape_callback(|name| {
        if autoescape_for(name) {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(format_value);
    env.add_filter("escape", |v: MjValue| escape_filter(&v));
    env.add_filter("e", |v: MjValue| escape_filter(&v));
    env.set_unknown_method_callback(|_state, value, method, args| {
        let this = with_interp(|it| to_py(it, value)).unwrap_or(Value::None);
        call_python_method(&this, method, args)
    });
    let templates = request.templates;
    env.set_loader(move |name| Ok(templates.get(name).cloned()));
    let (globals, filters, tests, context) = with_interp(|it| {
        let convert = |it: &mut Interp, pairs: Vec<(String, Value)>| {
            pairs
                .into_iter()
                .map(|(k, v)| (k, to_mj(it, v)))
                .collect::<Vec<_>>()
        };
        (
            convert(it, request.globals),
            convert(it, request.filters),
            convert(it, request.tests),
            convert(it, request.context),
        )
    })
    .unwrap_or_default();
    for (name, value) in globals {
        env.add_global(name, value);
    }
    for (name, function) in filters {
        env.add_filter(name, move |args: Rest<MjValue>, kwargs: Kwargs| {
            call_python(&function, &with_kwargs(args, kwargs)?)
        });
    }
    for (name, function) in tests {
        env.add_test(name, move |args: Rest<MjValue>, kwargs: Kwargs| {
            call_python(&function, &with_kwargs(args, kwargs)?).map(|v| v.is_true())
        });
    }
    let context = MjValue::from_object(Context(context.into_iter().collect()));
    match (request.name, request.source) {
        (_, Some(source)) => env.render_named_str(STRING_TEMPLATE, &source, context),
        (Some(name), None) => env.get_template(&name)?.render(context),
        (None, None) => Ok(String::new()),
    }
}

/// The name in MiniJinja's `filter x is unknown` / `x is unknown`.
fn unknown_name(detail: &str) -> &str {
    let name = detail.strip_suffix(" is unknown").unwrap_or(detail);
    name.rsplit(' ').next().unwrap_or(name)
}

/// Jinja2's exception for a MiniJinja error, from the `jinja2` prelude module.
fn jinja_error(it: &mut Interp, error: &Error, source: Option<&str>) -> Box<Exc> {
    let detail = error.detail().unwrap_or_default().to_string();
    let (class, args) = match error.kind() {
        ErrorKind::TemplateNotFound => {
            // An include's error carries the missing name in the error it wraps.
            let mut detail = detail.clone();
            let mut source = std::error::Error::source(error);
            while detail.is_empty()
                && let Some(inner) = source
            {
                if let Some(inner) = inner.downcast_ref::<Error>() {
                    detail = inner.detail().unwrap_or_default().to_string();
                }
                source = inner.source();
            }
            // "template \"x\" does not exist", or an include's "tried to include
            // non-existing template \"x\"".
            let name = detail
                .strip_prefix("template ")
                .and_then(|d| d.split(" does not exist").next())
                .or_else(|| detail.strip_prefix("tried to include non-existing template "))
                .map(|d| d.trim_matches(['"', '\'']).to_string())
                .unwrap_or_else(|| error.name().unwrap_or_default().to_string());
            ("TemplateNotFound", vec![Value::str(&name)])
        }
        ErrorKind::SyntaxError | ErrorKind::BadEscape | ErrorKind::InvalidDelimiter => {
            let detail = source
                .and_then(|source| {
                    crate::flask::template_syntax::jinja2_message(&detail, source, error.line())
                })
                .unwrap_or(detail);
            let line = error.line().map_or(Value::None, |l| Value::Int(l as i64));
            let name = error.name().unwrap_or(STRING_TEMPLATE).to_string();
            let name_value = if name == STRING_TEMPLATE {
                Value::None
            } else {
                Value::str(&name)
            };
            (
                "TemplateSyntaxError",
                vec![Value::str(&detail), line, name_value.clone(), name_value],
            )
        }
        ErrorKind::UndefinedError => ("UndefinedError", vec![Value::str(&detail)]),
        ErrorKind::UnknownFilter => (
            "TemplateAssertionError",
            vec![Value::str(&format!(
                "No filter named '{}'.",
                unknown_name(&detail)
            ))],
        ),
        ErrorKind::UnknownTest => (
            "TemplateAssertionError",
            vec![Value::str(&format!(
                "No test named '{}'.",
                unknown_name(&detail)
            ))],
        ),
        ErrorKind::UnknownFunction => (
            "UndefinedError",
            vec![Value::str(&format!(
                "'{}' is undefined",
                unknown_name(&detail)
            ))],
        ),
        ErrorKind::OutOfFuel => {
            let name = error.name().unwrap_or(STRING_TEMPLATE);
            return it.err(
                "StepLimitExceeded",
                format!(
                    "stopped after {} template steps: is there an endless loop in {name}?",
                    crate::text::number::thousands(TEMPLATE_FUEL)
                ),
            );
        }
        _ => {
            let text = match error.line() {
                Some(line) => format!(
                    "{} (in {}, line {line})",
                    if detail.is_empty() {
                        error.kind().to_string()
                    } else {
                        detail.clone()
                    },
                    error.name().unwrap_or(STRING_TEMPLATE)
                ),
                None => error.to_string(),
            };
            return it.err("TypeError", text);
        }
    };
    let jinja2 = it.modules.get("jinja2").cloned();
    let class = jinja2.and_then(|m| it.get_attr(&m, class).ok());
    match class {
        Some(class) => match it.call(&class, Args::positional(args)) {
            Ok(exc) => it.raise_value(exc),
            Err(exc) => exc,
        },
        None => it.err("RuntimeError", error.to_string()),
    }
}

/// The native `_render_template(name, source, context, globals, filters, tests, templates)`.
pub fn render_builtin() -> Value {
    crate::python::builtin("_render_template", |it, args| {
        let arg = |i: usize| args.pos.get(i).cloned().unwrap_or(Value::None);
        let text = |it: &mut Interp, v: Value| -> PyResult<Option<String>> {
            match v {
                Value::None => Ok(None),
                other => it.to_str(&other).map(Some),
            }
        };
        let pairs = |it: &mut Interp, v: Value| -> PyResult<Vec<(String, Value)>> {
            let Value::Dict(d) = &v else {
                return Ok(Vec::new());
            };
            let entries: Vec<(Value, Value)> = d.borrow().iter().collect();
            entries
                .into_iter()
                .map(|(k, v)| Ok((it.to_str(&k)?, v)))
                .collect()
        };
        let name = text(it, arg(0))?;
        let source = text(it, arg(1))?;
        let context = pairs(it, arg(2))?;
        let globals = pairs(it, arg(3))?;
        let filters = pairs(it, arg(4))?;
        let tests = pairs(it, arg(5))?;
        let mut templates = BTreeMap::new();
        for (k, v) in pairs(it, arg(6))? {
            templates.insert(k, it.to_str(&v)?);
        }
        render(
            it,
            RenderRequest {
                name,
                source,
                templates: Arc::new(templates),
                context,
                globals,
                filters,
                tests,
            },
        )
    })
}

/// The native `_project_templates(folder)`: every project file under `folder/`, by its path
/// inside the folder (what Jinja2's `FileSystemLoader(folder)` finds).
pub fn project_templates_builtin(shared: std::rc::Rc<crate::flask::context::Shared>) -> Value {
    crate::python::builtin("_project_templates", move |it, args| {
        let folder = match args.pos.first() {
            Some(v) => it.to_str(v)?,
            None => "templates".to_string(),
        };
        let folder = folder
            .strip_prefix(crate::flask::project::APP_ROOT)
            .unwrap_or(&folder)
            .trim_end_matches('/')
            .to_string();
        let prefix = format!("{folder}/");
        let mut dict = Dict::new();
        for (path, text) in shared.files.borrow().iter() {
            if let Some(rest) = path.strip_prefix(&prefix) {
                let _ = dict.insert(Value::str(rest), Value::str(text));
            }
        }
        Ok(Value::Dict(std::rc::Rc::new(RefCell::new(dict))))
    })
}

#[cfg(test)]
mod tests {
    use crate::flask::FlaskServer;
    use crate::http::Request;

    fn get(server: &mut FlaskServer, path: &str) -> (u16, String) {
        let request = Request {
            method: "GET".into(),
            scheme: "http".into(),
            host: "localhost".into(),
            path: path.into(),
            query: String::new(),
            headers: vec![],
            body: vec![],
        };
        let response = server.respond(&request, 1_767_225_600);
        (
            response.status,
            String::from_utf8_lossy(&response.body).into_owned(),
        )
    }

    #[test]
    fn an_endless_template_loop_ends_on_fuel_and_the_server_keeps_answering() {
        let app = "from flask import Flask, render_template_string\napp = Flask(__name__)\n\n@app.route('/loop')\ndef endless():\n    return render_template_string('{% for i in range(99999) %}{% for j in range(99999) %}{{ j }}{% endfor %}{% endfor %}')\n\n@app.route('/ok')\ndef ok():\n    return render_template_string('{{ 6 * 7 }}')\n";
        let mut server = FlaskServer::load(app, 1_767_225_600).unwrap();
        let (status, _) = get(&mut server, "/loop");
        assert_eq!(status, 500);
        let error = server.last_error.clone().unwrap();
        assert_eq!(error.type_name, "StepLimitExceeded");
        assert!(
            error.message.contains("template steps"),
            "{}",
            error.message
        );
        assert_eq!(get(&mut server, "/ok"), (200, "42".to_string()));
    }

    #[test]
    fn a_python_error_inside_a_template_is_raised_as_itself() {
        let app = "from flask import Flask, render_template_string\napp = Flask(__name__)\n\n@app.template_filter('inv')\ndef inv(x):\n    return 1 / x\n\n@app.route('/')\ndef index():\n    return render_template_string('{{ 0|inv }}')\n";
        let mut server = FlaskServer::load(app, 1_767_225_600).unwrap();
        assert_eq!(get(&mut server, "/").0, 500);
        let error = server.last_error.clone().unwrap();
        assert_eq!(
            (error.type_name.as_str(), error.message.as_str()),
            ("ZeroDivisionError", "division by zero")
        );
    }
}
