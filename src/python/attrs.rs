//! Attribute access (`obj.name`), method binding and subscripts (`obj[key]`, slices).

use std::cell::RefCell;
use std::rc::Rc;

use num_traits::{Signed, ToPrimitive};

use super::dict::Dict;
use super::interp::{Interp, PyResult};
use super::value::*;

/// `object.__setattr__`, `object.__delattr__`, ...: the defaults a class reaches explicitly
/// (`object.__setattr__(self, name, value)` inside a frozen class, `super().__delattr__(name)`).
/// They are kept under another name so that ordinary lookups do not find them and take the
/// fast paths (see `methods::install_constructors`).
fn object_default(class: &Rc<Class>, name: &str) -> Option<Value> {
    if !(class.module == "builtins" && class.name == "object" && name.starts_with("__")) {
        return None;
    }
    class.dict.borrow().get_str(&format!("_object{name}"))
}

/// Whether `__slots__` lets an instance of `class` have attribute `name`: when every class of
/// its MRO (but the built-in ones) declares `__slots__`, instances have no `__dict__` and only
/// the declared names can be set.
fn slots_allow(class: &Rc<Class>, name: &str) -> bool {
    let mro = class.mro.borrow();
    // A built-in class (an exception, `object`) has a `__dict__`: no slots to enforce.
    let mut allowed = mro.iter().all(|c| c.module == "builtins");
    for c in mro.iter().filter(|c| c.module != "builtins") {
        let Some(slots) = c.dict.borrow().get_str("__slots__") else {
            return true;
        };
        allowed |= match &slots {
            Value::Str(s) => &**s == name || &**s == "__dict__",
            Value::Tuple(items) => items
                .iter()
                .any(|s| matches!(s, Value::Str(s) if &**s == name || &**s == "__dict__")),
            Value::List(items) => items
                .borrow()
                .iter()
                .any(|s| matches!(s, Value::Str(s) if &**s == name || &**s == "__dict__")),
            _ => true,
        };
    }
    allowed
}

/// Installs `object.__delattr__` (beside the other defaults `methods` installs).
pub(crate) fn install(interp: &mut Interp) {
    let delattr = super::builtins::builtin("__delattr__", |it, args| {
        super::builtins::exact_args(it, "__delattr__", &args, 2)?;
        if let (Value::Instance(i), Value::Str(n)) = (&args.pos[0], &args.pos[1])
            && i.attrs.borrow_mut().remove_str(n).is_none()
        {
            return Err(it.attr_error(&args.pos[0], n));
        }
        Ok(Value::None)
    });
    interp
        .types
        .object
        .dict
        .borrow_mut()
        .set_str("_object__delattr__", delattr);
}

