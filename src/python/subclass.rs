//! Classes that derive from immutable built-in types (`class Markup(str)`, `class Celsius(float)`).
//!
//! An instance of such a class is an `Instance` whose `base` holds the built-in value (as for
//! `dict`/`list`/`set` subclasses). This module makes that value reachable the way CPython's
//! type slots do:
//! - construction: `str.__new__(cls, ...)` (directly, through `super().__new__(cls, ...)` in a
//!   user `__new__`, or implicitly by `Cls(...)`) builds the instance around the built-in value;
//!   `object.__init__` then ignores the arguments, as it does when `__new__` is overridden;
//! - methods: the built-in type's methods receive the built-in value (`Markup("a").upper()` runs
//!   `str.upper` and returns a plain `str`, as in CPython), and `str` carries the dunders a
//!   subclass reaches through `super()` (`__add__`, `__mod__`, `__mul__`, `__getitem__`,
//!   `__repr__`, ...);
//! - operators the class does not override fall back to the built-in value (`S("a") + "b"`,
//!   `S("b") < "c"`).

use std::cell::RefCell;
use std::rc::Rc;

use rustpython_ruff_python_ast::Operator;

use super::builtins::builtin;
use super::dict::Dict;
use super::interp::{Interp, PyResult};
use super::value::*;

/// The built-in types whose subclasses keep a value in `Instance::base` built by `__new__`.
const IMMUTABLE: &[&str] = &["str", "int", "float", "bytes", "tuple", "frozenset"];

/// Whether the methods of built-in type `ty` should see the built-in value of subclass instances.
pub(crate) fn unwraps_receiver(ty: &str, method: &str) -> bool {
    IMMUTABLE.contains(&ty) && method != "__new__"
}

