//! Static scope analysis: which names a function body binds locally.
//!
//! Python decides at compile time that a name assigned anywhere in a function is local to it
//! (hence `UnboundLocalError` when it is read before the assignment), unless declared `global` or
//! `nonlocal`. This walks a body once per definition (cached by node address) and records that.

/// A fast set of names (FxHash: names are short and trusted to be few).
pub type NameSet = std::collections::HashSet<String, rustc_hash::FxBuildHasher>;

use ast::{Expr, Stmt};
use rustpython_ruff_python_ast as ast;

/// Names and declarations of one function (or comprehension) scope.
#[derive(Default, Debug)]
pub struct ScopeInfo {
    /// Names bound in this scope (parameters included), minus global/nonlocal ones.
    pub locals: NameSet,
    /// Names declared `global`.
    pub globals: NameSet,
    /// Names declared `nonlocal`.
    pub nonlocals: NameSet,
    /// Whether the body contains `yield` (the function is a generator).
    pub is_generator: bool,
    /// Names of the positional parameters in order, shared so that binding a call's arguments
    /// does not allocate them.
    pub positional: Vec<std::rc::Rc<str>>,
    /// The local names in slot order: positional parameters first, then the others in the order
    /// they first appear (CPython's `co_varnames` order).
    pub order: Vec<std::rc::Rc<str>>,
    /// The slots of the locals when the function keeps them in a vector (see `fast_locals`).
    pub fast: Option<super::fast_locals::FastLayout>,
}

impl ScopeInfo {
    /// Analyse a function: its parameters and body.
    pub fn for_function(params: Option<&ast::Parameters>, body: &[Stmt]) -> ScopeInfo {
        let mut info = ScopeInfo::default();
        let mut bound = Vec::new();
        if let Some(p) = params {
            info.positional = p
                .posonlyargs
                .iter()
                .chain(&p.args)
                .map(|a| std::rc::Rc::from(a.parameter.name.id.as_str()))
                .collect();
            for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
                bound.push(a.parameter.name.id.to_string());
            }
            if let Some(v) = &p.vararg {
                bound.push(v.name.id.to_string());
            }
            if let Some(v) = &p.kwarg {
                bound.push(v.name.id.to_string());
            }
        }
        for s in body {
            collect_stmt(s, &mut bound, &mut info);
        }
        info.order = info.positional.clone();
        for b in bound {
            if !info.globals.contains(&b) && !info.nonlocals.contains(&b) {
                info.add_local(b);
            }
        }
        info
    }
    /// Record a local name (once, keeping first-appearance order).
    fn add_local(&mut self, name: String) {
        if !self.order.iter().any(|n| **n == *name) {
            self.order.push(std::rc::Rc::from(name.as_str()));
        }
        self.locals.insert(name);
    }
    /// Analyse a lambda (its body is one expression).
    pub fn for_lambda(params: Option<&ast::Parameters>, body: &Expr) -> ScopeInfo {
        let mut info = ScopeInfo::for_function(params, &[]);
        let mut bound = Vec::new();
        collect_expr(body, &mut bound);
        for b in bound {
            info.add_local(b);
        }
        info
    }
    /// Analyse a comprehension: its loop targets.
    pub fn for_comprehension(generators: &[ast::Comprehension]) -> ScopeInfo {
        let mut info = ScopeInfo::default();
        let mut bound = Vec::new();
        for g in generators {
            collect_target(&g.target, &mut bound);
        }
        info.locals.extend(bound);
        info
    }
}

/// Names bound by an assignment target.
pub fn collect_target(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Name(n) => out.push(n.id.to_string()),
        Expr::Tuple(t) => t.elts.iter().for_each(|x| collect_target(x, out)),
        Expr::List(t) => t.elts.iter().for_each(|x| collect_target(x, out)),
        Expr::Starred(s) => collect_target(&s.value, out),
        _ => collect_expr(e, out),
    }
}

/// Walrus targets inside an expression (they bind in the enclosing function).
fn collect_expr(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Named(n) => {
            collect_target(&n.target, out);
            collect_expr(&n.value, out);
        }
        Expr::BoolOp(b) => b.values.iter().for_each(|x| collect_expr(x, out)),
        Expr::BinOp(b) => {
            collect_expr(&b.left, out);
            collect_expr(&b.right, out);
        }
        Expr::UnaryOp(u) => collect_expr(&u.operand, out),
        Expr::If(i) => {
            collect_expr(&i.test, out);
            collect_expr(&i.body, out);
            collect_expr(&i.orelse, out);
        }
        Expr::Compare(c) => {
            collect_expr(&c.left, out);
            c.comparators.iter().for_each(|x| collect_expr(x, out));
        }
        Expr::Call(c) => {
            collect_expr(&c.func, out);
            c.arguments.args.iter().for_each(|x| collect_expr(x, out));
            c.arguments
                .keywords
                .iter()
                .for_each(|k| collect_expr(&k.value, out));
        }
        Expr::ListComp(c) => c
            .generators
            .iter()
            .for_each(|g| g.ifs.iter().for_each(|x| collect_expr(x, out))),
        Expr::Tuple(t) => t.elts.iter().for_each(|x| collect_expr(x, out)),
        Expr::List(t) => t.elts.iter().for_each(|x| collect_expr(x, out)),
        Expr::Subscript(s) => {
            collect_expr(&s.value, out);
            collect_expr(&s.slice, out);
        }
        Expr::Attribute(a) => collect_expr(&a.value, out),
        _ => {}
    }
}

fn collect_body(body: &[Stmt], out: &mut Vec<String>, info: &mut ScopeInfo) {
    for s in body {
        collect_stmt(s, out, info);
    }
}