impl Interp {
    /// The class of a value (`type(v)`).
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let fast = match v {
            Value::Bool(_) => Some(0),
            Value::Int(_) | Value::Long(_) => Some(1),
            Value::Float(_) => Some(2),
            Value::Str(_) => Some(3),
            Value::Bytes(_) => Some(4),
            Value::List(_) => Some(5),
            Value::Tuple(_) => Some(6),
            Value::Dict(_) => Some(7),
            Value::Set(_) => Some(8),
            Value::FrozenSet(_) => Some(9),
            Value::Range(_) => Some(10),
            Value::None => Some(11),
            _ => None,
        };
        if let Some(c) = fast.and_then(|i| self.types.fast.get(i)) {
            return c.clone();
        }
        let name = match v {
            Value::Instance(i) => return i.class.clone(),
            Value::Class(c) => match &*c.meta.borrow() {
                Some(meta) => return meta.clone(),
                None => "type",
            },
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::Long(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Range(_) => "range",
            Value::None => "NoneType",
            Value::Function(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(_) => "method",
            Value::Module(_) => "module",
            Value::Property(_) => "property",
            Value::StaticMethod(_) => "staticmethod",
            Value::ClassMethod(_) => "classmethod",
            Value::Slice(_) => "slice",
            Value::Iter(_) => "iterator",
            Value::Super(_) => "super",
            Value::Native(n) => return self.native_class(&n.type_name()),
            Value::NotImplemented => "NotImplementedType",
            Value::Ellipsis => "ellipsis",
        };
        self.ty(name)
    }

    /// A method a class's metaclass defines in Python (`__call__`, `__iter__`, `__len__`,
    /// `__getitem__`, `__contains__`, `__repr__`, `__init__`), bound to the class. With the
    /// class statement's call of a metaclass's `__new__` (`eval`), this is the playground's
    /// metaclass support: what `enum` and `typing` need, and what a learner's own metaclass
    /// would most likely define.
    pub(crate) fn meta_method(&self, cls: &Rc<Class>, name: &str) -> Option<Value> {
        let meta = cls.meta.borrow().clone()?;
        let found = meta_own(&meta, name)?;
        Some(self.bind(found, Value::Class(cls.clone())))
    }

    /// Bind a class attribute found for `obj` (functions become methods).
    pub fn bind(&self, attr: Value, obj: Value) -> Value {
        match &attr {
            Value::Function(_) | Value::Builtin(_) => Value::Method(Rc::new((obj, attr))),
            Value::ClassMethod(f) => {
                let cls = match &obj {
                    Value::Class(_) => obj.clone(),
                    other => Value::Class(self.class_of(other)),
                };
                Value::Method(Rc::new((cls, (**f).clone())))
            }
            Value::StaticMethod(f) => (**f).clone(),
            _ => attr,
        }
    }

    /// `obj.name`, raising AttributeError with CPython's message.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attr_error(obj, name)),
        }
    }

    /// The names `dir(obj)` lists (and attribute suggestions choose from): a module's globals,
    /// an instance's attributes and its classes' along the MRO, a class's along its MRO, or the
    /// type's for other values; sorted, each once.
    pub(crate) fn attribute_names(&self, obj: &Value) -> Vec<String> {
        let mut names: Vec<String> = match obj {
            Value::Module(m) => m
                .env
                .borrow()
                .keys()
                .iter()
                .filter_map(|k| k.as_str_opt())
                .collect(),
            Value::Instance(i) => {
                let mut v: Vec<String> = i
                    .attrs
                    .borrow()
                    .keys()
                    .iter()
                    .filter_map(|k| k.as_str_opt())
                    .collect();
                for c in i.class.mro.borrow().iter() {
                    v.extend(c.dict.borrow().keys().iter().filter_map(|k| k.as_str_opt()));
                }
                v
            }
            Value::Class(c) => c
                .mro
                .borrow()
                .iter()
                .flat_map(|c| c.dict.borrow().keys())
                .filter_map(|k| k.as_str_opt())
                .collect(),
            other => self
                .class_of(other)
                .dict
                .borrow()
                .keys()
                .iter()
                .filter_map(|k| k.as_str_opt())
                .collect(),
        };
        crate::text::order::sort(&mut names);
        names.dedup();
        names
    }

    /// The AttributeError CPython raises for a missing attribute (with the suggestion noted).
    pub fn attr_error(&mut self, obj: &Value, name: &str) -> Box<super::interp::Exc> {
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            _ => format!("'{}' object has no attribute '{name}'", obj.type_name()),
        };
        let e = self.err("AttributeError", msg);
        let candidates = self.attribute_names(obj);
        if let Some(s) = super::suggest::suggest(name, &candidates) {
            super::eval::set_suggestion(&e.value, s);
        }
        e
    }

    /// `obj.name`, or `None` when the attribute does not exist.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls_attr = inst.class.lookup(name);
                if let Some(Value::Property(p)) = &cls_attr {
                    if matches!(p.fget, Value::None) {
                        return Err(self.attr_error_unreadable(name));
                    }
                    return self
                        .call(&p.fget, Args::positional(vec![obj.clone()]))
                        .map(Some);
                }
                // A descriptor written in Python (its class defines `__get__`): one that also
                // sets or deletes comes before the instance's own attribute, one that only
                // gets after it, as `object.__getattribute__` orders them.
                if let Some(descriptor @ Value::Instance(d)) = &cls_attr
                    && let Some(get) = d.class.lookup("__get__")
                    && (d.class.lookup("__set__").is_some()
                        || d.class.lookup("__delete__").is_some()
                        || inst.attrs.borrow().get_str(name).is_none())
                {
                    let get = self.bind(get, descriptor.clone());
                    let owner = Value::Class(inst.class.clone());
                    return self
                        .call(&get, Args::positional(vec![obj.clone(), owner]))
                        .map(Some);
                }
                if let Some(v) = inst.attrs.borrow().get_str(name) {
                    return Ok(Some(v));
                }
                if let Some(a) = cls_attr {
                    return Ok(Some(self.bind(a, obj.clone())));
                }
                if let Some(a) = super::slots::slot_in_mro(&inst.class, name) {
                    return Ok(Some(self.bind(a, obj.clone())));
                }
                if let Some(st) = &inst.exc {
                    let st = st.borrow();
                    match name {
                        "args" => return Ok(Some(Value::tuple(st.args.clone()))),
                        "__cause__" => return Ok(Some(st.cause.clone().unwrap_or(Value::None))),
                        "__context__" => {
                            return Ok(Some(st.context.clone().unwrap_or(Value::None)));
                        }
                        "__suppress_context__" => {
                            return Ok(Some(Value::Bool(st.suppress_context)));
                        }
                        "__traceback__" => return Ok(Some(Value::None)),
                        "value" if inst.class.is_subclass(&self.ty("StopIteration")) => {
                            return Ok(Some(st.args.first().cloned().unwrap_or(Value::None)));
                        }
                        _ => {}
                    }
                }
                match name {
                    "__class__" => return Ok(Some(Value::Class(inst.class.clone()))),
                    "__dict__" => return Ok(Some(Value::Dict(inst.attrs.clone()))),
                    _ => {}
                }
                if let Some(ga) = inst.class.lookup("__getattr__") {
                    let f = self.bind(ga, obj.clone());
                    return match self.call(&f, Args::positional(vec![Value::str(name)])) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.exc_matches(&e.value, "AttributeError") => Err(e),
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Value::Class(c) => {
                if let Some(a) = c.lookup(name) {
                    // A descriptor read from the class: `__get__(None, cls)`.
                    if let Value::Instance(d) = &a
                        && let Some(get) = d.class.lookup("__get__")
                    {
                        let get = self.bind(get, a.clone());
                        return self
                            .call(&get, Args::positional(vec![Value::None, obj.clone()]))
                            .map(Some);
                    }
                    return Ok(Some(match &a {
                        Value::ClassMethod(f) => {
                            Value::Method(Rc::new((obj.clone(), (**f).clone())))
                        }
                        Value::StaticMethod(f) => (**f).clone(),
                        _ => a,
                    }));
                }
                if let Some(m) = self.meta_method(c, name) {
                    return Ok(Some(m));
                }
                if let Some(a) = super::slots::slot_in_mro(c, name) {
                    return Ok(Some(a));
                }
                if let Some(a) = object_default(c, name) {
                    return Ok(Some(a));
                }
                Ok(match name {
                    "__name__" => Some(Value::str(&c.name)),
                    "__qualname__" => Some(Value::str(&c.qualname)),
                    "__module__" => Some(Value::str(&c.module)),
                    "__base__" => Some(
                        c.bases
                            .first()
                            .map_or(Value::None, |b| Value::Class(b.clone())),
                    ),
                    "__bases__" => Some(Value::tuple(
                        c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                    )),
                    "__mro__" => Some(Value::tuple(
                        c.mro
                            .borrow()
                            .iter()
                            .map(|b| Value::Class(b.clone()))
                            .collect(),
                    )),
                    "__dict__" => Some(Value::dict(c.dict.borrow().clone())),
                    "__doc__" => Some(Value::None),
                    "__class__" => Some(Value::Class(self.class_of(obj))),
                    // A class defining `__eq__` without `__hash__` has `__hash__ = None`.
                    "__hash__"
                        if matches!(
                            super::dict::class_hash_kind(c),
                            super::dict::HashKind::Unhashable
                        ) =>
                    {
                        Some(Value::None)
                    }
                    _ => None,
                })
            }
            Value::Module(m) => Ok(m.env.get(name).or_else(|| match name {
                "__name__" => Some(Value::str(&m.name)),
                "__dict__" => Some(Value::Dict(m.env.clone())),
                _ => None,
            })),
            Value::Function(f) => {
                if let Some(v) = f.attrs.borrow().get_str(name) {
                    return Ok(Some(v));
                }
                Ok(match name {
                    "__name__" => Some(Value::str(&f.name)),
                    "__qualname__" => Some(Value::str(&f.qualname)),
                    "__module__" => f.globals.get("__name__"),
                    "__doc__" => Some(function_doc(f)),
                    "__dict__" => Some(Value::dict(f.attrs.borrow().clone())),
                    "__defaults__" => Some(if f.defaults.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(f.defaults.clone())
                    }),
                    "__kwdefaults__" => Some(if f.kw_defaults.is_empty() {
                        Value::None
                    } else {
                        let mut d = Dict::new();
                        for (k, v) in &f.kw_defaults {
                            d.set_str(k, v.clone());
                        }
                        Value::dict(d)
                    }),
                    "__class__" => Some(Value::Class(self.ty("function"))),
                    "__wrapped__" => None,
                    _ => None,
                })
            }
            Value::Builtin(b) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(&b.name)),
                "__doc__" => Some(Value::None),
                "__self__" => b.receiver.clone(),
                _ => None,
            }),
            Value::Method(m) => Ok(match name {
                "__self__" => Some(m.0.clone()),
                "__func__" => Some(m.1.clone()),
                _ => return self.get_attr_opt(&m.1.clone(), name),
            }),
            Value::Super(s) => {
                let (start, target) = (&s.0, &s.1);
                // In a metaclass's method, `super()` looks along the metaclass's MRO (the class
                // is its instance); in a classmethod, along the class's own.
                let metaclass = match target {
                    Value::Class(c) if !c.mro.borrow().iter().any(|k| Rc::ptr_eq(k, start)) => {
                        c.meta.borrow().clone()
                    }
                    _ => None,
                };
                let cls = match (target, &metaclass) {
                    (_, Some(meta)) => meta.clone(),
                    (Value::Class(c), None) => c.clone(),
                    (other, None) => self.class_of(other),
                };
                let mro = cls.mro.borrow().clone();
                let pos = mro
                    .iter()
                    .position(|c| Rc::ptr_eq(c, start))
                    .map(|p| p + 1)
                    .unwrap_or(mro.len());
                for c in &mro[pos..] {
                    if let Some(a) = c.dict.borrow().get_str(name) {
                        if let Value::Property(p) = &a {
                            return self
                                .call(&p.fget, Args::positional(vec![target.clone()]))
                                .map(Some);
                        }
                        if let (Value::Class(_), None) = (target, &metaclass) {
                            return Ok(Some(match &a {
                                Value::ClassMethod(f) => {
                                    Value::Method(Rc::new((target.clone(), (**f).clone())))
                                }
                                Value::StaticMethod(f) => (**f).clone(),
                                _ => a.clone(),
                            }));
                        }
                        return Ok(Some(self.bind(a, target.clone())));
                    }
                    if let Some(a) = super::slots::builtin_slot(c, name) {
                        return Ok(Some(match (target, &metaclass) {
                            (Value::Class(_), None) => a,
                            _ => self.bind(a, target.clone()),
                        }));
                    }
                }
                // `type.__call__` past the last metaclass that defines one: the instance is made
                // as if no metaclass intervened.
                if let (Some(_), Value::Class(class), "__call__") = (&metaclass, target, name) {
                    // The class is listed as held, for the teardown (see `teardown`).
                    let held = vec![target.clone()];
                    let class = class.clone();
                    return Ok(Some(super::builtins::builtin_holding(
                        "__call__",
                        held,
                        move |it, args| it.instantiate(&class, args),
                    )));
                }
                if let Some(object) = mro[pos..].last()
                    && let Some(a) = object_default(object, name)
                {
                    return Ok(Some(self.bind(a, target.clone())));
                }
                Ok(None)
            }
            Value::Property(p) => Ok(match name {
                "fget" => Some(p.fget.clone()),
                "fset" => Some(p.fset.clone()),
                "setter" | "getter" | "deleter" => {
                    let cls = self.ty("property");
                    let m = cls.dict.borrow().get_str(name);
                    m.map(|m| self.bind(m, obj.clone()))
                }
                _ => None,
            }),
            Value::Native(n) => {
                let n = n.clone();
                if let Some(m) = super::generator::generator_method(self, obj, name) {
                    return Ok(Some(m));
                }
                match n.get_attr(self, name)? {
                    None if name == "__class__" => {
                        Ok(Some(Value::Class(self.native_class(&n.type_name()))))
                    }
                    found => Ok(found),
                }
            }
            Value::StaticMethod(f) | Value::ClassMethod(f) => Ok(match name {
                "__func__" => Some((**f).clone()),
                _ => None,
            }),
            _ => {
                let cls = self.class_of(obj);
                if let Some(a) = cls.lookup(name) {
                    return Ok(Some(self.bind(a, obj.clone())));
                }
                if let Some(a) = super::slots::slot_in_mro(&cls, name) {
                    return Ok(Some(self.bind(a, obj.clone())));
                }
                if name == "__class__" {
                    return Ok(Some(Value::Class(cls)));
                }
                if let (Value::Range(r), true) = (obj, matches!(name, "start" | "stop" | "step")) {
                    return Ok(Some(Value::Int(match name {
                        "start" => r.start,
                        "stop" => r.stop,
                        _ => r.step,
                    })));
                }
                if let Value::Slice(s) = obj {
                    return Ok(match name {
                        "start" => Some(s[0].clone()),
                        "stop" => Some(s[1].clone()),
                        "step" => Some(s[2].clone()),
                        _ => None,
                    });
                }
                Ok(None)
            }
        }
    }

    fn attr_error_unreadable(&self, name: &str) -> Box<super::interp::Exc> {
        self.err("AttributeError", format!("property '{name}' has no getter"))
    }

    /// `obj.name = value`.
    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls_attr = inst.class.lookup(name);
                if let Some(descriptor @ Value::Instance(d)) = &cls_attr {
                    if let Some(set) = d.class.lookup("__set__") {
                        let set = self.bind(set, descriptor.clone());
                        self.call(&set, Args::positional(vec![obj.clone(), value]))?;
                        return Ok(());
                    }
                    // Deleting but not setting still makes it a data descriptor.
                    if d.class.lookup("__delete__").is_some() {
                        return Err(self.err("AttributeError", "__set__".to_string()));
                    }
                }
                if let Some(Value::Property(p)) = &cls_attr {
                    if matches!(p.fset, Value::None) {
                        return Err(self.err(
                            "AttributeError",
                            format!(
                                "property '{name}' of '{}' object has no setter",
                                inst.class.name
                            ),
                        ));
                    }
                    self.call(&p.fset, Args::positional(vec![obj.clone(), value]))?;
                    return Ok(());
                }
                if let Some(sa) = inst.class.lookup("__setattr__") {
                    let f = self.bind(sa, obj.clone());
                    self.call(&f, Args::positional(vec![Value::str(name), value]))?;
                    return Ok(());
                }
                if !slots_allow(&inst.class, name) {
                    return Err(self.attr_error(obj, name));
                }
                inst.attrs.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Class(c) => {
                // A metaclass written in Python may guard its classes (enum's members).
                if let Some(f) = meta_hook(c, "__setattr__") {
                    let args = vec![obj.clone(), Value::str(name), value];
                    self.call(&f, Args::positional(args))?;
                    return Ok(());
                }
                self.set_class_attr(c, name, value)
            }
            Value::Module(m) => {
                m.env.set(name, value);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs.borrow_mut().set_str(name, value);
                Ok(())
            }
            Value::Native(n) => {
                let n = n.clone();
                if n.set_attr(self, name, value)? {
                    Ok(())
                } else {
                    Err(self.err(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", obj.type_name()),
                    ))
                }
            }
            _ => {
                let has = self.class_of(obj).lookup(name).is_some();
                if has {
                    Err(self.err(
                        "AttributeError",
                        format!(
                            "'{}' object attribute '{name}' is read-only",
                            obj.type_name()
                        ),
                    ))
                } else {
                    Err(self.err(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", obj.type_name()),
                    ))
                }
            }
        }
    }

    /// `del obj.name`.
    /// `type.__setattr__(cls, name, value)`: the plain store, without any metaclass hook.
    pub fn set_class_attr(&mut self, c: &Rc<Class>, name: &str, value: Value) -> PyResult<()> {
        if c.module == "builtins" {
            return Err(self.type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                c.name
            )));
        }
        c.dict.borrow_mut().set_str(name, value);
        Ok(())
    }

    /// `del obj.name`: the `__delattr__` a class or its metaclass defines, else the attribute
    /// is removed from the object.
    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Class(c) = obj
            && let Some(f) = meta_hook(c, "__delattr__")
        {
            self.call(&f, Args::positional(vec![obj.clone(), Value::str(name)]))?;
            return Ok(());
        }
        if let Value::Instance(inst) = obj
            && let Some(da @ Value::Function(_)) = inst.class.lookup("__delattr__")
        {
            let f = self.bind(da, obj.clone());
            self.call(&f, Args::positional(vec![Value::str(name)]))?;
            return Ok(());
        }
        if let Value::Instance(inst) = obj
            && let Some(descriptor @ Value::Instance(d)) = &inst.class.lookup(name)
        {
            if let Some(delete) = d.class.lookup("__delete__") {
                let delete = self.bind(delete, descriptor.clone());
                self.call(&delete, Args::positional(vec![obj.clone()]))?;
                return Ok(());
            }
            if d.class.lookup("__set__").is_some() {
                return Err(self.err("AttributeError", "__delete__".to_string()));
            }
        }
        let removed = match obj {
            Value::Instance(inst) => inst.attrs.borrow_mut().remove_str(name).is_some(),
            Value::Class(c) => c.dict.borrow_mut().remove_str(name).is_some(),
            Value::Module(m) => m.env.remove(name),
            Value::Function(f) => f.attrs.borrow_mut().remove_str(name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.attr_error(obj, name))
        }
    }

    // ----- subscripts -----

    fn index_of(&self, idx: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match idx {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::Long(b) => {
                if b.is_negative() {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            Value::Instance(i) if matches!(i.base, Some(Value::Int(_) | Value::Long(_))) => {
                return self.index_of(i.base.as_ref().unwrap_or(&Value::None), len, what);
            }
            other => {
                return Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    other.type_name()
                )));
            }
        };
        let len_i = len as i64;
        let j = if i < 0 { i.saturating_add(len_i) } else { i };
        if j < 0 || j >= len_i {
            return Err(self.err("IndexError", format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// Resolve a slice against a length: (start, stop, step) like `slice.indices`.
    pub fn slice_indices(&self, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let get = |v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                Value::Long(b) => Ok(Some(if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                _ => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = get(&s[2])?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let fix = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
            match v {
                None => default,
                Some(x) => {
                    let x = if x < 0 { x + len } else { x };
                    x.clamp(lo, hi)
                }
            }
        };
        let (start, stop) = if step > 0 {
            (fix(get(&s[0])?, 0, 0, len), fix(get(&s[1])?, len, 0, len))
        } else {
            (
                fix(get(&s[0])?, len - 1, -1, len - 1),
                fix(get(&s[1])?, -1, -1, len - 1),
            )
        };
        Ok((start, stop, step))
    }

    pub(crate) fn slice_positions(&self, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.borrow();
                    let pos = self.slice_positions(s, items.len())?;
                    return Ok(Value::list(
                        pos.into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let items = l.borrow();
                let i = self.index_of(key, items.len(), "list")?;
                Ok(items[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let pos = self.slice_positions(s, t.len())?;
                    return Ok(Value::tuple(
                        pos.into_iter().map(|i| t[i].clone()).collect(),
                    ));
                }
                let i = self.index_of(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(st) => {
                let chars: Vec<char> = st.chars().collect();
                if let Value::Slice(s) = key {
                    let pos = self.slice_positions(s, chars.len())?;
                    return Ok(Value::Str(Rc::from(
                        pos.into_iter().map(|i| chars[i]).collect::<String>(),
                    )));
                }
                let i = self.index_of(key, chars.len(), "string")?;
                Ok(Value::str(&chars[i].to_string()))
            }
            Value::Bytes(b) => {
                if let Value::Slice(s) = key {
                    let pos = self.slice_positions(s, b.len())?;
                    return Ok(Value::Bytes(Rc::from(
                        pos.into_iter().map(|i| b[i]).collect::<Vec<u8>>(),
                    )));
                }
                let i = self.index_of(key, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            Value::Range(r) => {
                if let Value::Slice(s) = key {
                    let len = r.len() as usize;
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    return Ok(Value::Range(Rc::new(RangeObj {
                        start: r.start + start * r.step,
                        stop: r.start + stop * r.step,
                        step: r.step * step,
                    })));
                }
                let i = self.index_of(key, r.len() as usize, "range object")?;
                Ok(Value::Int(r.start + i as i64 * r.step))
            }
            Value::Dict(d) => match self.dict_lookup(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Instance(i) => {
                // A built-in type's `__getitem__` is reached through the base value below.
                if let Some(m) = i
                    .class
                    .lookup("__getitem__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
                {
                    return self.call(
                        &self.bind(m, obj.clone()),
                        Args::positional(vec![key.clone()]),
                    );
                }
                if let Some(b) = i.base.clone() {
                    return match self.get_item(&b, key) {
                        Err(e)
                            if matches!(b, Value::Dict(_))
                                && self.exc_matches(&e.value, "KeyError") =>
                        {
                            match i.class.lookup("__missing__") {
                                Some(m) => self.call(
                                    &self.bind(m, obj.clone()),
                                    Args::positional(vec![key.clone()]),
                                ),
                                None => Err(e),
                            }
                        }
                        other => other,
                    };
                }
                Err(self.type_error(format!("'{}' object is not subscriptable", obj.type_name())))
            }
            Value::Native(n) => {
                match n.clone().get_item(self, key)? {
                    Some(v) => Ok(v),
                    None => Err(self
                        .type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
                }
            }
            Value::Class(c)
                if c.meta.borrow().is_some() && self.meta_method(c, "__getitem__").is_some() =>
            {
                let m = self.meta_method(c, "__getitem__").unwrap_or(Value::None);
                self.call(&m, Args::positional(vec![key.clone()]))
            }
            Value::Class(c)
                if matches!(
                    c.name.as_str(),
                    "list" | "dict" | "tuple" | "set" | "type" | "frozenset"
                ) =>
            {
                // `list[int]`: a `types.GenericAlias` (the stdlib's `types`, imported on first use).
                let types = self.import_module("types")?;
                let alias = self.get_attr(&types, "GenericAlias")?;
                self.call(&alias, Args::positional(vec![obj.clone(), key.clone()]))
            }
            Value::Class(c) => {
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name)))
            }
            _ => Err(self.type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
        }
    }

    /// A KeyError for a key (its str is the key's repr).
    pub fn key_error(&self, key: Value) -> Box<super::interp::Exc> {
        self.raise_value(self.new_exception(self.ty("KeyError"), vec![key]))
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let new = self.collect(&value)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        l.borrow_mut().splice(start as usize..stop as usize, new);
                        return Ok(());
                    }
                    let pos = self.slice_positions(s, len)?;
                    if pos.len() != new.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            pos.len()
                        )));
                    }
                    let mut items = l.borrow_mut();
                    for (p, v) in pos.into_iter().zip(new) {
                        items[p] = v;
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(&key, len, "list").map_err(|e| {
                    if self.exc_matches(&e.value, "IndexError") {
                        self.err("IndexError", "list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => self.dict_store(d, key, value),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__setitem__") {
                    self.call(
                        &self.bind(m, obj.clone()),
                        Args::positional(vec![key, value]),
                    )?;
                    return Ok(());
                }
                if let Some(b) = i.base.clone() {
                    return self.set_item(&b, key, value);
                }
                Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                )))
            }
            Value::Native(n) => {
                if n.clone().set_item(self, key, value)? {
                    Ok(())
                } else {
                    Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        obj.type_name()
                    )))
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let mut pos = self.slice_positions(s, len)?;
                    pos.sort_unstable();
                    let mut items = l.borrow_mut();
                    for p in pos.into_iter().rev() {
                        items.remove(p);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(key, len, "list").map_err(|e| {
                    if self.exc_matches(&e.value, "IndexError") {
                        self.err("IndexError", "list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => match self.dict_delete(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__delitem__") {
                    self.call(
                        &self.bind(m, obj.clone()),
                        Args::positional(vec![key.clone()]),
                    )?;
                    return Ok(());
                }
                if let Some(b) = i.base.clone() {
                    return self.del_item(&b, key);
                }
                Err(self.type_error(format!(
                    "'{}' object does not support item deletion",
                    obj.type_name()
                )))
            }
            Value::Native(n) => {
                if n.clone().del_item(self, key)? {
                    Ok(())
                } else {
                    Err(self.type_error(format!(
                        "'{}' object does not support item deletion",
                        obj.type_name()
                    )))
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Class(c) = v
            && let Some(m) = self.meta_method(c, "__len__")
        {
            let r = self.call(&m, Args::default())?;
            return Ok(r.as_i64().unwrap_or(0).max(0) as usize);
        }
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) | Value::Set(d) => d.borrow().len(),
            Value::FrozenSet(d) => d.len(),
            Value::Range(r) => r.len().max(0) as usize,
            Value::Instance(i) if i.class.lookup("__len__").is_none() && i.base.is_some() => {
                let b = i.base.clone().unwrap_or(Value::None);
                return self.len(&b);
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__len__") {
                    let r = self.call(&self.bind(m, v.clone()), Args::default())?;
                    return match r.as_i64() {
                        Some(n) if n >= 0 => Ok(n as usize),
                        Some(_) => Err(self.value_error("__len__() should return >= 0")),
                        None => Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            r.type_name()
                        ))),
                    };
                }
                return Err(
                    self.type_error(format!("object of type '{}' has no len()", v.type_name()))
                );
            }
            Value::Native(n) => match n.clone().len(self)? {
                Some(n) => n,
                None => {
                    return Err(
                        self.type_error(format!("object of type '{}' has no len()", v.type_name()))
                    );
                }
            },
            _ => {
                return Err(
                    self.type_error(format!("object of type '{}' has no len()", v.type_name()))
                );
            }
        })
    }

    /// A Python int from a value that should be an index (`int`/`bool`).
    pub fn to_index(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Long(b) => b.to_i64().ok_or_else(|| {
                self.err(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                )
            }),
            Value::Instance(i) if matches!(i.base, Some(Value::Int(_) | Value::Long(_))) => {
                self.to_index(i.base.as_ref().unwrap_or(&Value::None))
            }
            other => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))),
        }
    }
}

