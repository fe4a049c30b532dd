//! Natives as tables: a function written in Rust is one named `fn` with its arity declared
//! beside it in a static table per type or module ([`Native`]), and this module is the one
//! place that checks a call's arguments against that declaration, with CPython's messages, before
//! the body runs (so a body may index the positional arguments it declared).
//!
//! A table entry is a plain function pointer: no box and no generic instantiation per native
//! (each boxed closure used to cost its own copy of the calling glue in the page's wasm). A
//! native that really captures state stays a closure ([`NativeFn`], through
//! [`super::builtins::builtin`]); such closures skip the table's check and check for themselves.

use std::rc::Rc;

use super::interp::{Interp, PyResult};
use super::value::{Args, Builtin, Namespace, Value};

/// The body of a native: the receiver (for a method) first among the positional arguments.
pub type NativeBody = fn(&mut Interp, Args) -> PyResult<Value>;

/// A native's arity: how many positional arguments (after the receiver) it takes, whether it
/// takes keywords, and which of CPython's wordings reports a wrong count (CPython words the same
/// mistake differently by how the C function takes its arguments).
/// `tests/python/tools/native_arity.py` prints a type's or module's arities as CPython has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arity {
    /// Fewest positional arguments.
    pub min: u8,
    /// Most positional arguments ([`MANY`]: no limit).
    pub max: u8,
    /// How a wrong count is worded.
    pub words: Words,
    /// Whether keyword arguments reach the body (else `f() takes no keyword arguments`).
    pub keywords: bool,
}

/// No upper limit on the positional arguments.
pub const MANY: u8 = u8::MAX;

/// CPython's wordings of a wrong argument count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
    NoArgs,
    /// `METH_O`: `len() takes exactly one argument (0 given)`.
    One,
    /// Argument Clinic's positional check: `replace expected at least 2 arguments, got 1`,
    /// `insert expected 2 arguments, got 1`, `pop expected at most 1 argument, got 2`.
    Clinic,
    /// `PyArg_ParseTuple`'s: `find() takes at least 1 argument (0 given)`, `split() takes at
    /// most 2 arguments (3 given)`.
    Tuple,
    /// A slot wrapper (`str.__len__`, `str.__contains__`): `expected 1 argument, got 0`.
    Slot,
}

impl Arity {
    /// Anything goes: the body checks its arguments itself.
    pub const ANY: Arity = Arity::tuple(0, MANY).kw();
    /// `METH_NOARGS`.
    pub const NONE: Arity = Arity {
        min: 0,
        max: 0,
        words: Words::NoArgs,
        keywords: false,
    };
    /// `METH_O`.
    pub const ONE: Arity = Arity {
        min: 1,
        max: 1,
        words: Words::One,
        keywords: false,
    };
    /// Argument Clinic's positional-only range.
    pub const fn clinic(min: u8, max: u8) -> Arity {
        Arity {
            min,
            max,
            words: Words::Clinic,
            keywords: false,
        }
    }
    /// `PyArg_ParseTuple`'s range.
    pub const fn tuple(min: u8, max: u8) -> Arity {
        Arity {
            min,
            max,
            words: Words::Tuple,
            keywords: false,
        }
    }
    /// A slot wrapper's exact count.
    pub const fn slot(n: u8) -> Arity {
        Arity {
            min: n,
            max: n,
            words: Words::Slot,
            keywords: false,
        }
    }
    /// The same, with keyword arguments passed on to the body.
    pub const fn kw(self) -> Arity {
        Arity {
            keywords: true,
            ..self
        }
    }
}

/// One native function or method, as declared in a table.
pub struct Native {
    /// `__name__`.
    pub name: &'static str,
    /// How many arguments it takes (checked before `func` runs).
    pub arity: Arity,
    /// The body.
    pub func: NativeBody,
}

impl Native {
    /// A table entry.
    pub const fn new(name: &'static str, arity: Arity, func: NativeBody) -> Native {
        Native { name, arity, func }
    }
}

