//! Flask's `SecureCookieSession` (and `NullSession`) as a native object: a dict that records
//! `modified` exactly where Flask's `CallbackDict` does (FLASK-FACTS §3), with `permanent`
//! stored as the real `_permanent` key.
//!
//! `accessed` is not kept here: Flask 3.1.3 sets it whenever the `session` proxy is used, so the
//! proxy reports it to the request context (see `natives`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::python::{Dict, Interp, NativeObject, PyResult, Value, builtin};

/// The RuntimeError text of a write to the session without a secret key.
pub const NO_SECRET_KEY: &str = "The session is unavailable because no secret key was set.  Set the secret_key on the application to something unique and secret.";

/// One request's session.
pub struct Session {
    /// The data.
    pub data: RefCell<Dict>,
    /// Flask's `modified` flag.
    pub modified: Cell<bool>,
    /// A `NullSession` (no secret key): reads work, writes raise.
    pub null: bool,
    /// Attributes the app set on the session object (`session.username = ...`): a real
    /// `SecureCookieSession` has a `__dict__`, so they are accepted — and never saved.
    attrs: RefCell<Vec<(String, Value)>>,
    me: std::rc::Weak<Session>,
}

impl Session {
    /// A session holding `data` (empty for a new visitor).
    pub fn create(data: Dict, null: bool) -> Rc<Session> {
        Rc::new_cyclic(|me| Session {
            data: RefCell::new(data),
            modified: Cell::new(false),
            null,
            attrs: RefCell::new(Vec::new()),
            me: me.clone(),
        })
    }

    /// `session.permanent`: the `_permanent` key, false when missing.
    pub fn permanent(&self) -> bool {
        matches!(
            self.data.borrow().get_str("_permanent"),
            Some(Value::Bool(true))
        ) || matches!(self.data.borrow().get_str("_permanent"), Some(Value::Int(i)) if i != 0)
    }

    /// NullSession refuses every write before doing anything.
    fn check_writable(&self, interp: &Interp) -> PyResult<()> {
        if self.null {
            return Err(interp.err("RuntimeError", NO_SECRET_KEY));
        }
        Ok(())
    }

    fn write(&self, interp: &Interp) -> PyResult<()> {
        if self.null {
            return Err(interp.err("RuntimeError", NO_SECRET_KEY));
        }
        self.modified.set(true);
        Ok(())
    }
}

/// Tells an attached observer (the step-through) that the running line touched the session:
/// `kind` is `read`, `test`, `write` or `delete`, and `form` how the code wrote it, with `{}`
/// where the key's repr goes (`session[{}]`).
fn report(interp: &mut Interp, kind: &str, form: &str, key: Option<&Value>) {
    if !interp.observing() {
        return;
    }
    let key = key
        .map(|key| interp.repr(key).unwrap_or_else(|_| "?".into()))
        .unwrap_or_default();
    interp.report_access(&format!("{kind} {}", form.replace("{}", &key)));
}

fn unhashable(interp: &Interp, key: &Value) -> Box<crate::python::Exc> {
    interp.type_error(format!("unhashable type: '{}'", key.type_name()))
}

impl NativeObject for Session {
    fn type_name(&self) -> String {
        if self.null {
            "NullSession".into()
        } else {
            "SecureCookieSession".into()
        }
    }

