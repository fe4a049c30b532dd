//! The operator methods of the built-in containers and numbers as attributes: `dict.__setitem__`,
//! `super().__setitem__(key, value)` in a subclass of dict, `[1, 2].__len__()`, `int.__add__`,
//! `sorted(xs, key=int.__neg__)`.
//!
//! They are made when looked up, after the ordinary look-up has failed, and are not stored in
//! the classes' dicts: the interpreter tells whether a class overrides an operator by looking
//! the dunder up (`class.lookup("__contains__")`), and built-in entries there would make every
//! subclass of dict or list look as if it overrode them all. Each one works on the built-in
//! value itself (a subclass instance's base), so a subclass's own `__setitem__` that calls
//! `super().__setitem__` is not called again.
//!
//! The exceptions live in the class dicts and are installed by `subclass.rs`: the sequences'
//! and mappings' `__getitem__` (the `%` operator and iteration tell a mapping or a sequence by
//! looking it up) and str's operators; the ordinary look-up finds those first.

use rustpython_ruff_python_ast::{CmpOp, Operator, UnaryOp};

use super::builtins::{builtin, builtin_abs};
use super::interp::{Interp, PyResult};
use super::value::*;

/// The kind of built-in value `v` is, by its type's name (`None` for any other value).
fn kind(v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::Dict(_) => "dict",
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Str(_) => "str",
        Value::Set(_) => "set",
        Value::FrozenSet(_) => "frozenset",
        Value::Int(_) | Value::Bool(_) | Value::Long(_) => "int",
        Value::Float(_) => "float",
        _ => return None,
    })
}

/// The built-in value a slot of `ty` works on: the receiver, or a subclass instance's base.
/// Anything else is CPython's "descriptor ... requires a 'dict' object".
fn receiver(it: &Interp, args: &Args, ty: &str, name: &str) -> PyResult<Value> {
    let given = &args.pos[0];
    let value = match given {
        Value::Instance(i) => i.base.clone().unwrap_or(Value::None),
        other => other.clone(),
    };
    if kind(&value) == Some(ty) {
        return Ok(value);
    }
    Err(it.type_error(format!(
        "descriptor '{name}' requires a '{ty}' object but received a '{}'",
        given.type_name()
    )))
}

