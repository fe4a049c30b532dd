//! The `python` layer: a Python 3.11 interpreter for learners' Flask apps.
//!
//! Source is parsed by ruff's parser (`rustpython-ruff_python_parser`) and evaluated by a
//! tree-walking evaluator over that AST (`eval`). Values (`value`) mirror CPython's objects;
//! errors carry CPython 3.11's messages and tracebacks (`traceback`) with source ranges the
//! editor can mark. Limits keep a browser tab alive: a step budget, a recursion limit and a
//! memory limit per object and in total (`HostConfig`, `heap`). Nothing here knows about HTTP; the Flask layer builds on
//! [`Interpreter`] (run a module, call functions, register native modules and objects, observe
//! line events).
//!
//! Modules, in reading order:
//! - `value`, `dict`: the object model and the ordered hash table.
//! - `interp`: interpreter state, host config, the error type, limits.
//! - `eval`, `matching` (the `match` statement), `scope`, `fast_locals`, `frame_locals`, `call`, `attrs`, `ops`, `repr`: evaluation.
//! - `native`: natives as tables (one `fn` per native, its arity beside it, checked in one place).
//! - `builtins`, `methods`, `modules`: the built-in namespace, type methods, stdlib.
//! - `traceback`, `suggest`, `syntax`: errors as data and as CPython's text.
//! - `api`, `cli`: entry points.
//! - `heap`: the live heap, counted, for the total memory budget.
//! - `interrupt`: a stop asked for by the host from another thread (the CLI's time limit).
//! - `recycle`: reusing the namespaces and argument vectors of finished calls.
//! - `fork`: a copy of an interpreter and all it made (a server start copies the prelude's).
//! - `teardown`: breaking reference cycles when an interpreter is dropped (memory given back).
//! - `text`: pure text/number formatting helpers (CPython-exact), no interpreter types.

mod api;
mod ast_ref;
mod attrs;
mod builtins;
mod bytearray;
mod bytes_methods;
mod call;
mod cli;
mod complex;
mod dict;
mod eval;
mod fast_locals;
mod fork;
mod frame_locals;
mod fstring_311;
pub(crate) mod generator;
pub mod heap;
mod interp;
pub mod interrupt;
mod keys;
mod matching;
mod methods;
mod modules;
pub mod native;
mod ops;
mod recycle;
mod repr;
mod scope;
mod slots;
mod subclass;
mod suggest;
mod syntax;
mod teardown;
pub mod text;
mod traceback;
mod value;

pub use api::{PyException, RunError};
pub use builtins::{builtin, builtin_holding};
pub use cli::{CLI_STACK_SIZE, ProgramRun, run_program};
pub use dict::Dict;
pub use fork::ForkRefused;
pub use interp::{
    Exc, HostConfig, Interp, Interp as Interpreter, LineEvent, ModuleFactory, Observer, PyResult,
};
pub use modules::binascii;
pub use modules::json::EncodeBudget;
pub use modules::make_module;
pub use syntax::SyntaxErrorInfo;
pub use teardown::Teardown;
pub use traceback::FrameSpan;
pub use value::{Args, Class, Instance, NativeFn, NativeObject, Value};

#[cfg(test)]
mod deep_tests;
#[cfg(test)]
mod tests;
