//! What `globals()` and `locals()` return: the running frame's namespaces as `dict`s.
//!
//! Both need the calling frame, which a built-in function does not see (frames live on the Rust
//! stack of the evaluator), so the evaluator answers a call of the built-in `globals` or
//! `locals` (or `vars` or `dir` without an argument) itself (`eval_call`) through [`Interp::frame_namespace`].
//!
//! - `globals()` is the module namespace itself: an [`Env`] is the very `RefCell<Dict>` a `dict`
//!   value holds, so the dict is live both ways, as in CPython (`globals()['x'] = 1` binds `x`).
//! - `locals()` at module level is `globals()`; in a class body it is the class namespace (live,
//!   as in CPython: `locals()['b'] = 2` makes a class attribute).
//! - `locals()` in a function is CPython 3.11's `f_locals`: one dict per frame, refreshed from the
//!   variables on every call and returned again (so `d = locals(); y = 1; locals()` updates
//!   `d`), whose writes never reach the variables. Its keys come in CPython's `co_localsplusnames`
//!   order: the parameters and other locals (first appearance), then the cell variables that are
//!   not parameters (locals a nested scope reads; sorted), then the free variables (sorted).
//!   Unbound variables are left out (and removed when they become unbound). Cell and free
//!   variables are found here by walking the function's syntax tree, which only happens when
//!   `locals()` is called.
//! - In a comprehension or generator expression, `locals()` holds its hidden iterator `.0` and
//!   its targets, in binding order. Deliberate gap: a comprehension's free variables (names of an
//!   enclosing function it reads) are left out; CPython lists them too.

use std::cell::RefCell;
use std::rc::Rc;

use ast::visitor::{Visitor, walk_expr, walk_stmt};
use ast::{Expr, Stmt};
use rustpython_ruff_python_ast as ast;

use super::dict::Dict;
use super::eval::{Frame, FrameKind};
use super::interp::Interp;
use super::scope::{NameSet, ScopeInfo};
use super::value::*;

/// Which namespace a call asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// `globals()`.
    Globals,
    /// `locals()`.
    Locals,
    /// `vars()` without an argument: `locals()`.
    Vars,
    /// `dir()` without an argument: the sorted names of `locals()`.
    Dir,
}

impl Interp {
    /// The dict `globals()` or `locals()` returns in frame `f`.
    pub(crate) fn frame_namespace(&mut self, f: &mut Frame, which: Which) -> Value {
        if which == Which::Globals {
            return Value::Dict(f.globals.clone());
        }
        match f.kind {
            FrameKind::Module | FrameKind::Class => Value::Dict(f.locals.clone()),
            FrameKind::Function => {
                let variables = if f.is_comprehension {
                    f.locals
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k, Some(v)))
                        .collect()
                } else {
                    function_variables(f)
                };
                let dict = match &f.locals_dict {
                    Some(d) => d.clone(),
                    None => {
                        let d: Rc<Env> = Rc::new(RefCell::new(Dict::new()));
                        // The dict usually ends up holding itself (`d = locals()`, then
                        // `locals()` again): let the teardown find that cycle.
                        if let Ok(mut t) = self.tracked.try_borrow_mut() {
                            t.env(&d);
                        }
                        f.locals_dict = Some(d.clone());
                        d
                    }
                };
                refresh(&dict, variables);
                Value::Dict(dict)
            }
        }
    }
}

/// Write the variables into the frame's locals dict: bound ones set (a known key keeps its
/// place), unbound ones removed; keys the program added itself stay.
fn refresh(dict: &Env, variables: Vec<(Value, Option<Value>)>) {
    let Ok(mut d) = dict.try_borrow_mut() else {
        return;
    };
    for (name, value) in variables {
        let Value::Str(name) = &name else { continue };
        match value {
            Some(v) => d.set_str(name, v),
            None => {
                d.remove_str(name);
            }
        }
    }
}