    fn get_attr(&self, interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let _ = interp;
        let Some(me) = self.me.upgrade() else {
            return Ok(None);
        };
        if let Some((_, value)) = self.attrs.borrow().iter().find(|(key, _)| key == name) {
            return Ok(Some(value.clone()));
        }
        // Methods receive the session itself as the first positional argument (bound below).
        let method: Option<Value> = match name {
            "modified" => return Ok(Some(Value::Bool(self.modified.get()))),
            "permanent" => return Ok(Some(Value::Bool(self.permanent()))),
            "new" => return Ok(Some(Value::Bool(false))),
            "accessed" => return Ok(Some(Value::Bool(true))),
            "get" => Some({
                let me = me.clone();
                builtin("get", move |it, args| {
                    let key = args.pos.first().cloned().unwrap_or(Value::None);
                    let default = args.pos.get(1).cloned().unwrap_or(Value::None);
                    report(it, "read", "session.get({})", Some(&key));
                    let found = me.data.borrow().get(&key);
                    match found {
                        Ok(v) => Ok(v.unwrap_or(default)),
                        Err(_) => Err(unhashable(it, &key)),
                    }
                })
            }),
            "keys" | "values" | "items" => {
                let kind = name.to_string();
                Some({
                    let me = me.clone();
                    builtin(name, move |_it, _args| {
                        let entries: Vec<(Value, Value)> = me.data.borrow().iter().collect();
                        Ok(Value::list(
                            entries
                                .into_iter()
                                .map(|(k, v)| match kind.as_str() {
                                    "keys" => k,
                                    "values" => v,
                                    _ => Value::tuple(vec![k, v]),
                                })
                                .collect(),
                        ))
                    })
                })
            }
            "copy" => Some({
                let me = me.clone();
                builtin("copy", move |_it, _args| {
                    let d = me.data.borrow().clone();
                    Ok(Value::dict(d))
                })
            }),
            "pop" => Some({
                let me = me.clone();
                builtin("pop", move |it, args| {
                    let key = args.pos.first().cloned().unwrap_or(Value::None);
                    let default = args.pos.get(1).cloned();
                    report(it, "delete", "session.pop({})", Some(&key));
                    let s = &*me;
                    if s.null {
                        return Err(it.err("RuntimeError", NO_SECRET_KEY));
                    }
                    let removed = s
                        .data
                        .borrow_mut()
                        .remove(&key)
                        .map_err(|_| unhashable(it, &key))?;
                    match removed {
                        // CallbackDict.pop: on_update only when the key existed.
                        Some(v) => {
                            s.modified.set(true);
                            Ok(v)
                        }
                        None => match default {
                            Some(d) => Ok(d),
                            None => Err(it.key_error(key)),
                        },
                    }
                })
            }),
            "popitem" => Some({
                let me = me.clone();
                builtin("popitem", move |it, _args| {
                    report(it, "delete", "session.popitem()", None);
                    let s = &*me;
                    s.check_writable(it)?;
                    let last = s.data.borrow_mut().pop_last();
                    match last {
                        Some((k, v)) => {
                            s.modified.set(true);
                            Ok(Value::tuple(vec![k, v]))
                        }
                        None => Err(it.err("KeyError", "popitem(): dictionary is empty")),
                    }
                })
            }),
            "setdefault" => Some({
                let me = me.clone();
                builtin("setdefault", move |it, args| {
                    let key = args.pos.first().cloned().unwrap_or(Value::None);
                    let default = args.pos.get(1).cloned().unwrap_or(Value::None);
                    let s = &*me;
                    let kind = if s.data.borrow().get(&key).ok().flatten().is_some() {
                        "read"
                    } else {
                        "write"
                    };
                    report(it, kind, "session.setdefault({})", Some(&key));
                    if s.null {
                        return Err(it.err("RuntimeError", NO_SECRET_KEY));
                    }
                    let existing = s
                        .data
                        .borrow()
                        .get(&key)
                        .map_err(|_| unhashable(it, &key))?;
                    match existing {
                        Some(v) => Ok(v),
                        None => {
                            s.modified.set(true);
                            s.data
                                .borrow_mut()
                                .insert(key.clone(), default.clone())
                                .map_err(|_| unhashable(it, &key))?;
                            Ok(default)
                        }
                    }
                })
            }),
            "clear" => Some({
                let me = me.clone();
                builtin("clear", move |it, _args| {
                    report(it, "delete", "session.clear()", None);
                    let s = &*me;
                    s.write(it)?;
                    s.data.borrow_mut().clear();
                    Ok(Value::None)
                })
            }),
            "update" => Some({
                let me = me.clone();
                builtin("update", move |it, mut args| {
                    report(it, "write", "session.update(…)", None);
                    let s = &*me;
                    s.check_writable(it)?;
                    let mut pairs: Vec<(Value, Value)> = Vec::new();
                    if let Some(other) = args.pos.first().cloned() {
                        if matches!(other, Value::Dict(_))
                            || it.get_attr_opt(&other, "keys")?.is_some()
                        {
                            pairs.extend(it.mapping_items(&other)?);
                        } else {
                            for item in it.collect(&other)? {
                                let kv = it.collect(&item)?;
                                if kv.len() != 2 {
                                    return Err(it.value_error(format!(
                                    "dictionary update sequence element #0 has length {}; 2 is required",
                                    kv.len()
                                )));
                                }
                                pairs.push((kv[0].clone(), kv[1].clone()));
                            }
                        }
                    }
                    for (k, v) in std::mem::take(&mut args.kw) {
                        pairs.push((Value::str(&k), v));
                    }
                    for (k, v) in pairs {
                        s.data
                            .borrow_mut()
                            .insert(k.clone(), v)
                            .map_err(|_| unhashable(it, &k))?;
                    }
                    s.modified.set(true);
                    Ok(Value::None)
                })
            }),
            _ => None,
        };
        Ok(method)
    }