/// The built-in value of a subclass instance of an immutable type.
pub(crate) fn immutable_base(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => match &i.base {
            Some(
                b @ (Value::Str(_)
                | Value::Int(_)
                | Value::Long(_)
                | Value::Float(_)
                | Value::Bytes(_)
                | Value::Tuple(_)
                | Value::FrozenSet(_)),
            ) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Replace subclass instances among `args` by their built-in values.
pub(crate) fn unwrap_args(args: &mut Args) {
    for a in args.pos.iter_mut() {
        if let Some(b) = immutable_base(a) {
            *a = b;
        }
    }
}

/// Both operands with subclass instances replaced by their built-in value, if either is one.
pub(crate) fn unwrap_pair(l: &Value, r: &Value) -> Option<(Value, Value)> {
    let base = |v: &Value| match v {
        Value::Instance(i) => i.base.clone(),
        _ => None,
    };
    match (base(l), base(r)) {
        (None, None) => None,
        (a, b) => Some((
            a.unwrap_or_else(|| l.clone()),
            b.unwrap_or_else(|| r.clone()),
        )),
    }
}

/// The immutable built-in class among `c`'s ancestors, if any.
fn immutable_ancestor(c: &Rc<Class>) -> Option<Rc<Class>> {
    c.mro
        .borrow()
        .iter()
        .find(|k| k.module == "builtins" && IMMUTABLE.contains(&k.name.as_str()))
        .cloned()
}

/// `Cls(...)` for a class that overrides `__new__` in Python or derives from an immutable
/// built-in type; `None` for every other class (the caller's general path).
pub(crate) fn instantiate(it: &mut Interp, c: &Rc<Class>, args: &Args) -> PyResult<Option<Value>> {
    let new = c.lookup("__new__");
    let user_new = matches!(new, Some(Value::Function(_)) | Some(Value::StaticMethod(_)));
    if !user_new && immutable_ancestor(c).is_none() {
        return Ok(None);
    }
    let Some(new) = new else { return Ok(None) };
    let new = match &new {
        Value::StaticMethod(f) => (**f).clone(),
        other => other.clone(),
    };
    let mut a = args.clone();
    a.pos.insert(0, Value::Class(c.clone()));
    let obj = it.call(&new, a)?;
    // `__init__` runs when `__new__` returned an instance of the class; `object.__init__`
    // accepts the arguments because `__new__` is overridden.
    if let (Value::Instance(i), Some(init @ Value::Function(_))) = (&obj, c.lookup("__init__"))
        && i.class.is_subclass(c)
    {
        let r = it.call(&it.bind(init, obj.clone()), args.clone())?;
        if !matches!(r, Value::None) {
            return Err(it.type_error(format!(
                "__init__() should return None, not '{}'",
                r.type_name()
            )));
        }
    }
    Ok(Some(obj))
}

impl Interp {
    /// Binary operators on `bytearray`s and on built-in subclass instances whose class does not
    /// define the operator (after the user dunders were tried).
    pub(crate) fn builtin_subclass_binop(
        &mut self,
        op: Operator,
        l: &Value,
        r: &Value,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        use super::bytearray::{as_bytearray, bytes_like, new_value};
        let _ = inplace;
        if as_bytearray(l).is_some() || as_bytearray(r).is_some() {
            return Ok(match op {
                Operator::Add => match (bytes_like(l), bytes_like(r)) {
                    (Some(mut a), Some(b)) => {
                        self.check_size(a.len() as u128 + b.len() as u128)?;
                        a.extend(b);
                        Some(if as_bytearray(l).is_some() {
                            new_value(a)
                        } else {
                            Value::Bytes(Rc::from(a))
                        })
                    }
                    _ if as_bytearray(l).is_some() => {
                        return Err(
                            self.type_error(format!("can't concat {} to bytearray", r.type_name()))
                        );
                    }
                    _ => None,
                },
                Operator::Mult => {
                    let (seq, n) = if as_bytearray(l).is_some() {
                        (l, r)
                    } else {
                        (r, l)
                    };
                    let (Some(data), Some(n)) = (bytes_like(seq), n.as_i64()) else {
                        return Ok(None);
                    };
                    let n = n.max(0) as usize;
                    self.check_size(data.len() as u128 * n as u128)?;
                    Some(new_value(data.repeat(n)))
                }
                _ => None,
            });
        }
        match unwrap_pair(l, r) {
            Some((a, b))
                if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) =>
            {
                self.binary_op(op, a, b).map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// Make the immutable types' constructors build subclass instances, and give `str` the dunders
/// a subclass reaches through `super()`.
pub(crate) fn install(interp: &mut Interp) {
    for ty in IMMUTABLE {
        let class = interp.ty(ty);
        let Some(Value::Builtin(ctor)) = &class.dict.borrow().get_str("__new__") else {
            continue;
        };
        let own = class.clone();
        let f = ctor.func.clone();
        let wrapped = builtin("__new__", move |it, args| {
            let cls = match args.pos.first() {
                Some(Value::Class(c)) if !Rc::ptr_eq(c, &own) => Some(c.clone()),
                _ => None,
            };
            let Some(cls) = cls else {
                return f.invoke(it, args);
            };
            if !cls.is_subclass(&own) {
                return Err(it.type_error(format!(
                    "{}.__new__({}): {} is not a subtype of {}",
                    own.name, cls.name, cls.name, own.name
                )));
            }
            let mut a = args;
            a.pos[0] = Value::Class(own.clone());
            let base = f.invoke(it, a)?;
            Ok(it.new_instance(Instance {
                class: cls,
                attrs: Rc::new(RefCell::new(Dict::new())),
                exc: None,
                base: Some(base),
            }))
        });
        class.dict.borrow_mut().set_str("__new__", wrapped);
    }
    // `hasattr(type(x), "__getitem__")` holds for the built-in sequences and mappings
    // (markupsafe's `%` tells a mapping argument by it).
    for ty in ["dict", "list", "tuple", "bytes", "range"] {
        let m = builtin("__getitem__", move |it, args| {
            let [obj, key] = &args.pos[..] else {
                let given = args.pos.len().saturating_sub(1);
                // dict's and list's are methods taking one argument, the others slot wrappers.
                return Err(it.type_error(if matches!(ty, "dict" | "list") {
                    format!("{ty}.__getitem__() takes exactly one argument ({given} given)")
                } else {
                    format!("expected 1 argument, got {given}")
                }));
            };
            let base = match obj {
                Value::Instance(i) => i.base.clone().unwrap_or_else(|| obj.clone()),
                _ => obj.clone(),
            };
            if matches!(base, Value::Instance(_)) {
                return Err(it.type_error("descriptor '__getitem__' requires a built-in object"));
            }
            // dict's own `__getitem__` asks a subclass's `__missing__` for an absent key.
            match (it.get_item(&base, key), obj) {
                (Err(e), Value::Instance(i))
                    if matches!(base, Value::Dict(_)) && it.exc_matches(&e.value, "KeyError") =>
                {
                    match i.class.lookup("__missing__") {
                        Some(missing) => it.call(
                            &it.bind(missing, obj.clone()),
                            Args::positional(vec![key.clone()]),
                        ),
                        None => Err(e),
                    }
                }
                (found, _) => found,
            }
        });
        interp.ty(ty).dict.borrow_mut().set_str("__getitem__", m);
    }
    let str_class = interp.ty("str");
    let binops: [(&str, Operator, bool); 4] = [
        ("__add__", Operator::Add, false),
        ("__mul__", Operator::Mult, false),
        ("__rmul__", Operator::Mult, true),
        ("__mod__", Operator::Mod, false),
    ];
    for (name, op, swap) in binops {
        let m = builtin(name, move |it, mut args| {
            unwrap_args(&mut args);
            let [a, b] = &args.pos[..] else {
                return Err(it.type_error(format!(
                    "expected 1 argument, got {}",
                    args.pos.len().saturating_sub(1)
                )));
            };
            if !matches!(a, Value::Str(_)) {
                return Err(it.type_error(format!(
                    "descriptor '{name}' requires a 'str' object but received a '{}'",
                    a.type_name()
                )));
            }
            let ok = match op {
                Operator::Add => matches!(b, Value::Str(_)),
                Operator::Mult => matches!(b, Value::Int(_) | Value::Bool(_) | Value::Long(_)),
                _ => true,
            };
            if !ok {
                return Ok(Value::NotImplemented);
            }
            let (x, y) = if swap {
                (b.clone(), a.clone())
            } else {
                (a.clone(), b.clone())
            };
            it.binary_op(op, x, y)
        });
        str_class.dict.borrow_mut().set_str(name, m);
    }
    type Unary = fn(&mut Interp, Value, Option<Value>) -> PyResult<Value>;
    let others: [(&str, Unary); 6] = [
        ("__getitem__", |it, s, k| {
            it.get_item(&s, &k.unwrap_or(Value::None))
        }),
        ("__repr__", |it, s, _| Ok(Value::str(&it.repr(&s)?))),
        ("__str__", |it, s, _| Ok(Value::str(&it.to_str(&s)?))),
        ("__hash__", |it, s, _| it.hash_of(&s).map(Value::Int)),
        ("__eq__", |it, s, o| match o {
            Some(o @ Value::Str(_)) => Ok(Value::Bool(it.eq(&s, &o)?)),
            _ => Ok(Value::NotImplemented),
        }),
        ("__ne__", |it, s, o| match o {
            Some(o @ Value::Str(_)) => Ok(Value::Bool(!it.eq(&s, &o)?)),
            _ => Ok(Value::NotImplemented),
        }),
    ];
    for (name, f) in others {
        let m = builtin(name, move |it, mut args| {
            unwrap_args(&mut args);
            let s = args.pos.first().cloned().unwrap_or(Value::None);
            if !matches!(s, Value::Str(_)) {
                return Err(it.type_error(format!(
                    "descriptor '{name}' requires a 'str' object but received a '{}'",
                    s.type_name()
                )));
            }
            f(it, s, args.pos.get(1).cloned())
        });
        str_class.dict.borrow_mut().set_str(name, m);
    }
}
