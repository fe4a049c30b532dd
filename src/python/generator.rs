//! Lazy generators and generator expressions.
//!
//! The evaluator recurses on the Rust stack, so it cannot suspend in the middle of a function.
//! A generator body is therefore driven by a small resumable executor: an explicit stack of
//! cursors (statement blocks, `for`/`while` loops, `yield from` delegation) that can stop at a
//! `yield` and continue later. Statements that contain no `yield` run through the ordinary
//! evaluator. `yield` is supported as a statement (`yield x`, `x = yield y`, `yield from it`,
//! `r = yield from it`) inside `if`/`for`/`while` blocks at any depth; a `yield` nested inside
//! `try`/`with` or deeper inside an expression raises a clear "not supported in the playground"
//! error instead of misbehaving.

use std::cell::RefCell;
use std::rc::Rc;

use ast::{Expr, Stmt};
use rustpython_ruff_python_ast as ast;
use rustpython_ruff_text_size::Ranged;

use super::ast_ref::AstRef;
use super::eval::{Flow, Frame};
use super::interp::{Interp, PyResult};
use super::value::*;

enum Cursor {
    Block {
        body: AstRef<Vec<Stmt>>,
        idx: usize,
    },
    For {
        stmt: AstRef<ast::StmtFor>,
        iter: Value,
    },
    While {
        stmt: AstRef<ast::StmtWhile>,
    },
    YieldFrom {
        iter: Value,
        targets: Option<AstRef<Vec<Expr>>>,
    },
}

struct GenState {
    frame: Frame,
    stack: Vec<Cursor>,
    /// Targets waiting for the value sent into the current `x = yield` (if any).
    pending: Option<AstRef<Vec<Expr>>>,
    finished: bool,
    running: bool,
}

/// A generator object (`def` with `yield`, called).
pub struct Generator {
    /// The value the body returned (for `StopIteration.value`).
    returned: RefCell<Value>,
    name: String,
    state: RefCell<GenState>,
}

fn contains_yield(s: &Stmt) -> bool {
    super::scope::body_yields(std::slice::from_ref(s))
}

impl Generator {
    /// A generator that will run `body` in `frame`.
    pub fn new(name: &str, frame: Frame, body: AstRef<Vec<Stmt>>) -> Generator {
        Generator {
            returned: RefCell::new(Value::None),
            name: name.to_string(),
            state: RefCell::new(GenState {
                frame,
                stack: vec![Cursor::Block { body, idx: 0 }],
                pending: None,
                finished: false,
                running: false,
            }),
        }
    }

    /// Resume with a value for the pending `yield` expression; `Ok(None)` when the generator
    /// returned (its return value is raised as StopIteration by the caller).
    fn resume(&self, it: &mut Interp, sent: Value) -> PyResult<Result<Value, Value>> {
        let mut st = match self.state.try_borrow_mut() {
            Ok(s) => s,
            Err(_) => return Err(it.value_error("generator already executing")),
        };
        if st.finished {
            return Ok(Err(Value::None));
        }
        if st.running {
            return Err(it.value_error("generator already executing"));
        }
        st.running = true;
        if it.depth + 1 >= it.config.recursion_limit {
            st.running = false;
            return Err(it.err("RecursionError", "maximum recursion depth exceeded"));
        }
        it.depth += 1;
        let r = self.run(it, &mut st, sent);
        it.depth -= 1;
        st.running = false;
        match r {
            Ok(Ok(v)) => Ok(Ok(v)),
            Ok(Err(ret)) => {
                st.finished = true;
                st.stack.clear();
                *self.returned.borrow_mut() = ret.clone();
                Ok(Err(ret))
            }
            Err(e) => {
                st.finished = true;
                st.stack.clear();
                Err(it.commit_tb(e, &st.frame))
            }
        }
    }