fn function_doc(f: &Function) -> Value {
    if let FuncDef::Def(d) = &f.def
        && let Some(rustpython_ruff_python_ast::Stmt::Expr(e)) = d.body.first()
        && let rustpython_ruff_python_ast::Expr::StringLiteral(s) = &*e.value
    {
        return Value::str(s.value.to_str());
    }
    Value::None
}

impl Value {
    /// The string if this is a `str`.
    pub fn as_str_opt(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }
}

/// Silence an unused-import lint when RefCell is only used in some cfgs.
#[allow(dead_code)]
fn _unused(_: RefCell<()>) {}

/// A class's metaclass method `name` when the metaclass defines it in Python (the built-in
/// `type.__setattr__` is the plain store and needs no call).
fn meta_hook(c: &Class, name: &str) -> Option<Value> {
    let meta = c.meta.borrow().clone()?;
    match meta.lookup(name) {
        Some(f @ Value::Function(_)) => Some(f),
        _ => None,
    }
}

/// What a metaclass written in Python defines itself as `name` (found before the built-in
/// `type`), unbound.
pub(crate) fn meta_own(meta: &Class, name: &str) -> Option<Value> {
    meta.mro
        .borrow()
        .iter()
        .take_while(|k| k.module != "builtins")
        .find_map(|k| k.dict.borrow().get_str(name))
}