/// A function frame's variables in `co_localsplusnames` order, each with its value if bound.
fn function_variables(f: &Frame) -> Vec<(Value, Option<Value>)> {
    let Some(scope) = &f.scope else {
        return Vec::new();
    };
    let mut names: Vec<Rc<str>> = match &scope.fast {
        Some(layout) => layout.names.clone(),
        None => scope.order.clone(),
    };
    if scope.fast.is_none() {
        // A name the static analysis missed still lives in the namespace.
        for k in f.locals.borrow().keys() {
            if let Value::Str(k) = &k
                && !names.contains(k)
            {
                names.push(k.clone());
            }
        }
    }
    let (cells, free) = match f.function.as_ref() {
        Some(func) => cells_and_free(func, scope, f.closure.as_ref()),
        None => (Vec::new(), Vec::new()),
    };
    let params = param_count(f.function.as_deref());
    let moved = |n: &Rc<str>| cells.iter().any(|c| c == n);
    let mut out = Vec::with_capacity(names.len() + free.len());
    let local_value = |i: usize, name: &str| match (&f.fast, &scope.fast) {
        (Some(slots), Some(_)) => slots.get(i).cloned().flatten(),
        _ => f.locals.get(name),
    };
    for (i, name) in names.iter().enumerate() {
        if i >= params && moved(name) {
            continue;
        }
        out.push((Value::Str(name.clone()), local_value(i, name)));
    }
    for cell in &cells {
        if let Some(i) = names.iter().position(|n| n == cell)
            && i >= params
        {
            out.push((Value::Str(cell.clone()), local_value(i, cell)));
        }
    }
    for name in free {
        let value = free_value(f.closure.as_ref(), &name);
        out.push((Value::Str(name), value));
    }
    out
}

/// Number of parameters (they keep their place even when a nested scope reads them).
fn param_count(func: Option<&Function>) -> usize {
    let Some(p) = func.and_then(|func| func.def.parameters()) else {
        return 0;
    };
    p.posonlyargs.len()
        + p.args.len()
        + p.kwonlyargs.len()
        + usize::from(p.vararg.is_some())
        + usize::from(p.kwarg.is_some())
}

/// The value of a free variable: the nearest enclosing function scope binding it.
fn free_value(closure: Option<&Rc<EnvChain>>, name: &str) -> Option<Value> {
    let mut chain = closure;
    while let Some(c) = chain {
        if c.scope.locals.contains(name) {
            return c.env.get(name);
        }
        chain = c.parent.as_ref();
    }
    None
}

/// Whether an enclosing function scope binds `name` (before a `global` declaration hides it).
fn enclosing_binds(closure: Option<&Rc<EnvChain>>, name: &str) -> bool {
    let mut chain = closure;
    while let Some(c) = chain {
        if c.scope.globals.contains(name) {
            return false;
        }
        if c.scope.locals.contains(name) {
            return true;
        }
        chain = c.parent.as_ref();
    }
    false
}

/// The cell variables (locals a nested scope reads) and free variables (names of enclosing
/// function scopes this one uses) of a function, each sorted, as CPython's compiler orders them.
fn cells_and_free(
    func: &Function,
    scope: &ScopeInfo,
    closure: Option<&Rc<EnvChain>>,
) -> (Vec<Rc<str>>, Vec<Rc<str>>) {
    let mut uses = Uses::default();
    match &func.def {
        FuncDef::Def(d) => d.body.iter().for_each(|s| uses.visit_stmt(s)),
        FuncDef::Lambda(l) => uses.visit_expr(&l.body),
    }
    let mut cells: Vec<Rc<str>> = uses
        .nested
        .iter()
        .filter(|n| scope.locals.contains(*n))
        .map(|n| Rc::from(n.as_str()))
        .collect();
    let mut free: Vec<Rc<str>> = uses
        .own
        .iter()
        .chain(uses.nested.iter().filter(|n| !uses.own.contains(*n)))
        .filter(|n| !scope.locals.contains(*n) && !scope.globals.contains(*n))
        .filter(|n| scope.nonlocals.contains(*n) || enclosing_binds(closure, n))
        .map(|n| Rc::from(n.as_str()))
        .collect();
    crate::text::order::sort(&mut cells);
    crate::text::order::sort(&mut free);
    (cells, free)
}

