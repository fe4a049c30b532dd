//! The value model: every Python object the interpreter can hold.
//!
//! Immutable values (`int`, `str`, `tuple`, ...) are shared by `Rc`; mutable containers
//! (`list`, `dict`, `set`, instances) sit behind `Rc<RefCell<..>>` so that aliasing behaves as in
//! Python (`b = a; b.append(1)` changes `a`). Ints keep a machine-word fast path and switch to
//! `num_bigint::BigInt` only when a result leaves `i64`: the invariant is that `Value::Long` never
//! holds a value that fits in an `i64`, so equality and hashing can compare variants directly.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::ast_ref::AstRef;
use super::dict::{Dict, StrProbe};
use super::interp::{Interp, PyResult};
use super::scope::ScopeInfo;
use rustpython_ruff_python_ast as ast;

/// A Python value. Cloning is cheap (reference counts only).
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `NotImplemented`, returned by binary dunder methods.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` outside the `i64` range (never one that fits: see the module doc).
    Long(Rc<BigInt>),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(Rc<str>),
    /// A `bytes`.
    Bytes(Rc<[u8]>),
    /// A `list`.
    List(Rc<RefCell<Vec<Value>>>),
    /// A `tuple`.
    Tuple(Rc<[Value]>),
    /// A `dict` (insertion ordered).
    Dict(Rc<RefCell<Dict>>),
    /// A `set` (a dict whose values are unused).
    Set(Rc<RefCell<Dict>>),
    /// A `frozenset`.
    FrozenSet(Rc<Dict>),
    /// A `range`.
    Range(Rc<RangeObj>),
    /// A `slice`.
    Slice(Rc<[Value; 3]>),
    /// A function defined in Python (`def` or `lambda`).
    Function(Rc<Function>),
    /// A function written in Rust.
    Builtin(Rc<Builtin>),
    /// A method bound to its `self`.
    Method(Rc<(Value, Value)>),
    /// A class (user-defined or built-in type).
    Class(Rc<Class>),
    /// An instance of a user-defined class (exceptions included).
    Instance(Rc<Instance>),
    /// A module.
    Module(Rc<Module>),
    /// An iterator over built-in values.
    Iter(Rc<RefCell<IterState>>),
    /// An object implemented by the host (e.g. Flask's `session` proxy).
    Native(Rc<dyn NativeObject>),
    /// `property(...)`.
    Property(Rc<Property>),
    /// `staticmethod(f)`.
    StaticMethod(Rc<Value>),
    /// `classmethod(f)`.
    ClassMethod(Rc<Value>),
    /// `super()` bound to a class and an object.
    Super(Rc<(Rc<Class>, Value)>),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}>", self.type_name())
    }
}

/// The state of a built-in iterator.
pub enum IterState {
    /// Iterating a snapshot-free sequence by index (lists see appends, like CPython).
    Seq(Value, usize),
    /// Iterating precomputed values.
    Values(std::vec::IntoIter<Value>),
    /// `range` iteration.
    Range { next: i64, stop: i64, step: i64 },
    /// Characters of a string.
    Chars(Rc<str>, usize),
    /// An iterator driven by a user object's `__next__`.
    User(Value),
    /// Exhausted.
    Done,
}

/// A `range(start, stop, step)` with 64-bit bounds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RangeObj {
    /// First value.
    pub start: i64,
    /// Exclusive bound.
    pub stop: i64,
    /// Never zero.
    pub step: i64,
}

impl RangeObj {
    /// Number of values in the range.
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            if stop > start {
                (stop - start + step - 1) / step
            } else {
                0
            }
        } else if start > stop {
            (start - stop + (-step) - 1) / (-step)
        } else {
            0
        };
        n as i64
    }
}

/// A function defined by `def` or `lambda`.
pub struct Function {
    /// `__name__`.
    pub name: String,
    /// `__qualname__` (`Greeter.greet`), used in argument errors.
    pub qualname: String,
    /// `__name__` shared with frames (tracebacks) without reallocating per call.
    pub name_rc: Rc<str>,
    /// Qualified-name prefix for things defined inside (`f.<locals>.`).
    pub locals_prefix: Rc<str>,
    /// The definition this function runs.
    pub def: FuncDef,
    /// Default values of positional parameters (aligned to the last ones).
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kw_defaults: Vec<(String, Value)>,
    /// The module globals the function sees.
    pub globals: Rc<Env>,
    /// The enclosing function scopes (for closures).
    pub closure: Option<Rc<EnvChain>>,
    /// Names bound in the function body and how (static analysis).
    pub scope: Rc<ScopeInfo>,
    /// The module file name for tracebacks.
    pub filename: Rc<str>,
    /// The module source for tracebacks.
    pub source: Rc<SourceFile>,
    /// `__dict__` (attributes set by decorators such as `functools.wraps`).
    pub attrs: RefCell<Dict>,
    /// `__doc__`/`__module__` etc. live in attrs; this is the class that defined it, for `super()`.
    pub class_cell: RefCell<Option<Rc<Class>>>,
}

/// What a [`Function`] runs: a `def` body or a `lambda` expression.
#[derive(Clone)]
pub enum FuncDef {
    /// A `def` statement.
    Def(AstRef<ast::StmtFunctionDef>),
    /// A `lambda` expression.
    Lambda(AstRef<ast::ExprLambda>),
}

impl FuncDef {
    /// The parameters of the definition.
    pub fn parameters(&self) -> Option<&ast::Parameters> {
        match self {
            FuncDef::Def(d) => Some(&d.parameters),
            FuncDef::Lambda(l) => l.parameters.as_deref(),
        }
    }
}

/// Source text plus line starts, for tracebacks and spans.
#[derive(Debug)]
pub struct SourceFile {
    /// The full text.
    pub text: String,
    /// Byte offset of each line start.
    pub line_starts: Vec<usize>,
}

impl SourceFile {
    /// Index the line starts of `text`.
    pub fn new(text: String) -> SourceFile {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        SourceFile { text, line_starts }
    }
    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
    /// The text of a 1-based line without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
    /// 0-based character column of a byte offset within its line.
    pub fn column_of(&self, offset: usize) -> usize {
        let line = self.line_of(offset);
        let start = self.line_starts[line - 1];
        self.text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
    }
}

/// A variable namespace (function locals, module globals, class bodies): a `dict` table.
///
/// It is the very table a `dict` value holds (`Value::Dict` wraps the same `Rc<RefCell<Dict>>`),
/// so `globals()` and a module's `__dict__` are the live namespace, as in CPython: writing
/// `globals()['x'] = 1` binds the global `x`. Variables are read and written through
/// [`Namespace`].
pub type Env = RefCell<Dict>;

/// Variable access on a namespace ([`Env`]), by name.
pub trait Namespace {
    /// Read a variable.
    fn get(&self, name: &str) -> Option<Value>;
    /// Write a variable.
    fn set(&self, name: &str, value: Value);
    /// Delete a variable, reporting whether it existed.
    fn remove(&self, name: &str) -> bool;
}

impl Namespace for Env {
    fn get(&self, name: &str) -> Option<Value> {
        self.borrow().get_str(name)
    }
    fn set(&self, name: &str, value: Value) {
        self.borrow_mut().set_str(name, value);
    }
    fn remove(&self, name: &str) -> bool {
        self.borrow_mut().remove_str(name).is_some()
    }
}

/// The chain of enclosing function scopes a closure sees.
pub struct EnvChain {
    /// The scope's variables.
    pub env: Rc<Env>,
    /// Which names the scope binds.
    pub scope: Rc<ScopeInfo>,
    /// The next enclosing function scope.
    pub parent: Option<Rc<EnvChain>>,
}

/// Signature of a function implemented in Rust.
pub type NativeFn = Rc<dyn Fn(&mut Interp, Args) -> PyResult<Value>>;

/// A built-in function (or a host-provided one).
pub struct Builtin {
    /// `__name__`.
    pub name: String,
    /// The implementation: a table entry or a closure.
    pub func: super::native::NativeImpl,
    /// Bound receiver for methods of built-in types (`"abc".upper`).
    pub receiver: Option<Value>,
    /// Values the Rust closure captured, listed so the interpreter's teardown can reach them
    /// (it cannot look inside a closure; see `teardown`).
    pub held: Vec<Value>,
}

/// Positional and keyword arguments of a call.
#[derive(Default, Clone, Debug)]
pub struct Args {
    /// Positional arguments (the receiver first for bound built-in methods).
    pub pos: Vec<Value>,
    /// Keyword arguments in call order.
    pub kw: Vec<(String, Value)>,
}

impl Args {
    /// Positional-only arguments.
    pub fn positional(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
    /// Take a keyword argument by name.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| k == name)?;
        Some(self.kw.remove(i).1)
    }
}

/// A class: a user `class` statement or a built-in type.
pub struct Class {
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// `__module__` (`builtins` for built-in types).
    pub module: String,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, starting with the class itself (filled right after creation).
    pub mro: RefCell<Vec<Rc<Class>>>,
    /// The class namespace.
    pub dict: RefCell<Dict>,
    /// Which built-in type this is or derives from.
    pub builtin: Cell<Option<BuiltinType>>,
    /// The metaclass when it is not `type` (`class Color(Enum)` has `EnumType`); see
    /// `Interp::meta_method` for what it may define.
    pub meta: RefCell<Option<Rc<Class>>>,
}

impl Class {
    /// Look an attribute up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let probe = StrProbe::new(name);
        if let Some(v) = self.dict.borrow().get_probe(&probe) {
            return Some(v);
        }
        for c in self.mro.borrow().iter().skip(1) {
            if let Some(v) = c.dict.borrow().get_probe(&probe) {
                return Some(v);
            }
        }
        None
    }
    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }
    /// The name used in messages (qualified with the module unless builtins or `__main__`).
    pub fn display_name(&self) -> String {
        if self.module == "builtins" || self.module == "__main__" {
            self.qualname.clone()
        } else {
            format!("{}.{}", self.module, self.qualname)
        }
    }
}

/// Built-in types whose instances are not [`Instance`]s.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinType {
    /// `object`.
    Object,
    /// `BaseException` and its descendants.
    BaseException,
    /// Any other built-in type (instances are `Value` variants).
    Other,
}

/// An instance of a user-defined class or of an exception class.
pub struct Instance {
    /// `__class__`.
    pub class: Rc<Class>,
    /// `__dict__`: shared with the `dict` that `obj.__dict__` and `vars(obj)` hand out, so
    /// `self.__dict__.update(...)` and `obj.__dict__[name] = value` write the attributes.
    pub attrs: Rc<RefCell<Dict>>,
    /// Exception state when the class derives from `BaseException`.
    pub exc: Option<RefCell<ExcState>>,
    /// The built-in container this object extends (`class Stack(list)`), if any.
    pub base: Option<Value>,
}

impl Instance {
    /// The built-in container behind an instance of a `dict`/`list`/`set` subclass.
    pub fn base_value(&self) -> Option<&Value> {
        self.base.as_ref()
    }
}

/// The data of an exception object.
#[derive(Default)]
pub struct ExcState {
    /// `args`.
    pub args: Vec<Value>,
    /// Traceback entries, outermost first.
    pub traceback: Vec<TbEntry>,
    /// `__cause__`.
    pub cause: Option<Value>,
    /// `__context__`.
    pub context: Option<Value>,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

/// One traceback line: where a frame was when the exception passed through it.
#[derive(Clone, Debug)]
pub struct TbEntry {
    /// Module file name as shown (`app.py`).
    pub filename: Rc<str>,
    /// The frame's function name (`<module>` at top level).
    pub func: Rc<str>,
    /// The source, for the code line and carets.
    pub source: Rc<SourceFile>,
    /// Byte range of the failing instruction's expression.
    pub range: (u32, u32),
    /// How to draw the carets for that range.
    pub anchor: Anchor,
}

/// CPython 3.11 draws `~~~^~~~` under binary operations and subscripts, `^^^` elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Plain `^` carets.
    Plain,
    /// `~` for operands and `^` for the operator span (byte offsets of the operator span).
    Split(u32, u32),
    /// A whole statement (no carets, like `raise`).
    Statement,
}

/// A module object.
pub struct Module {
    /// `__name__`.
    pub name: String,
    /// The module namespace.
    pub env: Rc<Env>,
}

/// `property(fget, fset)`.
pub struct Property {
    /// Getter.
    pub fget: Value,
    /// Setter (or `None`).
    pub fset: Value,
    /// Deleter (or `None`).
    pub fdel: Value,
}

/// An object implemented by the host, with Rust callbacks for its operations.
///
/// Every hook has a default that raises the same error CPython raises for an object lacking
/// that operation, so an implementation overrides only what it supports.
pub trait NativeObject {
    /// The type name shown in messages (`LocalProxy`, `SecureCookieSession`).
    fn type_name(&self) -> String;
    /// `obj.name`; `None` means "no such attribute" (AttributeError follows).
    fn get_attr(&self, _interp: &mut Interp, _name: &str) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `obj.name = value`; `Ok(false)` means unsupported (AttributeError follows).
    fn set_attr(&self, _interp: &mut Interp, _name: &str, _value: Value) -> PyResult<bool> {
        Ok(false)
    }
    /// `obj[key]`; `None` means not subscriptable.
    fn get_item(&self, _interp: &mut Interp, _key: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `obj[key] = value`; `Ok(false)` means unsupported.
    fn set_item(&self, _interp: &mut Interp, _key: Value, _value: Value) -> PyResult<bool> {
        Ok(false)
    }
    /// `del obj[key]`; `Ok(false)` means unsupported.
    fn del_item(&self, _interp: &mut Interp, _key: &Value) -> PyResult<bool> {
        Ok(false)
    }
    /// `key in obj`; `None` means unsupported.
    fn contains(&self, _interp: &mut Interp, _key: &Value) -> PyResult<Option<bool>> {
        Ok(None)
    }
    /// `iter(obj)` as a list of values; `None` means not iterable.
    fn iterate(&self, _interp: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(None)
    }
    /// `len(obj)`; `None` means no length.
    fn len(&self, _interp: &mut Interp) -> PyResult<Option<usize>> {
        Ok(None)
    }
    /// `obj(...)`; `None` means not callable.
    fn call(&self, _interp: &mut Interp, _args: Args) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// Whether the object is its own iterator (generators): then `next_item` advances it.
    fn is_iterator(&self) -> bool {
        false
    }
    /// `next(obj)`; `None` when exhausted.
    fn next_item(&self, _interp: &mut Interp) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `repr(obj)`.
    fn repr(&self, _interp: &mut Interp) -> PyResult<String> {
        Ok(format!("<{} object>", self.type_name()))
    }
    /// `bool(obj)`; `None` means always true.
    fn truthy(&self, _interp: &mut Interp) -> PyResult<Option<bool>> {
        Ok(None)
    }
    /// Hand every Python value this object holds to `t` (and empty your own mutable
    /// containers), so the interpreter's teardown can break reference cycles that pass through
    /// this object. Called once, when the interpreter is dropped; the default holds nothing.
    fn teardown(&self, _t: &mut super::teardown::Teardown) {}
    /// Downcasting support for the host.
    fn as_any(&self) -> &dyn std::any::Any;
}

impl Value {
    /// A `str` value.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    /// A `list` value.
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    /// A `tuple` value.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }
    /// A `dict` value.
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    /// An `int` from a big integer, normalised to the fast path when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Long(Rc::new(b)),
        }
    }
    /// The CPython type name (`int`, `NoneType`, the class name for instances).
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::NotImplemented => "NotImplementedType".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) | Value::Long(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Bytes(_) => "bytes".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::FrozenSet(_) => "frozenset".into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Function(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::Method(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.clone(),
            Value::Module(_) => "module".into(),
            Value::Iter(_) => "iterator".into(),
            Value::Native(n) => n.type_name(),
            Value::Property(_) => "property".into(),
            Value::StaticMethod(_) => "staticmethod".into(),
            Value::ClassMethod(_) => "classmethod".into(),
            Value::Super(_) => "super".into(),
        }
    }
    /// Identity comparison (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::NotImplemented, Value::NotImplemented) => true,
            (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython; learners see `is` hold for them.
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty())
            }
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }
    /// Address of the heap object, for identity and `id()`.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::Long(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Property(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::StaticMethod(r) | Value::ClassMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Super(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return None,
        })
    }
    /// The exception state if this is an exception instance.
    pub fn exc_state(&self) -> Option<&RefCell<ExcState>> {
        match self {
            Value::Instance(i) => i.exc.as_ref(),
            _ => None,
        }
    }
    /// The value as an `i64` if it is an int or bool that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }
    /// The value as a big integer if it is an int or bool.
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::Long(b) => Some((**b).clone()),
            _ => None,
        }
    }
}

/// Dropping deep data without deep native recursion.
///
/// `nested = [nested]` ten thousand times makes a chain of lists each holding the next; the
/// compiler-made drop would recurse once per level on the native stack and overflow the page's
/// (a crashed tab that crashes again on reload, since the code is autosaved). So a container
/// whose last reference goes away (a `list`, `tuple`, `dict`, `set`, `frozenset` or an instance's
/// `__dict__`) is freed through a work list: the first such drop on the thread empties it in
/// place and drops its items; any container among them whose last reference that was is not
/// freed there but queued, and the loop frees the queue. The native depth stays constant, and
/// the hot path pays one reference-count comparison per container value dropped.
mod deep_drop {
    use super::Value;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    thread_local! {
        static DRAINING: Cell<bool> = const { Cell::new(false) };
        static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    }

    /// Whether dropping `v` frees a container that still holds values.
    #[inline]
    pub(super) fn frees_items(v: &Value) -> bool {
        match v {
            Value::List(l) => {
                Rc::strong_count(l) == 1 && l.try_borrow().is_ok_and(|items| !items.is_empty())
            }
            Value::Dict(d) | Value::Set(d) => {
                Rc::strong_count(d) == 1 && d.try_borrow().is_ok_and(|d| !d.is_empty())
            }
            Value::Tuple(t) => {
                Rc::strong_count(t) == 1
                    && Rc::weak_count(t) == 0
                    && t.iter().any(Value::holds_values)
            }
            Value::FrozenSet(d) => {
                Rc::strong_count(d) == 1 && Rc::weak_count(d) == 0 && !d.is_empty()
            }
            Value::Instance(i) => {
                // Attributes still reachable as a `dict` (`obj.__dict__` kept) are not freed.
                Rc::strong_count(i) == 1
                    && Rc::strong_count(&i.attrs) == 1
                    && i.attrs.try_borrow().is_ok_and(|a| !a.is_empty())
            }
            _ => false,
        }
    }

    /// Drop the items of a container being freed (afterwards `frees_items` is false for it).
    fn empty(v: &mut Value) {
        match v {
            Value::List(l) => drop(std::mem::take(&mut *l.borrow_mut())),
            Value::Dict(d) | Value::Set(d) => drop(std::mem::take(&mut *d.borrow_mut())),
            Value::Tuple(t) => {
                if let Some(items) = Rc::get_mut(t) {
                    for item in items.iter_mut() {
                        drop(std::mem::replace(item, Value::None));
                    }
                }
            }
            Value::FrozenSet(d) => {
                if let Some(d) = Rc::get_mut(d) {
                    drop(std::mem::take(d));
                }
            }
            Value::Instance(i) => drop(std::mem::take(&mut *i.attrs.borrow_mut())),
            _ => {}
        }
    }

    /// Free `v` (for which `frees_items` holds) with a work list instead of recursion.
    #[cold]
    #[inline(never)]
    pub(super) fn drop_deep(v: &mut Value) {
        let taken = std::mem::replace(v, Value::None);
        if DRAINING.get() {
            PENDING.with(|p| p.borrow_mut().push(taken));
            return;
        }
        DRAINING.set(true);
        let mut next = Some(taken);
        while let Some(mut v) = next {
            empty(&mut v);
            drop(v);
            next = PENDING.with(|p| p.borrow_mut().pop());
        }
        PENDING.with(|p| {
            let mut p = p.borrow_mut();
            if p.capacity() > 4096 {
                *p = Vec::new();
            }
        });
        DRAINING.set(false);
    }
}

impl Value {
    /// Whether this value can hold other values (a container, an instance, a function...): what
    /// the deep drop and the teardown walk visit; scalars and strings hold none.
    #[inline]
    pub(crate) fn holds_values(&self) -> bool {
        !matches!(
            self,
            Value::None
                | Value::NotImplemented
                | Value::Ellipsis
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Long(_)
                | Value::Float(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_)
        )
    }
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if deep_drop::frees_items(self) {
            deep_drop::drop_deep(self);
        }
    }
}