    fn set_attr(&self, interp: &mut Interp, name: &str, value: Value) -> PyResult<bool> {
        match name {
            "modified" => {
                let flag = interp.truthy(&value)?;
                self.modified.set(flag);
                Ok(true)
            }
            "permanent" => {
                // SessionMixin.permanent setter: self["_permanent"] = bool(value)
                let flag = interp.truthy(&value)?;
                report(interp, "write", "session.permanent", None);
                self.write(interp)?;
                self.data
                    .borrow_mut()
                    .set_str("_permanent", Value::Bool(flag));
                Ok(true)
            }
            "accessed" => Ok(true),
            _ => {
                let mut attrs = self.attrs.borrow_mut();
                match attrs.iter_mut().find(|(key, _)| key == name) {
                    Some(slot) => slot.1 = value,
                    None => attrs.push((name.to_string(), value)),
                }
                Ok(true)
            }
        }
    }

    fn teardown(&self, t: &mut crate::python::Teardown) {
        let attrs = std::mem::take(&mut *self.attrs.borrow_mut());
        attrs.iter().for_each(|(_, value)| t.value(value));
    }

    fn get_item(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<Value>> {
        report(interp, "read", "session[{}]", Some(key));
        let found = self
            .data
            .borrow()
            .get(key)
            .map_err(|_| unhashable(interp, key))?;
        match found {
            Some(v) => Ok(Some(v)),
            None => Err(interp.key_error(key.clone())),
        }
    }

    fn set_item(&self, interp: &mut Interp, key: Value, value: Value) -> PyResult<bool> {
        report(interp, "write", "session[{}]", Some(&key));
        self.write(interp)?;
        self.data
            .borrow_mut()
            .insert(key.clone(), value)
            .map_err(|_| unhashable(interp, &key))?;
        Ok(true)
    }

    fn del_item(&self, interp: &mut Interp, key: &Value) -> PyResult<bool> {
        // CallbackDict: the dict operation first, `on_update` only when it succeeded.
        report(interp, "delete", "session[{}]", Some(key));
        self.check_writable(interp)?;
        let removed = self
            .data
            .borrow_mut()
            .remove(key)
            .map_err(|_| unhashable(interp, key))?;
        match removed {
            Some(_) => {
                self.modified.set(true);
                Ok(true)
            }
            None => Err(interp.key_error(key.clone())),
        }
    }

    fn contains(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<bool>> {
        report(interp, "test", "{} in session", Some(key));
        let found = self
            .data
            .borrow()
            .get(key)
            .map_err(|_| unhashable(interp, key))?;
        Ok(Some(found.is_some()))
    }

    fn iterate(&self, _interp: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.data.borrow().keys()))
    }

    fn len(&self, _interp: &mut Interp) -> PyResult<Option<usize>> {
        Ok(Some(self.data.borrow().len()))
    }

    fn truthy(&self, _interp: &mut Interp) -> PyResult<Option<bool>> {
        Ok(Some(!self.data.borrow().is_empty()))
    }

    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let d = Value::dict(self.data.borrow().clone());
        let inner = interp.repr(&d)?;
        Ok(format!("<{} {inner}>", self.type_name()))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