    fn run(
        &self,
        it: &mut Interp,
        st: &mut GenState,
        sent: Value,
    ) -> PyResult<Result<Value, Value>> {
        let GenState {
            frame,
            stack,
            pending,
            ..
        } = st;
        if let Some(targets) = pending.take() {
            for t in targets.iter() {
                it.assign(frame, t, sent.clone())?;
            }
        }
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(Err(Value::None));
            };
            match top {
                Cursor::Block { body, idx } => {
                    let body = body.clone();
                    let Some(s) = body.get(*idx) else {
                        stack.pop();
                        continue;
                    };
                    *idx += 1;
                    let sref = AstRef::new(body.owner(), s);
                    if !contains_yield(s) {
                        match it.exec_stmt_pub(frame, s)? {
                            Flow::Normal => {}
                            Flow::Return(v) => return Ok(Err(v)),
                            Flow::Break => {
                                while let Some(c) = stack.pop() {
                                    if matches!(c, Cursor::For { .. } | Cursor::While { .. }) {
                                        break;
                                    }
                                }
                            }
                            Flow::Continue => {
                                while let Some(c) = stack.last() {
                                    if matches!(c, Cursor::For { .. } | Cursor::While { .. }) {
                                        break;
                                    }
                                    stack.pop();
                                }
                            }
                        }
                        continue;
                    }
                    it.step()?;
                    frame.stmt_range = (s.range().start().to_u32(), s.range().end().to_u32());
                    let range = frame.stmt_range;
                    match &*sref {
                        Stmt::Expr(e) => match &*e.value {
                            Expr::Yield(y) => {
                                let v = match &y.value {
                                    Some(v) => it.eval(frame, v)?,
                                    None => Value::None,
                                };
                                return Ok(Ok(v));
                            }
                            Expr::YieldFrom(y) => {
                                let src = it.eval(frame, &y.value)?;
                                let iter = it.iter(&src)?;
                                stack.push(Cursor::YieldFrom {
                                    iter,
                                    targets: None,
                                });
                            }
                            _ => return Err(unsupported(it, range)),
                        },
                        Stmt::Assign(a) => match &*a.value {
                            Expr::Yield(y) => {
                                let v = match &y.value {
                                    Some(v) => it.eval(frame, v)?,
                                    None => Value::None,
                                };
                                *pending = Some(AstRef::new(body.owner(), &a.targets));
                                return Ok(Ok(v));
                            }
                            Expr::YieldFrom(y) => {
                                let src = it.eval(frame, &y.value)?;
                                let iter = it.iter(&src)?;
                                stack.push(Cursor::YieldFrom {
                                    iter,
                                    targets: Some(AstRef::new(body.owner(), &a.targets)),
                                });
                            }
                            _ => return Err(unsupported(it, range)),
                        },
                        Stmt::For(fs) => {
                            let src = it.eval(frame, &fs.iter)?;
                            let iter = it.iter(&src)?;
                            stack.push(Cursor::For {
                                stmt: AstRef::new(body.owner(), fs),
                                iter,
                            });
                        }
                        Stmt::While(w) => stack.push(Cursor::While {
                            stmt: AstRef::new(body.owner(), w),
                        }),
                        Stmt::If(i) => {
                            let t = it.eval(frame, &i.test)?;
                            if it.truthy(&t)? {
                                stack.push(Cursor::Block {
                                    body: AstRef::new(body.owner(), &i.body),
                                    idx: 0,
                                });
                            } else {
                                for c in &i.elif_else_clauses {
                                    let take = match &c.test {
                                        Some(test) => {
                                            let t = it.eval(frame, test)?;
                                            it.truthy(&t)?
                                        }
                                        None => true,
                                    };
                                    if take {
                                        stack.push(Cursor::Block {
                                            body: AstRef::new(body.owner(), &c.body),
                                            idx: 0,
                                        });
                                        break;
                                    }
                                }
                            }
                        }
                        Stmt::Match(m) => {
                            if let Some(case) = it.select_case(frame, m)? {
                                stack.push(Cursor::Block {
                                    body: AstRef::new(body.owner(), &case.body),
                                    idx: 0,
                                });
                            }
                        }
                        _ => return Err(unsupported(it, range)),
                    }
                }
                Cursor::For { stmt, iter } => {
                    let (stmt, iter) = (stmt.clone(), iter.clone());
                    match it.next(&iter)? {
                        Some(item) => {
                            it.assign(frame, &stmt.target, item)?;
                            stack.push(Cursor::Block {
                                body: AstRef::new(stmt.owner(), &stmt.body),
                                idx: 0,
                            });
                        }
                        None => {
                            stack.pop();
                            stack.push(Cursor::Block {
                                body: AstRef::new(stmt.owner(), &stmt.orelse),
                                idx: 0,
                            });
                        }
                    }
                }
                Cursor::While { stmt } => {
                    let stmt = stmt.clone();
                    it.step()?;
                    let t = it.eval(frame, &stmt.test)?;
                    if it.truthy(&t)? {
                        stack.push(Cursor::Block {
                            body: AstRef::new(stmt.owner(), &stmt.body),
                            idx: 0,
                        });
                    } else {
                        stack.pop();
                        stack.push(Cursor::Block {
                            body: AstRef::new(stmt.owner(), &stmt.orelse),
                            idx: 0,
                        });
                    }
                }
                Cursor::YieldFrom { iter, targets } => {
                    let iter = iter.clone();
                    match next_with_return(it, &iter)? {
                        Ok(v) => return Ok(Ok(v)),
                        Err(ret) => {
                            let targets = targets.clone();
                            stack.pop();
                            if let Some(ts) = targets {
                                for t in ts.iter() {
                                    it.assign(frame, t, ret.clone())?;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn unsupported(it: &Interp, _range: (u32, u32)) -> Box<super::interp::Exc> {
    it.err(
        "SyntaxError",
        "this use of 'yield' (inside try/with or an expression) is not supported in the playground",
    )
}

/// Advance an iterator, distinguishing a generator's return value.
fn next_with_return(it: &mut Interp, iter: &Value) -> PyResult<Result<Value, Value>> {
    if let Value::Native(n) = iter
        && let Some(g) = n.as_any().downcast_ref::<Generator>()
    {
        return g.resume(it, Value::None);
    }
    Ok(it.next(iter)?.ok_or(Value::None))
}

impl Generator {
    fn stop_iteration(&self, it: &Interp, ret: Value) -> Box<super::interp::Exc> {
        let args = if matches!(ret, Value::None) {
            vec![]
        } else {
            vec![ret.clone()]
        };
        let e = it.new_exception(it.ty("StopIteration"), args);
        if let Value::Instance(i) = &e {
            i.attrs.borrow_mut().set_str("value", ret);
        }
        it.raise_value(e)
    }
}

impl NativeObject for Generator {
    fn teardown(&self, t: &mut super::teardown::Teardown) {
        if let Ok(mut r) = self.returned.try_borrow_mut() {
            t.value(&std::mem::replace(&mut *r, Value::None));
        }
        let Ok(mut st) = self.state.try_borrow_mut() else {
            return;
        };
        t.frame(&st.frame);
        for cursor in std::mem::take(&mut st.stack) {
            if let Cursor::For { iter, .. } | Cursor::YieldFrom { iter, .. } = cursor {
                t.value(&iter);
            }
        }
    }
    fn type_name(&self) -> String {
        "generator".into()
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next_item(&self, it: &mut Interp) -> PyResult<Option<Value>> {
        Ok(self.resume(it, Value::None)?.ok())
    }
    fn get_attr(&self, _it: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let _ = name;
        Ok(None)
    }
    fn repr(&self, _it: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<generator object {} at 0x{:012x}>",
            self.name, self as *const Generator as usize
        ))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The StopIteration `next(gen)` raises when `gen` is a finished generator (carrying its
/// return value), or `None` for other iterators.
pub fn stop_iteration_for(it: &Interp, obj: &Value) -> Option<Box<super::interp::Exc>> {
    let Value::Native(n) = obj else { return None };
    let g = n.as_any().downcast_ref::<Generator>()?;
    let ret = std::mem::replace(&mut *g.returned.borrow_mut(), Value::None);
    Some(g.stop_iteration(it, ret))
}

/// `contextlib.contextmanager`: the decorated generator function's first `yield` is the body
/// of the `with` block.
pub fn contextmanager(func: Value) -> Value {
    super::builtins::builtin_holding("contextmanager", vec![func.clone()], move |it, args| {
        let g = it.call(&func, args)?;
        Ok(Value::Native(Rc::new(GeneratorContext { generator: g })))
    })
}

struct GeneratorContext {
    generator: Value,
}

impl NativeObject for GeneratorContext {
    fn teardown(&self, t: &mut super::teardown::Teardown) {
        t.value(&self.generator);
    }
    fn type_name(&self) -> String {
        "_GeneratorContextManager".into()
    }
    fn get_attr(&self, _it: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let g = self.generator.clone();
        Ok(match name {
            "__enter__" => Some(super::builtins::builtin(
                "__enter__",
                move |it, _args| match it.next(&g)? {
                    Some(v) => Ok(v),
                    None => Err(it.err("RuntimeError", "generator didn't yield")),
                },
            )),
            "__exit__" => Some(super::builtins::builtin("__exit__", move |it, args| {
                if args
                    .pos
                    .first()
                    .map(|v| !matches!(v, Value::None))
                    .unwrap_or(false)
                {
                    // Throwing into the generator is not supported: let the exception propagate.
                    return Ok(Value::Bool(false));
                }
                match it.next(&g)? {
                    None => Ok(Value::Bool(false)),
                    Some(_) => Err(it.err("RuntimeError", "generator didn't stop")),
                }
            })),
            _ => None,
        })
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Generator methods that need the generator value itself (`send`, `close`, `__next__`).
pub fn generator_method(it: &mut Interp, obj: &Value, name: &str) -> Option<Value> {
    let Value::Native(n) = obj else { return None };
    n.as_any().downcast_ref::<Generator>()?;
    let me = obj.clone();
    let f = move |it: &mut Interp, args: Args, which: &str| -> PyResult<Value> {
        let Value::Native(n) = &me else {
            return Ok(Value::None);
        };
        let Some(g) = n.as_any().downcast_ref::<Generator>() else {
            return Ok(Value::None);
        };
        match which {
            "close" => {
                let mut st = g.state.borrow_mut();
                st.finished = true;
                st.stack.clear();
                Ok(Value::None)
            }
            _ => {
                let sent = if which == "send" {
                    args.pos.first().cloned().unwrap_or(Value::None)
                } else {
                    Value::None
                };
                match g.resume(it, sent)? {
                    Ok(v) => Ok(v),
                    Err(ret) => Err(g.stop_iteration(it, ret)),
                }
            }
        }
    };
    let _ = it;
    let which = name.to_string();
    match name {
        "send" | "close" | "__next__" => Some(super::builtins::builtin_holding(
            name,
            vec![obj.clone()],
            move |it, args| f(it, args, &which),
        )),
        _ => None,
    }
}

/// A lazy generator expression: the first iterable is evaluated at creation (as in CPython),
/// the rest on demand.
pub struct GenExp {
    state: RefCell<GenExpState>,
}

struct GenExpState {
    frame: Frame,
    node: AstRef<ast::ExprGenerator>,
    iters: Vec<Value>,
    done: bool,
}

impl GenExp {
    /// Create from the comprehension frame and the first iterator.
    pub fn new(frame: Frame, node: AstRef<ast::ExprGenerator>, first: Value) -> GenExp {
        GenExp {
            state: RefCell::new(GenExpState {
                frame,
                node,
                iters: vec![first],
                done: false,
            }),
        }
    }
}

impl NativeObject for GenExp {
    fn teardown(&self, t: &mut super::teardown::Teardown) {
        let Ok(mut st) = self.state.try_borrow_mut() else {
            return;
        };
        t.frame(&st.frame);
        for iter in std::mem::take(&mut st.iters) {
            t.value(&iter);
        }
    }
    fn type_name(&self) -> String {
        "generator".into()
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next_item(&self, it: &mut Interp) -> PyResult<Option<Value>> {
        let mut st = match self.state.try_borrow_mut() {
            Ok(s) => s,
            Err(_) => return Err(it.value_error("generator already executing")),
        };
        let GenExpState {
            frame,
            node,
            iters,
            done,
        } = &mut *st;
        if *done {
            return Ok(None);
        }
        let node = node.clone();
        let r = (|| -> PyResult<Option<Value>> {
            'outer: loop {
                let level = match iters.len() {
                    0 => return Ok(None),
                    n => n - 1,
                };
                let Some(item) = it.next(&iters[level])? else {
                    iters.pop();
                    continue;
                };
                it.step()?;
                let g = &node.generators[level];
                it.assign(frame, &g.target, item)?;
                for cond in &g.ifs {
                    let c = it.eval(frame, cond)?;
                    if !it.truthy(&c)? {
                        continue 'outer;
                    }
                }
                if level + 1 < node.generators.len() {
                    let src = it.eval(frame, &node.generators[level + 1].iter)?;
                    let next_iter = it.iter(&src)?;
                    iters.push(next_iter);
                    continue;
                }
                return it.eval(frame, &node.elt).map(Some);
            }
        })();
        match r {
            Ok(None) => {
                *done = true;
                Ok(None)
            }
            Ok(v) => Ok(v),
            Err(e) => {
                *done = true;
                Err(it.commit_tb(e, frame))
            }
        }
    }
    fn repr(&self, _it: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<generator object <genexpr> at 0x{:012x}>",
            self as *const GenExp as usize
        ))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[allow(dead_code)]
fn _rc(_: Rc<()>) {}

/// What a lazy built-in iterator does with the items of its sources.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LazyKind {
    /// `zip(*its)`: tuples until the shortest source ends.
    Zip,
    /// `map(f, *its)`.
    Map,
    /// `filter(f, it)`.
    Filter,
    /// `enumerate(it, start)`.
    Enumerate,
}

/// `zip`/`map`/`filter`/`enumerate` pull from their sources one item at a time, like CPython,
/// so they work over infinite generators.
pub struct LazyIter {
    kind: LazyKind,
    sources: Vec<Value>,
    func: Value,
    count: std::cell::Cell<i64>,
}

impl LazyIter {
    /// A lazy iterator over already-`iter()`ed sources.
    pub fn new(kind: LazyKind, sources: Vec<Value>, func: Value, start: i64) -> LazyIter {
        LazyIter {
            kind,
            sources,
            func,
            count: std::cell::Cell::new(start),
        }
    }
}

impl NativeObject for LazyIter {
    fn teardown(&self, t: &mut super::teardown::Teardown) {
        self.sources.iter().for_each(|s| t.value(s));
        t.value(&self.func);
    }
    fn type_name(&self) -> String {
        match self.kind {
            LazyKind::Zip => "zip",
            LazyKind::Map => "map",
            LazyKind::Filter => "filter",
            LazyKind::Enumerate => "enumerate",
        }
        .into()
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next_item(&self, it: &mut Interp) -> PyResult<Option<Value>> {
        loop {
            let mut items = Vec::with_capacity(self.sources.len());
            for s in &self.sources {
                match it.next(s)? {
                    Some(v) => items.push(v),
                    None => return Ok(None),
                }
            }
            match self.kind {
                LazyKind::Zip => return Ok(Some(Value::tuple(items))),
                LazyKind::Map => return it.call(&self.func, Args::positional(items)).map(Some),
                LazyKind::Enumerate => {
                    let n = self.count.get();
                    self.count.set(n + 1);
                    let item = items.into_iter().next().unwrap_or(Value::None);
                    return Ok(Some(Value::tuple(vec![Value::Int(n), item])));
                }
                LazyKind::Filter => {
                    let item = items.into_iter().next().unwrap_or(Value::None);
                    let keep = if matches!(self.func, Value::None) {
                        it.truthy(&item)?
                    } else {
                        let r = it.call(&self.func, Args::positional(vec![item.clone()]))?;
                        it.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(item));
                    }
                    it.step()?;
                }
            }
        }
    }
    fn repr(&self, _it: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<{} object at 0x{:012x}>",
            self.type_name(),
            self as *const LazyIter as usize
        ))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A built-in iterator that only needs CPython's type name (`list_reverseiterator`), delegating
/// to an inner iterator.
pub struct NamedIter {
    name: &'static str,
    inner: Value,
}

impl NamedIter {
    /// Name `inner` (an iterator) as `name`.
    pub fn new(name: &'static str, inner: Value) -> NamedIter {
        NamedIter { name, inner }
    }
}

impl NativeObject for NamedIter {
    fn type_name(&self) -> String {
        self.name.into()
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next_item(&self, it: &mut Interp) -> PyResult<Option<Value>> {
        it.next(&self.inner)
    }
    fn repr(&self, _it: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<{} object at 0x{:012x}>",
            self.name, self as *const NamedIter as usize
        ))
    }
    fn teardown(&self, t: &mut super::teardown::Teardown) {
        t.value(&self.inner);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