/// How a built-in function value runs.
#[derive(Clone)]
pub enum NativeImpl {
    /// A function from a table (`len`, a module's function).
    Function(&'static Native),
    /// A method of built-in type `ty` from a table (`str.upper`): the receiver comes first.
    Method {
        /// The declaration.
        native: &'static Native,
        /// The type's name (`str.upper() takes no arguments`).
        ty: &'static str,
        /// Whether a subclass instance's built-in value is passed instead of the instance
        /// (`Markup("a").upper()` runs on the `str`; see `subclass`).
        unwrap: bool,
    },
    /// A Rust closure that captured state (it checks its own arguments).
    Closure(super::value::NativeFn),
}

impl NativeImpl {
    /// Run the native with `args` (the receiver already first for a method).
    #[inline]
    pub fn invoke(&self, it: &mut Interp, mut args: Args) -> PyResult<Value> {
        match self {
            NativeImpl::Function(n) => {
                check(it, n, None, &args, 0)?;
                (n.func)(it, args)
            }
            NativeImpl::Method { native, ty, unwrap } => {
                if *unwrap {
                    super::subclass::unwrap_args(&mut args);
                }
                if args.pos.is_empty() {
                    return Err(it.type_error(format!(
                        "unbound method {ty}.{}() needs an argument",
                        native.name
                    )));
                }
                check(it, native, Some(ty), &args, 1)?;
                (native.func)(it, args)
            }
            NativeImpl::Closure(f) => f(it, args),
        }
    }
}

/// The arity check: the common, correct call only compares numbers; the message is built out of
/// line.
#[inline]
fn check(it: &Interp, n: &Native, ty: Option<&str>, args: &Args, receiver: usize) -> PyResult<()> {
    let a = n.arity;
    let given = args.pos.len() - receiver;
    let count_ok = given >= a.min as usize && (a.max == MANY || given <= a.max as usize);
    if count_ok && (a.keywords || args.kw.is_empty()) {
        return Ok(());
    }
    let kw_refused = !a.keywords && !args.kw.is_empty();
    Err(it.type_error(arity_message(n, ty, given, kw_refused)))
}

/// CPython's words for a call that does not fit `n`'s declaration.
#[cold]
#[inline(never)]
fn arity_message(n: &Native, ty: Option<&str>, given: usize, kw_refused: bool) -> String {
    let qual = match ty {
        Some(ty) => format!("{ty}.{}", n.name),
        None => n.name.to_string(),
    };
    let (min, max, name) = (n.arity.min as usize, n.arity.max as usize, n.name);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    // CPython refuses keywords before it counts.
    if kw_refused {
        return format!("{qual}() takes no keyword arguments");
    }
    match n.arity.words {
        Words::NoArgs => format!("{qual}() takes no arguments ({given} given)"),
        Words::One => format!("{qual}() takes exactly one argument ({given} given)"),
        Words::Clinic if min == max => {
            format!("{name} expected {min} argument{}, got {given}", plural(min))
        }
        Words::Clinic if given < min => {
            format!(
                "{name} expected at least {min} argument{}, got {given}",
                plural(min)
            )
        }
        Words::Clinic => {
            format!(
                "{name} expected at most {max} argument{}, got {given}",
                plural(max)
            )
        }
        Words::Slot => format!("expected {min} argument{}, got {given}", plural(min)),
        Words::Tuple if given < min => {
            format!(
                "{name}() takes at least {min} argument{} ({given} given)",
                plural(min)
            )
        }
        Words::Tuple => {
            format!(
                "{name}() takes at most {max} argument{} ({given} given)",
                plural(max)
            )
        }
    }
}

/// A table function as a value.
pub fn function(n: &'static Native) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: n.name.to_string(),
        func: NativeImpl::Function(n),
        receiver: None,
        held: Vec::new(),
    }))
}

/// Put each of `table`'s methods into built-in type `ty`'s class dict.
pub fn install_methods(interp: &Interp, ty: &'static str, table: &'static [Native]) {
    let class = interp.ty(ty);
    let mut dict = class.dict.borrow_mut();
    for native in table {
        let f = NativeImpl::Method {
            native,
            ty,
            unwrap: super::subclass::unwraps_receiver(ty, native.name),
        };
        let value = Value::Builtin(Rc::new(Builtin {
            name: native.name.to_string(),
            func: f,
            receiver: None,
            held: Vec::new(),
        }));
        dict.set_str(native.name, value);
    }
}

/// Put each of `table`'s functions into the built-in namespace.
pub fn install_builtins(interp: &Interp, table: &'static [Native]) {
    for n in table {
        interp.builtins.set(n.name, function(n));
    }
}
