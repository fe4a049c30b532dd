//! Local variables in numbered slots instead of a namespace dict, for the functions that allow it.
//!
//! Every local name of a function is known when it is defined (`scope`), so CPython keeps them in
//! an array and compiles each use to an index. The evaluator does the same for functions whose
//! locals nothing else can see: no nested `def`, `lambda`, class or comprehension (which would
//! capture the namespace as a closure) and no `yield` (a generator's frame outlives the call).
//! Such a function gets a [`FastLayout`] (slot `i` holds the variable `names[i]`; the positional
//! parameters come first, in order), and each `Name` node of its body is annotated with its slot
//! when the function is first defined, so reading `session` in the body is an index into a
//! vector: no hashing, no string comparison.
//!
//! The annotation is stored in the node's `node_index`, a field ruff's AST carries for tools that
//! number nodes and that its parser leaves unset; this interpreter uses it for nothing else. A
//! node belongs to exactly one function body, so its slot is the same for every call. A node
//! without an annotation still works: every access by name goes through [`FastLayout::slot`].
//! Functions that do not qualify keep the namespace dict (closures share it).

use std::rc::Rc;

use ast::visitor::{Visitor, walk_expr, walk_stmt};
use ast::{Expr, Stmt};
use rustpython_ruff_python_ast as ast;

/// The annotation of a name that is not a local of its function (a global, builtin or free
/// variable): lookups skip the slots. Slot numbers are far below it.
const NOT_LOCAL: u32 = 1 << 24;

/// Where a `Name` node's variable lives, as annotated.
pub enum Site {
    /// Not annotated (the node is not in a function with slots).
    Unknown,
    /// The local variable in this slot.
    Slot(usize),
    /// A global, builtin or free variable.
    NotLocal,
}

/// The slots of a function's local variables.
#[derive(Debug)]
pub struct FastLayout {
    /// The variable of each slot.
    pub names: Vec<Rc<str>>,
    index: std::collections::HashMap<Rc<str>, usize, rustc_hash::FxBuildHasher>,
}

impl FastLayout {
    /// The slot of a local variable, by name.
    #[inline]
    pub fn slot(&self, name: &str) -> Option<usize> {
        if self.names.len() <= 8 {
            return self.names.iter().position(|n| &**n == name);
        }
        self.index.get(name).copied()
    }

    /// Number of slots.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// The layout for a function whose body (or lambda expression) qualifies, with the body's
/// `Name` nodes annotated; `None` (nothing annotated) when it does not. `ordered` lists the
/// local names the scope analysis found, positional parameters first; `declared` says whether
/// a name is declared `global` or `nonlocal` (never a local).
pub fn layout_for(
    body: Body<'_>,
    mut ordered: Vec<Rc<str>>,
    declared: &dyn Fn(&str) -> bool,
) -> Option<FastLayout> {
    let mut check = Qualifies {
        ok: true,
        stored: Vec::new(),
    };
    match body {
        Body::Stmts(stmts) => stmts.iter().for_each(|s| check.visit_stmt(s)),
        Body::Expr(e) => check.visit_expr(e),
    }
    if !check.ok {
        return None;
    }
    // Every name the body assigns or deletes is a local unless declared otherwise, wherever the
    // assignment hides (a walrus inside a dict display, an assert...): give each a slot.
    for name in check.stored {
        if !declared(name) && !ordered.iter().any(|n| &**n == name) {
            ordered.push(Rc::from(name));
        }
    }
    if ordered.len() >= NOT_LOCAL as usize {
        return None;
    }
    let index = ordered
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i))
        .collect();
    let layout = FastLayout {
        names: ordered,
        index,
    };
    let mut annotate = Annotate(&layout);
    match body {
        Body::Stmts(stmts) => stmts.iter().for_each(|s| annotate.visit_stmt(s)),
        Body::Expr(e) => annotate.visit_expr(e),
    }
    Some(layout)
}

/// What a function runs: a `def` body or a lambda's expression.
#[derive(Clone, Copy)]
pub enum Body<'a> {
    /// A `def` body.
    Stmts(&'a [Stmt]),
    /// A `lambda` expression.
    Expr(&'a Expr),
}

/// The annotation of a `Name` node. (Forced inline: the shipped build optimises for size and
/// would otherwise call this for every variable read.)
#[inline(always)]
pub fn site(n: &ast::ExprName) -> Site {
    match n.node_index.load().as_u32() {
        None => Site::Unknown,
        Some(NOT_LOCAL) => Site::NotLocal,
        Some(i) => Site::Slot(i as usize),
    }
}

/// Finds what would make a function's locals visible outside its call, and the names the body
/// binds through `Name` targets.
struct Qualifies<'a> {
    ok: bool,
    stored: Vec<&'a str>,
}

impl<'a> Visitor<'a> for Qualifies<'a> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        match s {
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => self.ok = false,
            _ if self.ok => walk_stmt(self, s),
            _ => {}
        }
    }
    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Lambda(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Await(_) => self.ok = false,
            Expr::Name(n) if !matches!(n.ctx, ast::ExprContext::Load) => {
                self.stored.push(n.id.as_str());
            }
            _ if self.ok => walk_expr(self, e),
            _ => {}
        }
    }
}

/// Writes each `Name` node's slot (or [`NOT_LOCAL`]) into it.
struct Annotate<'l>(&'l FastLayout);

impl<'a> Visitor<'a> for Annotate<'_> {
    fn visit_expr(&mut self, e: &'a Expr) {
        if let Expr::Name(n) = e {
            let mark = match self.0.slot(n.id.as_str()) {
                Some(i) => i as u32,
                None => NOT_LOCAL,
            };
            n.node_index.set(ast::NodeIndex::from(mark));
        }
        walk_expr(self, e);
    }
}