/// The names a scope's own code uses (`own`), and the names scopes nested in it leave free
/// (`nested`), which resolve in this scope or further out.
#[derive(Default)]
struct Uses {
    own: NameSet,
    nested: NameSet,
}

impl Uses {
    /// Free names of a nested function or lambda.
    fn nested_function(&mut self, params: Option<&ast::Parameters>, body: Result<&[Stmt], &Expr>) {
        let info = match body {
            Ok(stmts) => ScopeInfo::for_function(params, stmts),
            Err(e) => ScopeInfo::for_lambda(params, e),
        };
        let mut inner = Uses::default();
        match body {
            Ok(stmts) => stmts.iter().for_each(|s| inner.visit_stmt(s)),
            Err(e) => inner.visit_expr(e),
        }
        for n in inner.own.into_iter().chain(inner.nested) {
            if !info.locals.contains(&n) && !info.globals.contains(&n) {
                self.nested.insert(n);
            }
        }
    }

    /// Free names of a comprehension (its first iterable is evaluated out here).
    fn comprehension(&mut self, generators: &[ast::Comprehension], elements: &[&Expr]) {
        let info = ScopeInfo::for_comprehension(generators);
        let mut inner = Uses::default();
        for (i, g) in generators.iter().enumerate() {
            if i == 0 {
                self.visit_expr(&g.iter);
            } else {
                inner.visit_expr(&g.iter);
            }
            inner.visit_expr(&g.target);
            g.ifs.iter().for_each(|e| inner.visit_expr(e));
        }
        elements.iter().for_each(|e| inner.visit_expr(e));
        for n in inner.own.into_iter().chain(inner.nested) {
            if !info.locals.contains(&n) {
                self.nested.insert(n);
            }
        }
    }
}

impl<'a> Visitor<'a> for Uses {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::FunctionDef(d) => {
                // Decorators, defaults and annotations run in this scope.
                d.decorator_list
                    .iter()
                    .for_each(|dec| self.visit_expr(&dec.expression));
                for p in d.parameters.iter() {
                    if let Some(default) = p.default() {
                        self.visit_expr(default);
                    }
                }
                self.nested_function(Some(&d.parameters), Ok(&d.body));
            }
            Stmt::ClassDef(c) => {
                c.decorator_list
                    .iter()
                    .for_each(|dec| self.visit_expr(&dec.expression));
                if let Some(args) = &c.arguments {
                    args.args.iter().for_each(|e| self.visit_expr(e));
                    args.keywords.iter().for_each(|k| self.visit_expr(&k.value));
                }
                // A class body's own names are its attributes; scopes nested in it skip it.
                let bound = ScopeInfo::for_function(None, &c.body).locals;
                let mut inner = Uses::default();
                c.body.iter().for_each(|s| inner.visit_stmt(s));
                self.nested
                    .extend(inner.own.into_iter().filter(|n| !bound.contains(n)));
                self.nested.extend(inner.nested);
            }
            Stmt::Nonlocal(n) => self.own.extend(n.names.iter().map(|n| n.id.to_string())),
            _ => walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Name(n) => {
                self.own.insert(n.id.to_string());
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for p in p.iter() {
                        if let Some(default) = p.default() {
                            self.visit_expr(default);
                        }
                    }
                }
                self.nested_function(l.parameters.as_deref(), Err(&l.body));
            }
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => self.comprehension(&c.generators, &[&c.key, &c.value]),
            _ => walk_expr(self, e),
        }
    }
}