fn setitem(it: &mut Interp, args: &Args, value: Value) -> PyResult<Value> {
    it.set_item(&value, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn delitem(it: &mut Interp, args: &Args, value: Value) -> PyResult<Value> {
    it.del_item(&value, &args.pos[1])?;
    Ok(Value::None)
}

fn contains(it: &mut Interp, args: &Args, value: Value) -> PyResult<Value> {
    Ok(Value::Bool(it.contains(&value, &args.pos[1])?))
}

fn len(it: &mut Interp, _: &Args, value: Value) -> PyResult<Value> {
    Ok(Value::Int(it.len(&value)? as i64))
}

fn iter(it: &mut Interp, _: &Args, value: Value) -> PyResult<Value> {
    it.iter(&value)
}

fn repr(it: &mut Interp, _: &Args, value: Value) -> PyResult<Value> {
    Ok(Value::str(&it.repr(&value)?))
}

/// `==` between two values of the same built-in kind (for numbers, an operand the receiver's type
/// takes); `NotImplemented` otherwise, as CPython's slot returns it.
fn eq_same_kind(it: &mut Interp, args: &Args, value: &Value) -> PyResult<Option<bool>> {
    if matches!(kind(value), Some("int" | "float")) {
        return match number_operand(value, args) {
            Some(other) => it.eq(value, &other).map(Some),
            None => Ok(None),
        };
    }
    let other = match &args.pos[1] {
        Value::Instance(i) => i.base.clone().unwrap_or(Value::None),
        other => other.clone(),
    };
    if kind(&other) != kind(value) {
        return Ok(None);
    }
    it.eq(value, &other).map(Some)
}

fn eq(it: &mut Interp, args: &Args, value: Value) -> PyResult<Value> {
    Ok(eq_same_kind(it, args, &value)?.map_or(Value::NotImplemented, Value::Bool))
}

fn ne(it: &mut Interp, args: &Args, value: Value) -> PyResult<Value> {
    Ok(eq_same_kind(it, args, &value)?.map_or(Value::NotImplemented, |e| Value::Bool(!e)))
}

/// The other operand of a number's slot, as a built-in value, when the receiver's type takes
/// it: an int takes ints (and bools), a float takes ints and floats. Anything else is
/// `NotImplemented`, which sends Python on to the other operand's reflected method.
fn number_operand(value: &Value, args: &Args) -> Option<Value> {
    let other = match &args.pos[1] {
        Value::Instance(i) => i.base.clone()?,
        other => other.clone(),
    };
    match (kind(value)?, kind(&other)?) {
        ("int", "int") | ("float", "int" | "float") => Some(other),
        _ => None,
    }
}

fn arithmetic(
    it: &mut Interp,
    args: &Args,
    value: Value,
    op: Operator,
    reflected: bool,
) -> PyResult<Value> {
    let Some(other) = number_operand(&value, args) else {
        return Ok(Value::NotImplemented);
    };
    let (left, right) = if reflected {
        (other, value)
    } else {
        (value, other)
    };
    it.binary_op(op, left, right)
}

fn comparison(it: &mut Interp, args: &Args, value: Value, op: CmpOp) -> PyResult<Value> {
    match number_operand(&value, args) {
        Some(other) => Ok(Value::Bool(it.compare(op, &value, &other)?)),
        None => Ok(Value::NotImplemented),
    }
}

/// An operation on the built-in value, given the call's arguments (the receiver first).
type Op = fn(&mut Interp, &Args, Value) -> PyResult<Value>;

/// What a slot does: its own operation, or the interpreter's operator on its operands.
#[derive(Clone, Copy)]
enum How {
    Call(Op),
    /// A number's binary operator; `true` for the reflected one (`__radd__`).
    Arithmetic(Operator, bool),
    Comparison(CmpOp),
    Unary(UnaryOp),
}

/// Each slot: its name, how many arguments it takes besides the receiver, and what it does.
const SLOTS: &[(&str, usize, How)] = &[
    ("__setitem__", 2, How::Call(setitem)),
    ("__delitem__", 1, How::Call(delitem)),
    ("__contains__", 1, How::Call(contains)),
    ("__len__", 0, How::Call(len)),
    ("__iter__", 0, How::Call(iter)),
    ("__repr__", 0, How::Call(repr)),
    ("__eq__", 1, How::Call(eq)),
    ("__ne__", 1, How::Call(ne)),
    ("__add__", 1, How::Arithmetic(Operator::Add, false)),
    ("__sub__", 1, How::Arithmetic(Operator::Sub, false)),
    ("__mul__", 1, How::Arithmetic(Operator::Mult, false)),
    ("__truediv__", 1, How::Arithmetic(Operator::Div, false)),
    (
        "__floordiv__",
        1,
        How::Arithmetic(Operator::FloorDiv, false),
    ),
    ("__mod__", 1, How::Arithmetic(Operator::Mod, false)),
    ("__radd__", 1, How::Arithmetic(Operator::Add, true)),
    ("__rsub__", 1, How::Arithmetic(Operator::Sub, true)),
    ("__rmul__", 1, How::Arithmetic(Operator::Mult, true)),
    ("__lt__", 1, How::Comparison(CmpOp::Lt)),
    ("__le__", 1, How::Comparison(CmpOp::LtE)),
    ("__gt__", 1, How::Comparison(CmpOp::Gt)),
    ("__ge__", 1, How::Comparison(CmpOp::GtE)),
    ("__neg__", 0, How::Unary(UnaryOp::USub)),
    ("__pos__", 0, How::Unary(UnaryOp::UAdd)),
    (
        "__abs__",
        0,
        How::Call(|it, _, v| builtin_abs(it, Args::positional(vec![v]))),
    ),
];

/// The numbers' slots here (int's and float's; `__eq__`/`__ne__` as the containers').
const NUMBER_SLOTS: &[&str] = &[
    "__add__",
    "__sub__",
    "__mul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__radd__",
    "__rsub__",
    "__rmul__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__eq__",
    "__ne__",
];

/// Which of [`SLOTS`] each type has here (its others are in the class dict, see the module doc).
fn slots_of(ty: &str) -> &'static [&'static str] {
    const ALL: &[&str] = &[
        "__contains__",
        "__len__",
        "__iter__",
        "__repr__",
        "__eq__",
        "__ne__",
    ];
    match ty {
        "dict" | "list" => &[
            "__setitem__",
            "__delitem__",
            "__contains__",
            "__len__",
            "__iter__",
            "__repr__",
            "__eq__",
            "__ne__",
        ],
        "tuple" | "set" | "frozenset" => ALL,
        "str" => &["__contains__", "__iter__"],
        "int" | "float" => NUMBER_SLOTS,
        _ => &[],
    }
}

/// The slot `name` of the built-in class `class` (one of the containers above), unbound.
pub(crate) fn builtin_slot(class: &Class, name: &str) -> Option<Value> {
    if class.module != "builtins" || !name.starts_with("__") {
        return None;
    }
    let ty = [
        "dict",
        "list",
        "tuple",
        "str",
        "set",
        "frozenset",
        "int",
        "float",
    ]
    .into_iter()
    .find(|ty| *ty == class.name)?;
    let &(name, wanted, how) = SLOTS.iter().find(|slot| slot.0 == name)?;
    if !slots_of(ty).contains(&name) {
        return None;
    }
    Some(builtin(name, move |it, args| {
        let given = args.pos.len().saturating_sub(1);
        if args.pos.is_empty() {
            return Err(it.type_error(format!(
                "descriptor '{name}' of '{ty}' object needs an argument"
            )));
        }
        if given != wanted {
            // dict's and set's `__contains__` are methods taking one argument; the rest are
            // slot wrappers.
            return Err(it.type_error(
                if name == "__contains__" && matches!(ty, "dict" | "set" | "frozenset") {
                    format!("{ty}.{name}() takes exactly one argument ({given} given)")
                } else {
                    // CPython's wrapper of `__setitem__` words it with a leading space.
                    format!(
                        "{}expected {wanted} argument{}, got {given}",
                        if wanted == 2 { " " } else { "" },
                        if wanted == 1 { "" } else { "s" }
                    )
                },
            ));
        }
        let value = receiver(it, &args, ty, name)?;
        match how {
            How::Call(op) => op(it, &args, value),
            How::Arithmetic(op, reflected) => arithmetic(it, &args, value, op, reflected),
            How::Comparison(op) => comparison(it, &args, value, op),
            How::Unary(op) => it.unary_op(op, value),
        }
    }))
}

/// The slot `name` found along `class`'s MRO (a subclass of dict reaches dict's).
pub(crate) fn slot_in_mro(class: &Class, name: &str) -> Option<Value> {
    if !name.starts_with("__") {
        return None;
    }
    class
        .mro
        .borrow()
        .iter()
        .find_map(|c| builtin_slot(c, name))
}