fn collect_stmt(s: &Stmt, out: &mut Vec<String>, info: &mut ScopeInfo) {
    match s {
        Stmt::FunctionDef(f) => out.push(f.name.id.to_string()),
        Stmt::ClassDef(c) => out.push(c.name.id.to_string()),
        Stmt::Assign(a) => {
            a.targets.iter().for_each(|t| collect_target(t, out));
            collect_expr(&a.value, out);
        }
        Stmt::AugAssign(a) => collect_target(&a.target, out),
        Stmt::AnnAssign(a) if a.value.is_some() => collect_target(&a.target, out),
        Stmt::For(f) => {
            collect_target(&f.target, out);
            collect_body(&f.body, out, info);
            collect_body(&f.orelse, out, info);
        }
        Stmt::While(w) => {
            collect_expr(&w.test, out);
            collect_body(&w.body, out, info);
            collect_body(&w.orelse, out, info);
        }
        Stmt::If(i) => {
            collect_expr(&i.test, out);
            collect_body(&i.body, out, info);
            for c in &i.elif_else_clauses {
                if let Some(t) = &c.test {
                    collect_expr(t, out);
                }
                collect_body(&c.body, out, info);
            }
        }
        Stmt::With(w) => {
            for item in &w.items {
                if let Some(v) = &item.optional_vars {
                    collect_target(v, out);
                }
            }
            collect_body(&w.body, out, info);
        }
        Stmt::Try(t) => {
            collect_body(&t.body, out, info);
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(n) = &h.name {
                    out.push(n.id.to_string());
                }
                collect_body(&h.body, out, info);
            }
            collect_body(&t.orelse, out, info);
            collect_body(&t.finalbody, out, info);
        }
        Stmt::Import(i) => {
            for a in &i.names {
                let name = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                out.push(name.split('.').next().unwrap_or("").to_string());
            }
        }
        Stmt::ImportFrom(i) => {
            for a in &i.names {
                out.push(a.asname.as_ref().unwrap_or(&a.name).id.to_string());
            }
        }
        Stmt::Global(g) => g.names.iter().for_each(|n| {
            info.globals.insert(n.id.to_string());
        }),
        Stmt::Nonlocal(g) => g.names.iter().for_each(|n| {
            info.nonlocals.insert(n.id.to_string());
        }),
        Stmt::Delete(d) => d.targets.iter().for_each(|t| collect_target(t, out)),
        Stmt::Expr(e) => collect_expr(&e.value, out),
        Stmt::Return(r) => {
            if let Some(v) = &r.value {
                collect_expr(v, out)
            }
        }
        Stmt::Match(m) => {
            collect_expr(&m.subject, out);
            for c in &m.cases {
                collect_pattern(&c.pattern, out);
                if let Some(g) = &c.guard {
                    collect_expr(g, out);
                }
                collect_body(&c.body, out, info);
            }
        }
        _ => {}
    }
}

/// Names a `case` pattern captures.
fn collect_pattern(p: &ast::Pattern, out: &mut Vec<String>) {
    use ast::Pattern;
    match p {
        Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
        Pattern::MatchStar(s) => out.extend(s.name.as_ref().map(|n| n.id.to_string())),
        Pattern::MatchAs(a) => {
            if let Some(inner) = &a.pattern {
                collect_pattern(inner, out);
            }
            out.extend(a.name.as_ref().map(|n| n.id.to_string()));
        }
        Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| collect_pattern(p, out)),
        Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| collect_pattern(p, out)),
        Pattern::MatchMapping(m) => {
            m.patterns.iter().for_each(|p| collect_pattern(p, out));
            out.extend(m.rest.as_ref().map(|n| n.id.to_string()));
        }
        Pattern::MatchClass(c) => {
            c.arguments
                .patterns
                .iter()
                .for_each(|p| collect_pattern(p, out));
            c.arguments
                .keywords
                .iter()
                .for_each(|k| collect_pattern(&k.pattern, out));
        }
    }
}

/// Whether a function body contains `yield` outside nested functions and classes.
pub fn body_yields(body: &[Stmt]) -> bool {
    body.iter().any(stmt_yields)
}

fn expr_yields(e: &Expr) -> bool {
    match e {
        Expr::Yield(_) | Expr::YieldFrom(_) => true,
        Expr::Named(n) => expr_yields(&n.value),
        Expr::Call(c) => c.arguments.args.iter().any(expr_yields),
        Expr::Tuple(t) => t.elts.iter().any(expr_yields),
        _ => false,
    }
}

fn stmt_yields(s: &Stmt) -> bool {
    match s {
        Stmt::Expr(e) => expr_yields(&e.value),
        Stmt::Assign(a) => expr_yields(&a.value),
        Stmt::AugAssign(a) => expr_yields(&a.value),
        Stmt::Return(r) => r.value.as_deref().map(expr_yields).unwrap_or(false),
        Stmt::For(f) => body_yields(&f.body) || body_yields(&f.orelse),
        Stmt::While(w) => body_yields(&w.body) || body_yields(&w.orelse),
        Stmt::If(i) => {
            body_yields(&i.body) || i.elif_else_clauses.iter().any(|c| body_yields(&c.body))
        }
        Stmt::With(w) => body_yields(&w.body),
        Stmt::Match(m) => m.cases.iter().any(|c| body_yields(&c.body)),
        Stmt::Try(t) => {
            body_yields(&t.body)
                || body_yields(&t.orelse)
                || body_yields(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    body_yields(&h.body)
                })
        }
        _ => false,
    }
}
