//! The evaluator: statements and expressions, walked directly over ruff's AST.
//!
//! Why a tree-walker: the AST is already a faithful, ranged representation of the program and
//! the programs are small handlers; a compiler to closures or bytecode would add a second
//! representation to keep in sync for a speed gain that the step budget (not raw speed) bounds
//! anyway. Every fallible expression records its source range on the error the first time the
//! error passes through it, which is exactly where CPython 3.11 points its carets.

use std::rc::Rc;

use ast::{Expr, Stmt};
use rustpython_ruff_python_ast as ast;
use rustpython_ruff_text_size::Ranged;

use super::ast_ref::{AstRef, ParsedModule};
use super::dict::Dict;
use super::fast_locals::{Body, Site};
use super::frame_locals::Which;
use super::interp::{Exc, Interp, PyResult};
use super::scope::ScopeInfo;
use super::value::*;

/// How a block finished.
pub enum Flow {
    /// Fell off the end.
    Normal,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return value`.
    Return(Value),
}

/// What kind of code a frame runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// Module top level: locals are the globals.
    Module,
    /// A function, lambda or comprehension body.
    Function,
    /// A class body.
    Class,
}

/// One activation: the namespaces a piece of code sees, and where it is.
pub struct Frame {
    /// What kind of code runs here.
    pub kind: FrameKind,
    /// Local variables (the globals for modules, the class namespace for classes).
    pub locals: Rc<Env>,
    /// Module globals.
    pub globals: Rc<Env>,
    /// Static scope facts (functions only).
    pub scope: Option<Rc<ScopeInfo>>,
    /// Enclosing function scopes.
    pub closure: Option<Rc<EnvChain>>,
    /// The parsed module the code belongs to.
    pub owner: Rc<ParsedModule>,
    /// Its source, for tracebacks.
    pub source: Rc<SourceFile>,
    /// Its file name, for tracebacks.
    pub filename: Rc<str>,
    /// Function name for tracebacks (`<module>`, `f`, `<lambda>`, `<listcomp>`).
    pub func_name: Rc<str>,
    /// Prefix for qualified names of things defined here.
    pub qual_prefix: Rc<str>,
    /// The running function (for zero-argument `super()`).
    pub function: Option<Rc<Function>>,
    /// The first argument of the running function (for zero-argument `super()`).
    pub first_arg: Option<Value>,
    /// Range of the statement running now.
    pub stmt_range: (u32, u32),
    /// Whether this is a comprehension scope (walrus binds outside it).
    pub is_comprehension: bool,
    /// Values yielded so far when this frame runs a generator function (eagerly).
    pub yields: Option<Vec<Value>>,
    /// The local variables by slot, when the function keeps them in a vector (see
    /// `fast_locals`; the layout is `scope.fast`). `locals` is then unused.
    pub fast: Option<Vec<Option<Value>>>,
    /// The dict `locals()` returned in this function frame, refreshed by each call (CPython
    /// 3.11's `f_locals`; see `frame_locals`).
    pub locals_dict: Option<Rc<Env>>,
}

fn rng(r: rustpython_ruff_text_size::TextRange) -> (u32, u32) {
    (r.start().to_u32(), r.end().to_u32())
}

/// A call frame's local variable slots (None: not bound yet).
type Slots = Vec<Option<Value>>;

impl Exc {
    /// Record where the error happened in the current frame, unless already recorded.
    pub fn at(mut self: Box<Self>, range: (u32, u32), anchor: Anchor) -> Box<Self> {
        if self.loc.is_none() && !self.reraised {
            self.loc = Some((range, anchor));
        }
        self
    }
}

impl Interp {
    /// Write this frame's traceback entry into the exception (once per frame per raise).
    pub(crate) fn commit_tb(&self, mut e: Box<Exc>, f: &Frame) -> Box<Exc> {
        if !e.reraised {
            let (range, anchor) = e.loc.take().unwrap_or((f.stmt_range, Anchor::Statement));
            if let Some(st) = e.value.exc_state() {
                st.borrow_mut().traceback.insert(
                    0,
                    TbEntry {
                        filename: f.filename.clone(),
                        func: f.func_name.clone(),
                        source: f.source.clone(),
                        range,
                        anchor,
                    },
                );
            }
        }
        e.loc = None;
        e.reraised = false;
        e
    }

    /// Run a block of statements.
    pub fn exec_block(&mut self, f: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        for s in body {
            match self.exec_stmt(f, s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn line_event(&mut self, f: &Frame, start: u32) {
        if !self.observer.as_mut().is_some_and(|o| o.wants(&f.filename)) {
            return;
        }
        let line = f.source.line_of(start as usize);
        let locals: Vec<(String, Value)> = if let (Some(slots), Some(layout)) =
            (&f.fast, f.scope.as_ref().and_then(|s| s.fast.as_ref()))
        {
            // Slot order is CPython's `co_varnames` order (parameters first).
            layout
                .names
                .iter()
                .zip(slots)
                .filter_map(|(k, v)| match v {
                    Some(v) if !k.starts_with("__") => Some((k.to_string(), v.clone())),
                    _ => None,
                })
                .collect()
        } else {
            f.locals
                .borrow()
                .iter()
                .filter_map(|(k, v)| match &k {
                    Value::Str(s) if !s.starts_with("__") => Some((s.to_string(), v)),
                    _ => None,
                })
                .collect()
        };
        let event = super::interp::LineEvent {
            file: &f.filename,
            func: &f.func_name,
            line,
            locals: &locals,
        };
        self.with_observer(|observer, interp| observer.line(interp, &event));
    }

    /// Run one statement (used by the generator executor).
    pub(crate) fn exec_stmt_pub(&mut self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        self.exec_stmt(f, s)
    }

    fn exec_stmt(&mut self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        let range = rng(s.range());
        f.stmt_range = range;
        self.at_offset(&f.source, range.0);
        self.step()?;
        if self.observer.is_some() {
            self.line_event(f, range.0);
        }
        self.exec_stmt_inner(f, s)
            .map_err(|e| e.at(range, Anchor::Statement))
    }

    fn exec_stmt_inner(&mut self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        match s {
            Stmt::Expr(e) => return self.ex_expr(f, e),
            Stmt::Assign(a) => return self.ex_assign(f, a),
            Stmt::AugAssign(a) => return self.ex_aug_assign(f, a),
            Stmt::AnnAssign(a) => return self.ex_ann_assign(f, a),
            Stmt::Pass(_) => {}
            Stmt::Return(r) => return self.ex_return(f, r),
            Stmt::If(i) => return self.ex_if(f, i),
            Stmt::While(w) => return self.ex_while(f, w),
            Stmt::For(fs) => return self.ex_for(f, fs),
            Stmt::Break(_) => return Ok(Flow::Break),
            Stmt::Continue(_) => return Ok(Flow::Continue),
            Stmt::FunctionDef(d) => return self.ex_function_def(f, d),
            Stmt::ClassDef(c) => return self.ex_class_def(f, c),
            Stmt::Delete(d) => return self.ex_delete(f, d),
            Stmt::Assert(a) => return self.ex_assert(f, a),
            Stmt::Raise(r) => return Err(self.raise_stmt(f, r)?),
            Stmt::Try(t) => return self.try_stmt(f, t),
            Stmt::With(w) => return self.ex_with(f, w),
            Stmt::Import(i) => return self.ex_import(f, i),
            Stmt::ImportFrom(i) => return self.ex_import_from(f, i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(m) => return self.ex_match(f, m),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                return Err(self.err(
                    "SyntaxError",
                    "this statement is not supported in the playground",
                ));
            }
        }
        Ok(Flow::Normal)
    }

    fn do_yield(&mut self, f: &mut Frame, value: Option<&Expr>) -> PyResult<Value> {
        let v = match value {
            Some(e) => self.eval(f, e)?,
            None => Value::None,
        };
        match f.yields.as_mut() {
            Some(y) => {
                self.check_size((y.len() as u128 + 1) * 8)?;
                y.push(v);
                Ok(Value::None)
            }
            None => Err(self.err(
                "SyntaxError",
                "this use of 'yield' (inside an expression) is not supported in the playground",
            )),
        }
    }

    fn raise_stmt(&mut self, f: &mut Frame, r: &ast::StmtRaise) -> PyResult<Box<Exc>> {
        let Some(exc) = &r.exc else {
            return match self.handling.last() {
                Some(v) => Ok(Box::new(Exc {
                    value: v.clone(),
                    loc: None,
                    reraised: true,
                })),
                None => Ok(self.err("RuntimeError", "No active exception to reraise")),
            };
        };
        let v = self.eval(f, exc)?;
        let v = self.make_exception_value(v)?;
        let cause = match &r.cause {
            Some(c) => {
                let c = self.eval(f, c)?;
                Some(if matches!(c, Value::None) {
                    Value::None
                } else {
                    self.make_exception_value(c)?
                })
            }
            None => None,
        };
        if let (Some(c), Some(st)) = (cause, v.exc_state()) {
            let mut st = st.borrow_mut();
            st.cause = if matches!(c, Value::None) {
                None
            } else {
                Some(c)
            };
            st.suppress_context = true;
        }
        Ok(self.raise_value(v))
    }

    /// `raise X`: a class is instantiated; anything else must be an exception instance.
    pub(crate) fn make_exception_value(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Class(c) if c.is_subclass(&self.ty("BaseException")) => {
                self.call(&v, Args::default())
            }
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    fn exc_matches_handler(&mut self, exc: &Value, handler: &Value) -> PyResult<bool> {
        match handler {
            Value::Class(c) => {
                if !c.is_subclass(&self.ty("BaseException")) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(matches!(exc, Value::Instance(i) if i.class.is_subclass(c)))
            }
            Value::Tuple(items) => {
                for h in items.iter() {
                    if self.exc_matches_handler(exc, h)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn try_stmt(&mut self, f: &mut Frame, t: &ast::StmtTry) -> PyResult<Flow> {
        if t.is_star {
            return Err(self.err("SyntaxError", "except* is not supported in the playground"));
        }
        let mut result = match self.exec_block(f, &t.body) {
            Err(e) if self.exc_matches(&e.value, "StepLimitExceeded") => return Err(e),
            Err(e) => {
                let mut e = self.commit_tb(e, f);
                e.reraised = true;
                let mut handled = None;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let matched = match &h.type_ {
                        None => true,
                        Some(te) => {
                            let tv = self.eval(f, te)?;
                            self.exc_matches_handler(&e.value, &tv)?
                        }
                    };
                    if matched {
                        if let Some(n) = &h.name {
                            self.store_name(f, n.id.as_str(), e.value.clone())?;
                        }
                        self.handling.push(e.value.clone());
                        let r = self.exec_block(f, &h.body);
                        self.handling.pop();
                        if let Some(n) = &h.name {
                            self.delete_name(f, n.id.as_str());
                        }
                        handled = Some(r);
                        break;
                    }
                }
                match handled {
                    Some(r) => r,
                    None => Err(e),
                }
            }
            Ok(Flow::Normal) => self.exec_block(f, &t.orelse),
            other => other,
        };
        if !t.finalbody.is_empty() {
            if let Err(e) = &result {
                if self.exc_matches(&e.value, "StepLimitExceeded") {
                    return result;
                }
                let mut e2 = match result {
                    Err(e) => e,
                    Ok(_) => unreachable_flow(),
                };
                e2 = self.commit_tb(e2, f);
                e2.reraised = true;
                self.handling.push(e2.value.clone());
                let fr = self.exec_block(f, &t.finalbody);
                self.handling.pop();
                return match fr? {
                    Flow::Normal => Err(e2),
                    other => Ok(other),
                };
            }
            match self.exec_block(f, &t.finalbody)? {
                Flow::Normal => {}
                other => result = Ok(other),
            }
        }
        result
    }

    fn with_stmt(
        &mut self,
        f: &mut Frame,
        items: &[ast::WithItem],
        body: &[Stmt],
    ) -> PyResult<Flow> {
        let Some((item, rest)) = items.split_first() else {
            return self.exec_block(f, body);
        };
        let range = rng(item.context_expr.range());
        let mgr = self.eval(f, &item.context_expr)?;
        let enter = self
            .get_special(&mgr, "__enter__")
            .map_err(|e| e.at(range, Anchor::Plain))?;
        let exit = self
            .get_special(&mgr, "__exit__")
            .map_err(|e| e.at(range, Anchor::Plain))?;
        let entered = self
            .call(&enter, Args::default())
            .map_err(|e| e.at(range, Anchor::Plain))?;
        if let Some(target) = &item.optional_vars {
            self.assign(f, target, entered)?;
        }
        match self.with_stmt(f, rest, body) {
            Ok(flow) => {
                self.call(
                    &exit,
                    Args::positional(vec![Value::None, Value::None, Value::None]),
                )
                .map_err(|e| e.at(range, Anchor::Plain))?;
                Ok(flow)
            }
            Err(e) if self.exc_matches(&e.value, "StepLimitExceeded") => Err(e),
            Err(e) => {
                let mut e = self.commit_tb(e, f);
                e.reraised = true;
                let ty = Value::Class(self.class_of(&e.value));
                self.handling.push(e.value.clone());
                let r = self.call(
                    &exit,
                    Args::positional(vec![ty, e.value.clone(), Value::None]),
                );
                self.handling.pop();
                let r = r.map_err(|e| e.at(range, Anchor::Plain))?;
                if self.truthy(&r)? {
                    Ok(Flow::Normal)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Find a special method on the type of `obj` and bind it (like CPython's special lookup).
    pub(crate) fn get_special(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let cls = self.class_of(obj);
        match cls.lookup(name) {
            Some(m) => Ok(self.bind(m, obj.clone())),
            None => {
                if let Value::Native(_) = obj
                    && let Some(v) = self.get_attr_opt(obj, name)?
                {
                    return Ok(v);
                }
                Err(self.type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    obj.type_name()
                )))
            }
        }
    }

    fn class_def(&mut self, f: &mut Frame, c: &ast::StmtClassDef) -> PyResult<Value> {
        let mut decorators = Vec::new();
        for dec in &c.decorator_list {
            decorators.push(self.eval(f, &dec.expression)?);
        }
        let mut bases = Vec::new();
        if let Some(args) = &c.arguments {
            let given: Vec<Value> = args
                .args
                .iter()
                .map(|a| self.eval(f, a))
                .collect::<PyResult<_>>()?;
            for base in &given {
                // A base that is not a class may stand for some (`Generic[T]`, PEP 560).
                let entries = match base {
                    Value::Instance(i) if i.class.lookup("__mro_entries__").is_some() => {
                        let hook = self.get_attr(base, "__mro_entries__")?;
                        let all = Value::tuple(given.clone());
                        let replaced = self.call(&hook, Args::positional(vec![all]))?;
                        self.collect(&replaced)?
                    }
                    other => vec![other.clone()],
                };
                for entry in entries {
                    match &entry {
                        Value::Class(cls) => bases.push(cls.clone()),
                        other => {
                            return Err(self.type_error(format!(
                                "bases must be types, not {}",
                                other.type_name()
                            )));
                        }
                    }
                }
            }
        }
        let mut meta = None;
        // The class's other keywords (`class P(Plugin, key='one')`): for the metaclass's
        // `__new__` and `__init__`, and for `__init_subclass__`.
        let mut class_kwargs = Vec::new();
        if let Some(args) = &c.arguments {
            for k in args.keywords.iter() {
                if k.arg.as_ref().is_some_and(|a| a.id.as_str() == "metaclass") {
                    match &self.eval(f, &k.value)? {
                        Value::Class(m) => meta = Some(m.clone()),
                        other => {
                            return Err(self.type_error(format!(
                                "metaclass must be a type, not {}",
                                other.type_name()
                            )));
                        }
                    }
                } else if let Some(arg) = &k.arg {
                    class_kwargs.push((arg.id.to_string(), self.eval(f, &k.value)?));
                }
            }
        }
        let name = c.name.id.to_string();
        let qualname = format!("{}{}", f.qual_prefix, name);
        let ns = Rc::new(Env::default());
        let module_name = match &f.globals.get("__name__") {
            Some(Value::Str(s)) => s.to_string(),
            _ => "__main__".to_string(),
        };
        ns.set("__module__", Value::str(&module_name));
        ns.set("__qualname__", Value::str(&qualname));
        let closure = self.child_closure(f);
        let mut cf = Frame {
            kind: FrameKind::Class,
            locals: ns.clone(),
            globals: f.globals.clone(),
            scope: None,
            closure,
            owner: f.owner.clone(),
            source: f.source.clone(),
            filename: f.filename.clone(),
            func_name: Rc::from(name.as_str()),
            qual_prefix: Rc::from(format!("{qualname}.")),
            function: None,
            first_arg: None,
            stmt_range: f.stmt_range,
            is_comprehension: false,
            yields: None,
            fast: None,
            locals_dict: None,
        };
        self.depth += 1;
        let r = self.exec_block(&mut cf, &c.body);
        self.depth -= 1;
        r.map_err(|e| self.commit_tb(e, &cf))?;
        drop(cf);
        // The namespace becomes the class dict; a copy when `locals()` handed it out (CPython's
        // `type()` copies it too, so that dict keeps its entries).
        let dict = if Rc::strong_count(&ns) == 1 {
            std::mem::take(&mut *ns.borrow_mut())
        } else {
            ns.borrow().clone()
        };
        let meta = meta
            .or_else(|| bases.iter().find_map(|b| b.meta.borrow().clone()))
            .filter(|m| !(m.module == "builtins" && m.name == "type"));
        let namespace = meta.is_some().then(|| Value::dict(dict.clone()));
        let base_values: Vec<Value> = bases.iter().map(|b| Value::Class(b.clone())).collect();
        let meta_args = |namespace: Value| Args {
            pos: vec![
                Value::str(&name),
                Value::tuple(base_values.clone()),
                namespace,
            ],
            kw: class_kwargs.clone(),
        };
        // A metaclass's own `__new__` makes the class (its `super().__new__` is `type.__new__`,
        // which runs the hooks `finish_class` runs); otherwise `type.__new__`'s work is done here.
        let own_new = meta
            .as_ref()
            .and_then(|m| super::attrs::meta_own(m, "__new__"));
        let mut v = match (&meta, &namespace, own_new) {
            (Some(m), Some(ns), Some(new)) => {
                let new = match &new {
                    Value::StaticMethod(inner) => (**inner).clone(),
                    _ => new,
                };
                let mut args = meta_args(ns.clone());
                args.pos.insert(0, Value::Class(m.clone()));
                self.call(&new, args)?
            }
            _ => {
                // A body that sets `__module__` names the class's module (CPython reads it back
                // from the namespace): a library's exceptions say where they are documented.
                let module_name = match &dict.get_str("__module__") {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => module_name,
                };
                let cls = self.new_class(&name, &qualname, &module_name, bases, dict)?;
                *cls.meta.borrow_mut() = meta.clone();
                self.finish_class(&cls, class_kwargs.clone())?;
                Value::Class(cls)
            }
        };
        // The metaclass's `__init__` sees the finished class, as `type.__call__` calls it: only
        // on a result that is an instance of the metaclass.
        if let (Some(m), Some(ns), Value::Class(made)) = (&meta, namespace, &v)
            && made
                .meta
                .borrow()
                .as_ref()
                .is_some_and(|own| own.mro.borrow().iter().any(|k| Rc::ptr_eq(k, m)))
            && let Some(init) = self.meta_method(made, "__init__")
        {
            self.call(&init, meta_args(ns))?;
        }
        for dec in decorators.into_iter().rev() {
            v = self.call(&dec, Args::positional(vec![v]))?;
        }
        Ok(v)
    }

    /// What `type.__new__` does once the class exists: `__set_name__` on each attribute whose
    /// type has one (in definition order, with the class and the attribute's name), then the
    /// nearest base's `__init_subclass__` with the class's keywords. `object`'s takes none.
    pub(crate) fn finish_class(
        &mut self,
        cls: &Rc<Class>,
        kwargs: Vec<(String, Value)>,
    ) -> PyResult<()> {
        let attributes: Vec<(Value, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, value) in attributes {
            let owner = self.class_of(&value);
            if let Some(hook) = owner.lookup("__set_name__") {
                let hook = self.bind(hook, value);
                let args = Args::positional(vec![Value::Class(cls.clone()), name.clone()]);
                if let Err(error) = self.call(&hook, args) {
                    // CPython 3.11 says which attribute failed, the hook's error as the cause.
                    let message = format!(
                        "Error calling __set_name__ on '{}' instance {} in '{}'",
                        owner.name,
                        self.repr(&name)?,
                        cls.name
                    );
                    let wrapped =
                        self.new_exception(self.ty("RuntimeError"), vec![Value::str(&message)]);
                    if let Some(state) = wrapped.exc_state() {
                        let mut state = state.borrow_mut();
                        state.cause = Some(error.value.clone());
                        state.context = Some(error.value);
                        state.suppress_context = true;
                    }
                    return Err(self.raise_value(wrapped));
                }
            }
        }
        let hook = cls
            .mro
            .borrow()
            .iter()
            .skip(1)
            .take_while(|k| k.module != "builtins")
            .find_map(|k| k.dict.borrow().get_str("__init_subclass__"));
        let hook = match &hook {
            Some(Value::ClassMethod(inner)) => Some((**inner).clone()),
            // A plain function: implicitly a class method.
            Some(function @ Value::Function(_)) => Some(function.clone()),
            _ => None,
        };
        match hook {
            Some(function) => {
                let bound = Value::Method(Rc::new((Value::Class(cls.clone()), function)));
                self.call(
                    &bound,
                    Args {
                        pos: Vec::new(),
                        kw: kwargs,
                    },
                )?;
                Ok(())
            }
            None => super::methods::object_init_subclass(self, cls, &kwargs),
        }
    }

    /// Create a class object: compute its MRO and wire `super()` support.
    pub fn new_class(
        &mut self,
        name: &str,
        qualname: &str,
        module: &str,
        mut bases: Vec<Rc<Class>>,
        dict: Dict,
    ) -> PyResult<Rc<Class>> {
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        let builtin = bases.iter().find_map(|b| match b.builtin.get() {
            Some(BuiltinType::BaseException) => Some(BuiltinType::BaseException),
            _ => None,
        });
        let cls = Rc::new(Class {
            name: name.to_string(),
            qualname: qualname.to_string(),
            module: module.to_string(),
            bases: bases.clone(),
            mro: std::cell::RefCell::new(Vec::new()),
            dict: std::cell::RefCell::new(dict),
            builtin: std::cell::Cell::new(builtin.or(Some(BuiltinType::Object))),
            meta: std::cell::RefCell::new(bases.iter().find_map(|b| b.meta.borrow().clone())),
        });
        let mro = c3_mro(&cls).ok_or_else(|| {
            self.type_error("Cannot create a consistent method resolution order (MRO)")
        })?;
        *cls.mro.borrow_mut() = mro;
        for (_, v) in cls.dict.borrow().iter() {
            let func = match &v {
                Value::Function(func) => Some(func.clone()),
                Value::ClassMethod(inner) | Value::StaticMethod(inner) => match &**inner {
                    Value::Function(func) => Some(func.clone()),
                    _ => None,
                },
                Value::Property(p) => {
                    for acc in [&p.fget, &p.fset, &p.fdel] {
                        if let Value::Function(func) = acc {
                            *func.class_cell.borrow_mut() = Some(cls.clone());
                        }
                    }
                    None
                }
                _ => None,
            };
            if let Some(func) = func {
                *func.class_cell.borrow_mut() = Some(cls.clone());
            }
        }
        if let Ok(mut t) = self.tracked.try_borrow_mut() {
            t.class(&cls);
        }
        Ok(cls)
    }

    /// A string literal's value, made once per literal (see `Interp::str_consts`).
    fn str_literal(&mut self, f: &Frame, s: &ast::ExprStringLiteral) -> Value {
        let key = s as *const ast::ExprStringLiteral as usize;
        if let Some(v) = self.str_consts.get(&key) {
            return v.clone();
        }
        let v = Value::str(s.value.to_str());
        let tree = Rc::as_ptr(&f.owner) as usize;
        self.pinned_trees
            .entry(tree)
            .or_insert_with(|| f.owner.clone());
        self.str_consts.insert(key, v.clone());
        v
    }

    /// The closure chain a function or class defined in `f` sees.
    /// A captured function namespace is registered for the teardown: the function defined in it
    /// usually lives in it too (a cycle).
    fn child_closure(&self, f: &Frame) -> Option<Rc<EnvChain>> {
        match f.kind {
            FrameKind::Module => None,
            FrameKind::Class => f.closure.clone(),
            FrameKind::Function => {
                if let Ok(mut t) = self.tracked.try_borrow_mut() {
                    t.env(&f.locals);
                }
                Some(Rc::new(EnvChain {
                    env: f.locals.clone(),
                    scope: f.scope.clone().unwrap_or_default(),
                    parent: f.closure.clone(),
                }))
            }
        }
    }

    fn make_function(
        &mut self,
        f: &mut Frame,
        def: FuncDef,
        params: Option<&ast::Parameters>,
        name: &str,
    ) -> PyResult<Value> {
        let mut defaults = Vec::new();
        let mut kw_defaults = Vec::new();
        if let Some(p) = params {
            for a in p.posonlyargs.iter().chain(&p.args) {
                if let Some(d) = &a.default {
                    defaults.push(self.eval(f, d)?);
                }
            }
            for a in &p.kwonlyargs {
                if let Some(d) = &a.default {
                    kw_defaults.push((a.parameter.name.id.to_string(), self.eval(f, d)?));
                }
            }
        }
        let key = match &def {
            FuncDef::Def(d) => d.addr(),
            FuncDef::Lambda(l) => l.addr(),
        };
        // The tree keeps the facts (shared by every interpreter running it); this one pins the
        // tree, since its body's names carry slot annotations and its literals may be cached.
        let tree = match &def {
            FuncDef::Def(d) => d.owner().clone(),
            FuncDef::Lambda(l) => l.owner().clone(),
        };
        self.pinned_trees
            .entry(Rc::as_ptr(&tree) as usize)
            .or_insert_with(|| tree.clone());
        let cached = tree.scopes.borrow().get(&key).cloned();
        let scope = match cached {
            Some(s) => s,
            None => {
                let s = Rc::new(match &def {
                    FuncDef::Def(d) => {
                        let mut s = ScopeInfo::for_function(params, &d.body);
                        s.is_generator = super::scope::body_yields(&d.body);
                        if !s.is_generator && s.order.iter().all(|n| s.locals.contains(&**n)) {
                            let declared =
                                |n: &str| s.globals.contains(n) || s.nonlocals.contains(n);
                            s.fast = super::fast_locals::layout_for(
                                Body::Stmts(&d.body),
                                s.order.clone(),
                                &declared,
                            );
                        }
                        s
                    }
                    FuncDef::Lambda(l) => {
                        let mut s = ScopeInfo::for_lambda(params, &l.body);
                        if s.order.iter().all(|n| s.locals.contains(&**n)) {
                            let declared =
                                |n: &str| s.globals.contains(n) || s.nonlocals.contains(n);
                            s.fast = super::fast_locals::layout_for(
                                Body::Expr(&l.body),
                                s.order.clone(),
                                &declared,
                            );
                        }
                        s
                    }
                });
                tree.scopes.borrow_mut().insert(key, s.clone());
                s
            }
        };
        let attrs = Dict::new();
        let func = Function {
            name: name.to_string(),
            qualname: format!("{}{}", f.qual_prefix, name),
            name_rc: Rc::from(name),
            locals_prefix: Rc::from(format!("{}{}.<locals>.", f.qual_prefix, name)),
            def,
            defaults,
            kw_defaults,
            globals: f.globals.clone(),
            closure: self.child_closure(f),
            scope,
            filename: f.filename.clone(),
            source: f.source.clone(),
            attrs: std::cell::RefCell::new(attrs),
            class_cell: std::cell::RefCell::new(None),
        };
        Ok(Value::Function(Rc::new(func)))
    }

    /// Run a Python function with bound arguments.
    pub(crate) fn call_function(&mut self, func: &Rc<Function>, args: Args) -> PyResult<Value> {
        if self.depth + 1 >= self.config.recursion_limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        self.step()?;
        let locals = self.recycler.env();
        let (first_arg, fast) = match self.bind_call(func, args, &locals) {
            Ok(bound) => bound,
            Err(e) => {
                self.recycler.give_env(locals);
                return Err(e);
            }
        };
        let owner = match &func.def {
            FuncDef::Def(d) => d.owner().clone(),
            FuncDef::Lambda(l) => l.owner().clone(),
        };
        let is_gen = func.scope.is_generator;
        let mut frame = Frame {
            kind: FrameKind::Function,
            locals,
            globals: func.globals.clone(),
            scope: Some(func.scope.clone()),
            closure: func.closure.clone(),
            owner,
            source: func.source.clone(),
            filename: func.filename.clone(),
            func_name: func.name_rc.clone(),
            qual_prefix: func.locals_prefix.clone(),
            function: Some(func.clone()),
            first_arg,
            stmt_range: (0, 0),
            is_comprehension: false,
            yields: if is_gen { Some(Vec::new()) } else { None },
            fast,
            locals_dict: None,
        };
        if is_gen && let FuncDef::Def(d) = &func.def {
            let body = AstRef::new(d.owner(), &d.body);
            return Ok(Value::Native(Rc::new(super::generator::Generator::new(
                &func.name, frame, body,
            ))));
        }
        self.depth += 1;
        let r = match &func.def {
            FuncDef::Def(d) => self.exec_block(&mut frame, &d.body).map(|flow| match flow {
                Flow::Return(v) => v,
                _ => Value::None,
            }),
            FuncDef::Lambda(l) => {
                frame.func_name = Rc::from("<lambda>");
                frame.stmt_range = rng(l.body.range());
                self.eval(&mut frame, &l.body)
            }
        };
        self.depth -= 1;
        let r = r.map_err(|e| self.commit_tb(e, &frame));
        let items = frame.yields.take();
        let Frame { locals, fast, .. } = frame;
        self.recycler.give_env(locals);
        if let Some(slots) = fast {
            self.recycler.give_slots(slots);
        }
        let r = r?;
        if is_gen {
            let items = items.unwrap_or_default();
            return Ok(Value::Iter(Rc::new(std::cell::RefCell::new(
                IterState::Values(items.into_iter()),
            ))));
        }
        Ok(r)
    }

    /// Bind a call's arguments: into slots when the function keeps its locals in a vector,
    /// otherwise into `locals`. Returns the first positional argument (for `super()`) and the
    /// slots.
    fn bind_call(
        &mut self,
        func: &Rc<Function>,
        mut args: Args,
        locals: &Rc<Env>,
    ) -> PyResult<(Option<Value>, Option<Slots>)> {
        let Some(layout) = func.scope.fast.as_ref() else {
            return Ok((self.bind_args(func, args, locals)?, None));
        };
        let mut slots = self.recycler.slots(layout.len());
        if self.is_plain_positional_call(func, &args) {
            // The positional parameters are the first slots, in order.
            while let Some(v) = args.pos.pop() {
                if let Some(slot) = slots.get_mut(args.pos.len()) {
                    *slot = Some(v);
                }
            }
            let first = slots.first().cloned().flatten();
            self.recycler.give_args(args.pos);
            return Ok((first, Some(slots)));
        }
        // Defaults, keywords, `*args`, `**kwargs`: bind by name as for a namespace, then move
        // the values into their slots.
        let first = match self.bind_args(func, args, locals) {
            Ok(first) => first,
            Err(e) => {
                self.recycler.give_slots(slots);
                return Err(e);
            }
        };
        let mut vars = locals.borrow_mut();
        for (k, v) in vars.iter() {
            if let Value::Str(k) = &k
                && let Some(i) = layout.slot(k)
                && let Some(slot) = slots.get_mut(i)
            {
                *slot = Some(v);
            }
        }
        vars.clear();
        Ok((first, Some(slots)))
    }

    // ----- names -----

    fn name_error(&self, f: &Frame, name: &str) -> Box<Exc> {
        let e = self.err("NameError", format!("name '{name}' is not defined"));
        let mut candidates: Vec<Vec<String>> = Vec::new();
        if f.kind != FrameKind::Module {
            let mut local_names: Vec<String> = match &f.scope {
                Some(s) => s.locals.iter().cloned().collect(),
                None => f.locals.borrow().keys().iter().filter_map(str_of).collect(),
            };
            crate::text::order::sort(&mut local_names);
            candidates.push(local_names);
        }
        candidates.push(
            f.globals
                .borrow()
                .keys()
                .iter()
                .filter_map(str_of)
                .collect(),
        );
        candidates.push(
            self.builtins
                .borrow()
                .keys()
                .iter()
                .filter_map(str_of)
                .collect(),
        );
        for list in candidates {
            if let Some(s) = super::suggest::suggest(name, &list) {
                set_suggestion(&e.value, s);
                break;
            }
        }
        if let Value::Instance(i) = &e.value {
            i.attrs.borrow_mut().set_str("name", Value::str(name));
        }
        e
    }

    /// Read a variable.
    pub(crate) fn load_name(&mut self, f: &Frame, name: &str) -> PyResult<Value> {
        match f.kind {
            FrameKind::Module => {}
            FrameKind::Function => {
                if let Some(slots) = &f.fast {
                    if let Some(i) = f
                        .scope
                        .as_ref()
                        .and_then(|s| s.fast.as_ref())
                        .and_then(|l| l.slot(name))
                    {
                        return match slots.get(i) {
                            Some(Some(v)) => Ok(v.clone()),
                            _ => Err(self.unbound_local(name)),
                        };
                    }
                    return self.load_outer(f, name);
                }
                // A function's namespace holds only its locals (`store_name` sends global and
                // nonlocal names elsewhere), so a hit is the answer without asking the scope.
                if let Some(v) = f.locals.get(name) {
                    return Ok(v);
                }
                let scope = f.scope.as_ref();
                if scope.map(|s| s.locals.contains(name)).unwrap_or(false) {
                    if f.is_comprehension {
                        // Comprehension targets are always bound before use.
                    }
                    return Err(self.err(
                        "UnboundLocalError",
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    ));
                }
                if !scope.map(|s| s.globals.contains(name)).unwrap_or(false)
                    && let Some(r) = self.load_free(f, name)
                {
                    return r;
                }
            }
            FrameKind::Class => {
                if let Some(v) = f.locals.get(name) {
                    return Ok(v);
                }
                if let Some(r) = self.load_free(f, name) {
                    return r;
                }
            }
        }
        self.load_global(f, name)
    }

    /// Read a global, else a builtin, else raise NameError.
    #[inline]
    fn load_global(&mut self, f: &Frame, name: &str) -> PyResult<Value> {
        if let Some(v) = f.globals.get(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v);
        }
        Err(self.name_error(f, name))
    }

    /// Read a name that is not a local of the running function: a free, global or builtin
    /// variable.
    fn load_outer(&mut self, f: &Frame, name: &str) -> PyResult<Value> {
        if !f
            .scope
            .as_ref()
            .map(|s| s.globals.contains(name))
            .unwrap_or(false)
            && let Some(r) = self.load_free(f, name)
        {
            return r;
        }
        self.load_global(f, name)
    }

    /// `UnboundLocalError` for reading an unassigned local.
    #[cold]
    fn unbound_local(&self, name: &str) -> Box<Exc> {
        self.err(
            "UnboundLocalError",
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    /// Read the variable a `Name` node names (a slot index when the node is annotated).
    #[inline(always)]
    fn load_name_node(&mut self, f: &Frame, n: &ast::ExprName) -> PyResult<Value> {
        if let Some(slots) = &f.fast {
            match super::fast_locals::site(n) {
                Site::Slot(i) => {
                    if let Some(Some(v)) = slots.get(i) {
                        return Ok(v.clone());
                    }
                }
                Site::NotLocal => return self.load_outer(f, n.id.as_str()),
                Site::Unknown => {}
            }
        }
        self.load_name(f, n.id.as_str())
    }

    /// Bind the variable a `Name` node names.
    #[inline]
    fn store_name_node(&mut self, f: &mut Frame, n: &ast::ExprName, v: Value) -> PyResult<()> {
        if let (Some(slots), Site::Slot(i)) = (f.fast.as_mut(), super::fast_locals::site(n))
            && let Some(slot) = slots.get_mut(i)
        {
            *slot = Some(v);
            return Ok(());
        }
        self.store_name(f, n.id.as_str(), v)
    }

    /// The value of a local variable of the running function or class body, if bound.
    fn local_value(&self, f: &Frame, name: &str) -> Option<Value> {
        if let Some(slots) = &f.fast {
            let i = f
                .scope
                .as_ref()
                .and_then(|s| s.fast.as_ref())
                .and_then(|l| l.slot(name))?;
            return slots.get(i).cloned().flatten();
        }
        f.locals.get(name)
    }

    fn load_free(&self, f: &Frame, name: &str) -> Option<PyResult<Value>> {
        let mut chain = f.closure.as_ref();
        while let Some(c) = chain {
            if c.scope.globals.contains(name) {
                return None;
            }
            if c.scope.locals.contains(name) {
                return Some(c.env.get(name).ok_or_else(|| {
                    self.err(
                        "NameError",
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    )
                }));
            }
            chain = c.parent.as_ref();
        }
        None
    }

    /// Bind a variable.
    pub(crate) fn store_name(&mut self, f: &mut Frame, name: &str, v: Value) -> PyResult<()> {
        if let Some(scope) = &f.scope {
            if scope.globals.contains(name) {
                f.globals.set(name, v);
                return Ok(());
            }
            if scope.nonlocals.contains(name)
                || (f.is_comprehension && !scope.locals.contains(name))
            {
                let mut chain = f.closure.as_ref();
                while let Some(c) = chain {
                    if c.scope.locals.contains(name) {
                        c.env.set(name, v);
                        return Ok(());
                    }
                    chain = c.parent.as_ref();
                }
                f.globals.set(name, v);
                return Ok(());
            }
            if let (Some(slots), Some(i)) = (
                f.fast.as_mut(),
                scope.fast.as_ref().and_then(|l| l.slot(name)),
            ) && let Some(slot) = slots.get_mut(i)
            {
                *slot = Some(v);
                return Ok(());
            }
        }
        f.locals.set(name, v);
        Ok(())
    }

    fn delete_name(&mut self, f: &mut Frame, name: &str) -> bool {
        if let Some(scope) = &f.scope {
            if scope.globals.contains(name) {
                return f.globals.remove(name);
            }
            if let (Some(slots), Some(i)) = (
                f.fast.as_mut(),
                scope.fast.as_ref().and_then(|l| l.slot(name)),
            ) {
                return slots.get_mut(i).and_then(|s| s.take()).is_some();
            }
        }
        f.locals.remove(name)
    }

    // ----- assignment -----

    /// Assign to a target expression (name, attribute, subscript, tuple/list unpacking).
    pub(crate) fn assign(&mut self, f: &mut Frame, target: &Expr, v: Value) -> PyResult<()> {
        match target {
            Expr::Name(n) => self.store_name_node(f, n, v),
            Expr::Attribute(a) => {
                let obj = self.eval(f, &a.value)?;
                self.current_span = rng(a.range());
                self.set_attr(&obj, a.attr.id.as_str(), v)
                    .map_err(|e| e.at(rng(a.range()), Anchor::Plain))
            }
            Expr::Subscript(s) => {
                let obj = self.eval(f, &s.value)?;
                let key = self.eval(f, &s.slice)?;
                self.current_span = rng(s.range());
                self.set_item(&obj, key, v)
                    .map_err(|e| e.at(rng(s.range()), subscript_anchor(&f.source, s)))
            }
            Expr::Tuple(t) => self.unpack(f, &t.elts, v, rng(target.range())),
            Expr::List(t) => self.unpack(f, &t.elts, v, rng(target.range())),
            Expr::Starred(_) => Err(self.err(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(self.err("SyntaxError", "cannot assign to expression")),
        }
    }

    fn unpack(
        &mut self,
        f: &mut Frame,
        targets: &[Expr],
        v: Value,
        range: (u32, u32),
    ) -> PyResult<()> {
        let items = match &v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                if !self.is_iterable(&v) {
                    return Err(self
                        .type_error(format!(
                            "cannot unpack non-iterable {} object",
                            v.type_name()
                        ))
                        .at(range, Anchor::Plain));
                }
                self.collect(&v)?
            }
        };
        let star = targets.iter().position(|t| matches!(t, Expr::Starred(_)));
        match star {
            None => {
                if items.len() > targets.len() {
                    return Err(self
                        .value_error(format!(
                            "too many values to unpack (expected {})",
                            targets.len()
                        ))
                        .at(range, Anchor::Plain));
                }
                if items.len() < targets.len() {
                    return Err(self
                        .value_error(format!(
                            "not enough values to unpack (expected {}, got {})",
                            targets.len(),
                            items.len()
                        ))
                        .at(range, Anchor::Plain));
                }
                for (t, item) in targets.iter().zip(items) {
                    self.assign(f, t, item)?;
                }
            }
            Some(si) => {
                let after = targets.len() - si - 1;
                if items.len() < targets.len() - 1 {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(si);
                for (t, item) in targets[..si].iter().zip(items) {
                    self.assign(f, t, item)?;
                }
                if let Expr::Starred(s) = &targets[si] {
                    self.assign(f, &s.value, Value::list(middle))?;
                }
                for (t, item) in targets[si + 1..].iter().zip(tail) {
                    self.assign(f, t, item)?;
                }
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, f: &mut Frame, a: &ast::StmtAugAssign) -> PyResult<()> {
        let range = rng(a.range());
        let anchor = binop_anchor_aug(&f.source, a);
        match &*a.target {
            Expr::Name(n) => {
                let cur = self
                    .load_name_node(f, n)
                    .map_err(|e| e.at(rng(n.range()), Anchor::Plain))?;
                let rhs = self.eval(f, &a.value)?;
                let v = self
                    .inplace_op(a.op, cur, rhs)
                    .map_err(|e| e.at(range, anchor))?;
                self.store_name_node(f, n, v)
            }
            Expr::Attribute(at) => {
                let obj = self.eval(f, &at.value)?;
                self.current_span = rng(at.range());
                let cur = self
                    .get_attr(&obj, at.attr.id.as_str())
                    .map_err(|e| e.at(rng(at.range()), Anchor::Plain))?;
                let rhs = self.eval(f, &a.value)?;
                let v = self
                    .inplace_op(a.op, cur, rhs)
                    .map_err(|e| e.at(range, anchor))?;
                self.current_span = rng(at.range());
                self.set_attr(&obj, at.attr.id.as_str(), v)
                    .map_err(|e| e.at(rng(at.range()), Anchor::Plain))
            }
            Expr::Subscript(s) => {
                let obj = self.eval(f, &s.value)?;
                let key = self.eval(f, &s.slice)?;
                self.current_span = rng(s.range());
                let cur = self
                    .get_item(&obj, &key)
                    .map_err(|e| e.at(rng(s.range()), subscript_anchor(&f.source, s)))?;
                let rhs = self.eval(f, &a.value)?;
                let v = self
                    .inplace_op(a.op, cur, rhs)
                    .map_err(|e| e.at(range, anchor))?;
                self.current_span = rng(s.range());
                self.set_item(&obj, key, v)
                    .map_err(|e| e.at(rng(s.range()), Anchor::Plain))
            }
            _ => Err(self.err(
                "SyntaxError",
                "'expression' is an illegal expression for augmented assignment",
            )),
        }
    }

    fn delete(&mut self, f: &mut Frame, target: &Expr) -> PyResult<()> {
        match target {
            Expr::Name(n) => {
                if !self.delete_name(f, n.id.as_str()) {
                    let name = n.id.as_str();
                    if f.scope
                        .as_ref()
                        .map(|s| s.locals.contains(name))
                        .unwrap_or(false)
                    {
                        return Err(self.err(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                    return Err(self.name_error(f, name).at(rng(n.range()), Anchor::Plain));
                }
                Ok(())
            }
            Expr::Attribute(a) => {
                let obj = self.eval(f, &a.value)?;
                self.del_attr(&obj, a.attr.id.as_str())
            }
            Expr::Subscript(s) => {
                let obj = self.eval(f, &s.value)?;
                let key = self.eval(f, &s.slice)?;
                self.current_span = rng(s.range());
                self.del_item(&obj, &key)
                    .map_err(|e| e.at(rng(s.range()), subscript_anchor(&f.source, s)))
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.delete(f, e)),
            Expr::List(t) => t.elts.iter().try_for_each(|e| self.delete(f, e)),
            _ => Err(self.err("SyntaxError", "cannot delete expression")),
        }
    }

    // ----- expressions -----

    /// Evaluate an expression.
    pub fn eval(&mut self, f: &mut Frame, e: &Expr) -> PyResult<Value> {
        match e {
            Expr::Name(n) => self
                .load_name_node(f, n)
                .map_err(|x| x.at(rng(n.range()), Anchor::Plain)),
            Expr::NumberLiteral(n) => Ok(match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Value::Int(v),
                    None => super::builtins::parse_int_literal(&i.to_string()),
                },
                ast::Number::Float(x) => Value::Float(*x),
                ast::Number::Complex { real, imag } => super::complex::new_value(*real, *imag),
            }),
            Expr::StringLiteral(s) => Ok(self.str_literal(f, s)),
            Expr::BytesLiteral(b) => self.ev_bytes_literal(f, b),
            Expr::BooleanLiteral(b) => Ok(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => Ok(Value::None),
            Expr::EllipsisLiteral(_) => Ok(Value::Ellipsis),
            Expr::FString(fs) => self.eval_fstring(f, fs),
            Expr::BinOp(b) => self.ev_bin_op(f, b),
            Expr::UnaryOp(u) => self.ev_unary_op(f, u),
            Expr::BoolOp(b) => self.ev_bool_op(f, b),
            Expr::Compare(c) => self.ev_compare(f, c),
            Expr::If(i) => self.ev_if(f, i),
            Expr::Call(c) => self.eval_call(f, c),
            Expr::Attribute(a) => self.ev_attribute(f, a),
            Expr::Subscript(s) => self.ev_subscript(f, s),
            Expr::Slice(s) => self.ev_slice(f, s),
            Expr::List(l) => self.ev_list(f, l),
            Expr::Tuple(t) => self.ev_tuple(f, t),
            Expr::Set(s) => self.ev_set(f, s),
            Expr::Dict(d) => self.ev_dict(f, d),
            Expr::Named(n) => self.ev_named(f, n),
            Expr::Lambda(l) => self.ev_lambda(f, l),
            Expr::ListComp(c) => self.ev_list_comp(f, c),
            Expr::Generator(c) => self.ev_generator(f, c),
            Expr::SetComp(c) => self.ev_set_comp(f, c),
            Expr::DictComp(c) => self.ev_dict_comp(f, c),
            Expr::Starred(_) => Err(self.err("SyntaxError", "can't use starred expression here")),
            Expr::Yield(y) => self.do_yield(f, y.value.as_deref()),
            Expr::YieldFrom(y) => self.ev_yield_from(f, y),
            Expr::Await(_) => {
                Err(self.err("SyntaxError", "await is not supported in the playground"))
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => Err(self.err(
                "SyntaxError",
                "this expression is not supported in the playground",
            )),
        }
    }

    #[inline(never)]
    fn ev_bytes_literal(&mut self, _f: &mut Frame, b: &ast::ExprBytesLiteral) -> PyResult<Value> {
        Ok(Value::Bytes(Rc::from(b.value.bytes().collect::<Vec<u8>>())))
    }

    #[inline(never)]
    fn ev_bin_op(&mut self, f: &mut Frame, b: &ast::ExprBinOp) -> PyResult<Value> {
        let l = self.eval(f, &b.left)?;
        let r = self.eval(f, &b.right)?;
        self.binary_op(b.op, l, r)
            .map_err(|x| x.at(rng(b.range()), binop_anchor(&f.source, b)))
    }

    #[inline(never)]
    fn ev_unary_op(&mut self, f: &mut Frame, u: &ast::ExprUnaryOp) -> PyResult<Value> {
        let v = self.eval(f, &u.operand)?;
        self.unary_op(u.op, v)
            .map_err(|x| x.at(rng(u.range()), Anchor::Plain))
    }

    #[inline(never)]
    fn ev_bool_op(&mut self, f: &mut Frame, b: &ast::ExprBoolOp) -> PyResult<Value> {
        let mut last = Value::None;
        for (i, ve) in b.values.iter().enumerate() {
            last = self.eval(f, ve)?;
            if i + 1 == b.values.len() {
                break;
            }
            let t = self.truthy(&last)?;
            match b.op {
                ast::BoolOp::And if !t => return Ok(last),
                ast::BoolOp::Or if t => return Ok(last),
                _ => {}
            }
        }
        Ok(last)
    }

    #[inline(never)]
    fn ev_compare(&mut self, f: &mut Frame, c: &ast::ExprCompare) -> PyResult<Value> {
        let mut left = self.eval(f, &c.left)?;
        for (op, right_e) in c.ops.iter().zip(c.comparators.iter()) {
            let right = self.eval(f, right_e)?;
            let ok = self
                .compare(*op, &left, &right)
                .map_err(|x| x.at(rng(c.range()), Anchor::Plain))?;
            if !ok {
                return Ok(Value::Bool(false));
            }
            left = right;
        }
        Ok(Value::Bool(true))
    }

    #[inline(never)]
    fn ev_if(&mut self, f: &mut Frame, i: &ast::ExprIf) -> PyResult<Value> {
        let t = self.eval(f, &i.test)?;
        if self.truthy(&t)? {
            self.eval(f, &i.body)
        } else {
            self.eval(f, &i.orelse)
        }
    }

    #[inline(never)]
    fn ev_attribute(&mut self, f: &mut Frame, a: &ast::ExprAttribute) -> PyResult<Value> {
        let obj = self.eval(f, &a.value)?;
        self.current_span = rng(a.range());
        self.get_attr(&obj, a.attr.id.as_str())
            .map_err(|x| x.at(rng(a.range()), Anchor::Plain))
    }

    #[inline(never)]
    fn ev_subscript(&mut self, f: &mut Frame, s: &ast::ExprSubscript) -> PyResult<Value> {
        let obj = self.eval(f, &s.value)?;
        let key = self.eval(f, &s.slice)?;
        self.current_span = rng(s.range());
        self.get_item(&obj, &key)
            .map_err(|x| x.at(rng(s.range()), subscript_anchor(&f.source, s)))
    }

    #[inline(never)]
    fn ev_slice(&mut self, f: &mut Frame, s: &ast::ExprSlice) -> PyResult<Value> {
        let mut parts = [Value::None, Value::None, Value::None];
        for (i, p) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
            if let Some(p) = p {
                parts[i] = self.eval(f, p)?;
            }
        }
        Ok(Value::Slice(Rc::new(parts)))
    }

    #[inline(never)]
    fn ev_list(&mut self, f: &mut Frame, l: &ast::ExprList) -> PyResult<Value> {
        Ok(Value::list(self.eval_elts(f, &l.elts)?))
    }

    #[inline(never)]
    fn ev_tuple(&mut self, f: &mut Frame, t: &ast::ExprTuple) -> PyResult<Value> {
        Ok(Value::tuple(self.eval_elts(f, &t.elts)?))
    }

    #[inline(never)]
    fn ev_set(&mut self, f: &mut Frame, s: &ast::ExprSet) -> PyResult<Value> {
        let items = self.eval_elts(f, &s.elts)?;
        let mut d = Dict::new();
        for it in items {
            self.dict_insert(&mut d, it, Value::None)?;
        }
        Ok(Value::Set(Rc::new(std::cell::RefCell::new(d))))
    }

    #[inline(never)]
    fn ev_dict(&mut self, f: &mut Frame, d: &ast::ExprDict) -> PyResult<Value> {
        let mut out = Dict::new();
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    let k = self.eval(f, k)?;
                    let v = self.eval(f, &item.value)?;
                    self.dict_insert(&mut out, k, v)?;
                }
                None => {
                    let m = self.eval(f, &item.value)?;
                    for (k, v) in self.mapping_items(&m)? {
                        self.dict_insert(&mut out, k, v)?;
                    }
                }
            }
        }
        Ok(Value::dict(out))
    }

    #[inline(never)]
    fn ev_named(&mut self, f: &mut Frame, n: &ast::ExprNamed) -> PyResult<Value> {
        let v = self.eval(f, &n.value)?;
        self.assign(f, &n.target, v.clone())?;
        Ok(v)
    }

    #[inline(never)]
    fn ev_lambda(&mut self, f: &mut Frame, l: &ast::ExprLambda) -> PyResult<Value> {
        let def = FuncDef::Lambda(AstRef::new(&f.owner, l));
        self.make_function(f, def, l.parameters.as_deref(), "<lambda>")
    }

    #[inline(never)]
    fn ev_list_comp(&mut self, f: &mut Frame, c: &ast::ExprListComp) -> PyResult<Value> {
        let mut out = Vec::new();
        {
            self.comp_range = rng(c.range());
        }
        self.comprehension(f, &c.generators, "<listcomp>", &mut |me, cf| {
            let v = me.eval(cf, &c.elt)?;
            me.check_size((out.len() as u128 + 1) * 8)?;
            out.push(v);
            Ok(())
        })?;
        Ok(Value::list(out))
    }

    #[inline(never)]
    fn ev_generator(&mut self, f: &mut Frame, c: &ast::ExprGenerator) -> PyResult<Value> {
        let Some(first) = c.generators.first() else {
            return Ok(Value::None);
        };
        let src = self.eval(f, &first.iter)?;
        let first_iter = self
            .iter(&src)
            .map_err(|e| e.at(rng(first.iter.range()), Anchor::Plain))?;
        let mut cf = self.comp_frame(f, &c.generators, "<genexpr>");
        cf.stmt_range = rng(c.range());
        // The first iterator is the generator's local `.0`, as in CPython (see `comp_level`).
        cf.locals.set(".0", first_iter.clone());
        let node = AstRef::new(&f.owner, c);
        Ok(Value::Native(Rc::new(super::generator::GenExp::new(
            cf, node, first_iter,
        ))))
    }

    #[inline(never)]
    fn ev_set_comp(&mut self, f: &mut Frame, c: &ast::ExprSetComp) -> PyResult<Value> {
        let mut out = Dict::new();
        {
            self.comp_range = rng(c.range());
        }
        self.comprehension(f, &c.generators, "<setcomp>", &mut |me, cf| {
            let v = me.eval(cf, &c.elt)?;
            me.dict_insert(&mut out, v, Value::None)
        })?;
        Ok(Value::Set(Rc::new(std::cell::RefCell::new(out))))
    }

    #[inline(never)]
    fn ev_dict_comp(&mut self, f: &mut Frame, c: &ast::ExprDictComp) -> PyResult<Value> {
        let mut out = Dict::new();
        {
            self.comp_range = rng(c.range());
        }
        self.comprehension(f, &c.generators, "<dictcomp>", &mut |me, cf| {
            let k = me.eval(cf, &c.key)?;
            let v = me.eval(cf, &c.value)?;
            me.dict_insert(&mut out, k, v)
        })?;
        Ok(Value::dict(out))
    }

    #[inline(never)]
    fn ev_yield_from(&mut self, f: &mut Frame, y: &ast::ExprYieldFrom) -> PyResult<Value> {
        let it = self.eval(f, &y.value)?;
        for v in self.collect(&it)? {
            match f.yields.as_mut() {
                Some(ys) => ys.push(v),
                None => return Err(self.err("SyntaxError", "'yield' outside function")),
            }
        }
        Ok(Value::None)
    }

    #[inline(never)]
    fn ex_expr(&mut self, f: &mut Frame, e: &ast::StmtExpr) -> PyResult<Flow> {
        if let Expr::Yield(y) = &*e.value {
            self.do_yield(f, y.value.as_deref())?;
        } else {
            self.eval(f, &e.value)?;
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_assign(&mut self, f: &mut Frame, a: &ast::StmtAssign) -> PyResult<Flow> {
        let v = if let Expr::Yield(y) = &*a.value {
            self.do_yield(f, y.value.as_deref())?
        } else {
            self.eval(f, &a.value)?
        };
        for t in &a.targets {
            self.assign(f, t, v.clone())?;
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_aug_assign(&mut self, f: &mut Frame, a: &ast::StmtAugAssign) -> PyResult<Flow> {
        self.aug_assign(f, a)?;
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_ann_assign(&mut self, f: &mut Frame, a: &ast::StmtAnnAssign) -> PyResult<Flow> {
        if let Some(v) = &a.value {
            let v = self.eval(f, v)?;
            self.assign(f, &a.target, v)?;
        }
        // A class body or module records `name: annotation` in `__annotations__` (what
        // `dataclasses` reads); a function evaluates nothing, as CPython's compiler drops it.
        if let (Expr::Name(n), true, FrameKind::Module | FrameKind::Class) =
            (&*a.target, a.simple, f.kind)
        {
            let annotation = self.eval(f, &a.annotation)?;
            let table = match f.locals.get("__annotations__") {
                Some(t @ Value::Dict(_)) => t,
                _ => {
                    let t = Value::dict(Dict::new());
                    f.locals.set("__annotations__", t.clone());
                    t
                }
            };
            self.set_item(&table, Value::str(n.id.as_str()), annotation)?;
        }
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_return(&mut self, f: &mut Frame, r: &ast::StmtReturn) -> PyResult<Flow> {
        let v = match &r.value {
            Some(e) => self.eval(f, e)?,
            None => Value::None,
        };
        return Ok(Flow::Return(v));
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_if(&mut self, f: &mut Frame, i: &ast::StmtIf) -> PyResult<Flow> {
        let t = self.eval(f, &i.test)?;
        if self
            .truthy(&t)
            .map_err(|e| e.at(rng(i.test.range()), Anchor::Plain))?
        {
            return self.exec_block(f, &i.body);
        }
        for c in &i.elif_else_clauses {
            match &c.test {
                Some(test) => {
                    self.at_offset(&f.source, c.range().start().to_u32());
                    let t = self.eval(f, test)?;
                    if self.truthy(&t)? {
                        return self.exec_block(f, &c.body);
                    }
                }
                None => return self.exec_block(f, &c.body),
            }
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_while(&mut self, f: &mut Frame, w: &ast::StmtWhile) -> PyResult<Flow> {
        self.loop_lines
            .push(f.source.line_of(w.range().start().to_usize()));
        let r = self.ex_while_body(f, w);
        self.loop_lines.pop();
        r
    }
    #[inline(never)]
    fn ex_while_body(&mut self, f: &mut Frame, w: &ast::StmtWhile) -> PyResult<Flow> {
        loop {
            self.at_offset(&f.source, w.range().start().to_u32());
            self.step()?;
            let t = self.eval(f, &w.test)?;
            if !self.truthy(&t)? {
                return self.exec_block(f, &w.orelse);
            }
            match self.exec_block(f, &w.body)? {
                Flow::Break => break,
                Flow::Return(v) => return Ok(Flow::Return(v)),
                _ => {}
            }
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_for(&mut self, f: &mut Frame, fs: &ast::StmtFor) -> PyResult<Flow> {
        self.loop_lines
            .push(f.source.line_of(fs.range().start().to_usize()));
        let r = self.ex_for_body(f, fs);
        self.loop_lines.pop();
        r
    }
    #[inline(never)]
    fn ex_for_body(&mut self, f: &mut Frame, fs: &ast::StmtFor) -> PyResult<Flow> {
        if fs.is_async {
            return Err(self.err(
                "SyntaxError",
                "async for is not supported in the playground",
            ));
        }
        let iterable = self.eval(f, &fs.iter)?;
        let it = self
            .iter(&iterable)
            .map_err(|e| e.at(rng(fs.iter.range()), Anchor::Plain))?;
        loop {
            self.at_offset(&f.source, fs.range().start().to_u32());
            let Some(item) = self
                .next(&it)
                .map_err(|e| e.at(rng(fs.range()), Anchor::Statement))?
            else {
                return self.exec_block(f, &fs.orelse);
            };
            self.assign(f, &fs.target, item)?;
            match self.exec_block(f, &fs.body)? {
                Flow::Break => break,
                Flow::Return(v) => return Ok(Flow::Return(v)),
                _ => {}
            }
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_function_def(&mut self, f: &mut Frame, d: &ast::StmtFunctionDef) -> PyResult<Flow> {
        if d.is_async {
            return Err(self.err(
                "SyntaxError",
                "async functions are not supported in the playground",
            ));
        }
        let mut decorators = Vec::new();
        for dec in &d.decorator_list {
            decorators.push((self.eval(f, &dec.expression)?, rng(dec.expression.range())));
        }
        let func = self.make_function(
            f,
            FuncDef::Def(AstRef::new(&f.owner, d)),
            Some(&*d.parameters),
            d.name.id.as_str(),
        )?;
        let mut v = func;
        for (dec, r) in decorators.into_iter().rev() {
            v = self
                .call(&dec, Args::positional(vec![v]))
                .map_err(|e| e.at(r, Anchor::Plain))?;
        }
        self.store_name(f, d.name.id.as_str(), v)?;
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_class_def(&mut self, f: &mut Frame, c: &ast::StmtClassDef) -> PyResult<Flow> {
        let v = self.class_def(f, c)?;
        self.store_name(f, c.name.id.as_str(), v)?;
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_delete(&mut self, f: &mut Frame, d: &ast::StmtDelete) -> PyResult<Flow> {
        for t in &d.targets {
            self.delete(f, t)?;
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_assert(&mut self, f: &mut Frame, a: &ast::StmtAssert) -> PyResult<Flow> {
        let t = self.eval(f, &a.test)?;
        if !self.truthy(&t)? {
            let test_range = rng(a.test.range());
            let args = match &a.msg {
                Some(m) => vec![self.eval(f, m)?],
                None => vec![],
            };
            let e = self.new_exception(self.ty("AssertionError"), args);
            return Err(self.raise_value(e).at(test_range, Anchor::Plain));
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_with(&mut self, f: &mut Frame, w: &ast::StmtWith) -> PyResult<Flow> {
        if w.is_async {
            return Err(self.err(
                "SyntaxError",
                "async with is not supported in the playground",
            ));
        }
        return self.with_stmt(f, &w.items, &w.body);
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_import(&mut self, f: &mut Frame, i: &ast::StmtImport) -> PyResult<Flow> {
        for a in &i.names {
            let full = a.name.id.as_str();
            let mut prefix = String::new();
            for part in full.split('.') {
                if !prefix.is_empty() {
                    prefix.push('.');
                }
                prefix.push_str(part);
                if prefix.len() < full.len() {
                    self.import_module(&prefix)
                        .map_err(|e| e.at(rng(i.range()), Anchor::Statement))?;
                }
            }
            let m = self
                .import_module(full)
                .map_err(|e| e.at(rng(i.range()), Anchor::Statement))?;
            match &a.asname {
                Some(asn) => self.store_name(f, asn.id.as_str(), m)?,
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    let tm = self.import_module(top)?;
                    self.store_name(f, top, tm)?
                }
            }
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn ex_import_from(&mut self, f: &mut Frame, i: &ast::StmtImportFrom) -> PyResult<Flow> {
        let modname = i
            .module
            .as_ref()
            .map(|m| m.id.to_string())
            .unwrap_or_default();
        if i.level > 0 {
            return Err(self.err(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        let m = self.import_module(&modname)?;
        for a in &i.names {
            let name = a.name.id.as_str();
            if name == "*" {
                if let Value::Module(md) = &m {
                    for (k, v) in md.env.borrow().iter() {
                        if let Value::Str(k) = &k
                            && !k.starts_with('_')
                        {
                            if f.fast.is_some() {
                                self.store_name(f, k, v.clone())?;
                            } else {
                                f.locals.set(k, v.clone());
                            }
                        }
                    }
                }
                continue;
            }
            let v = match self.get_attr_opt(&m, name)? {
                Some(v) => v,
                None => {
                    // A submodule (`from os import path`) may still be importable.
                    match self.import_module(&format!("{modname}.{name}")) {
                        Ok(v) => v,
                        Err(_) => return Err(self.err(
                            "ImportError",
                            format!(
                                "cannot import name '{name}' from '{modname}' (unknown location)"
                            ),
                        )),
                    }
                }
            };
            let bind = a.asname.as_ref().map(|x| x.id.as_str()).unwrap_or(name);
            self.store_name(f, bind, v)?;
        }
        #[allow(unreachable_code)]
        Ok(Flow::Normal)
    }

    pub(crate) fn dict_insert(&mut self, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
        self.dict_insert_new(d, k, v)
    }

    fn eval_elts(&mut self, f: &mut Frame, elts: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(elts.len());
        for e in elts {
            if let Expr::Starred(s) = e {
                let v = self.eval(f, &s.value)?;
                if !self.is_iterable(&v) {
                    return Err(self.type_error(format!(
                        "Value after * must be an iterable, not {}",
                        v.type_name()
                    )));
                }
                out.extend(self.collect(&v)?);
            } else {
                out.push(self.eval(f, e)?);
            }
        }
        Ok(out)
    }

    fn comprehension(
        &mut self,
        f: &mut Frame,
        gens: &[ast::Comprehension],
        name: &str,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> PyResult<()>,
    ) -> PyResult<()> {
        let outer = self.comp_range;
        let Some(first) = gens.first() else {
            return Ok(());
        };
        // The first iterable is evaluated in the enclosing scope, as in CPython.
        let first_iter = self.eval(f, &first.iter)?;
        let mut cf = self.comp_frame(f, gens, name);
        if self.depth >= self.config.recursion_limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        let r = self.comp_level(&mut cf, gens, 0, Some(first_iter), body);
        self.depth -= 1;
        r.map_err(|e| self.commit_tb(e, &cf).at(outer, Anchor::Plain))
    }

    fn comp_frame(&mut self, f: &Frame, gens: &[ast::Comprehension], name: &str) -> Frame {
        let key = gens.as_ptr() as usize;
        let scope = match self.scope_cache.get(&key) {
            Some(s) => s.clone(),
            None => {
                let s = Rc::new(ScopeInfo::for_comprehension(gens));
                self.scope_cache.insert(key, s.clone());
                s
            }
        };
        Frame {
            kind: FrameKind::Function,
            locals: Rc::new(Env::default()),
            globals: f.globals.clone(),
            scope: Some(scope),
            closure: self.child_closure(f),
            owner: f.owner.clone(),
            source: f.source.clone(),
            filename: f.filename.clone(),
            func_name: Rc::from(name),
            qual_prefix: f.qual_prefix.clone(),
            function: f.function.clone(),
            first_arg: f.first_arg.clone(),
            stmt_range: f.stmt_range,
            is_comprehension: true,
            yields: None,
            fast: None,
            locals_dict: None,
        }
    }

    fn comp_level(
        &mut self,
        cf: &mut Frame,
        gens: &[ast::Comprehension],
        level: usize,
        iterable: Option<Value>,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(g) = gens.get(level) else {
            return body(self, cf);
        };
        let iterable = match iterable {
            Some(v) => v,
            None => self.eval(cf, &g.iter)?,
        };
        let it = self
            .iter(&iterable)
            .map_err(|e| e.at(rng(g.iter.range()), Anchor::Plain))?;
        if level == 0 {
            // CPython passes the first iterator to the comprehension's code as its local `.0`;
            // only `locals()` shows it.
            cf.locals.set(".0", it.clone());
        }
        'items: while let Some(item) = self.next(&it)? {
            self.step()?;
            self.assign(cf, &g.target, item)?;
            for cond in &g.ifs {
                let c = self.eval(cf, cond)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            self.comp_level(cf, gens, level + 1, None, body)?;
        }
        Ok(())
    }

    fn eval_call(&mut self, f: &mut Frame, c: &ast::ExprCall) -> PyResult<Value> {
        let range = rng(c.range());
        // Zero-argument super() needs the frame.
        if let Expr::Name(n) = &*c.func
            && c.arguments.args.is_empty()
            && n.id.as_str() == "super"
            && self.local_value(f, "super").is_none()
            && let Some(Value::Builtin(_)) = self.builtins.get("super")
            && f.globals.get("super").is_none()
        {
            return self
                .zero_arg_super(f)
                .map_err(|e| e.at(range, Anchor::Plain));
        }
        let func = self.eval(f, &c.func)?;
        let mut args = Args {
            pos: self.recycler.args(),
            kw: Vec::new(),
        };
        for a in c.arguments.args.iter() {
            if let Expr::Starred(s) = a {
                let v = self.eval(f, &s.value)?;
                if !self.is_iterable(&v) {
                    let fname = self.callable_name(&func);
                    return Err(self
                        .type_error(format!(
                            "{fname} argument after * must be an iterable, not {}",
                            v.type_name()
                        ))
                        .at(range, Anchor::Plain));
                }
                args.pos.extend(self.collect(&v)?);
            } else {
                args.pos.push(self.eval(f, a)?);
            }
        }
        for k in c.arguments.keywords.iter() {
            let v = self.eval(f, &k.value)?;
            match &k.arg {
                Some(name) => args.kw.push((name.id.to_string(), v)),
                None => {
                    let items = match &v {
                        Value::Dict(_) | Value::Native(_) | Value::Instance(_) => {
                            self.mapping_items(&v)?
                        }
                        _ => {
                            let fname = self.callable_name(&func);
                            return Err(self
                                .type_error(format!(
                                    "{fname} argument after ** must be a mapping, not {}",
                                    v.type_name()
                                ))
                                .at(range, Anchor::Plain));
                        }
                    };
                    for (kk, vv) in items {
                        let Value::Str(kk) = &kk else {
                            return Err(self
                                .type_error("keywords must be strings")
                                .at(range, Anchor::Plain));
                        };
                        if args.kw.iter().any(|(n, _)| **n == **kk) {
                            let fname = self.callable_name(&func);
                            return Err(self
                                .type_error(format!(
                                    "{fname} got multiple values for keyword argument '{kk}'"
                                ))
                                .at(range, Anchor::Plain));
                        }
                        args.kw.push((kk.to_string(), vv));
                    }
                }
            }
        }
        self.current_span = range;
        if let Some(which) = self.namespace_builtin(&func) {
            // `vars()` and `dir()` without an argument look at the frame; with one they are
            // ordinary built-ins.
            if !(matches!(which, Which::Vars | Which::Dir)
                && !(args.pos.is_empty() && args.kw.is_empty()))
            {
                return self
                    .call_namespace_builtin(f, args, which)
                    .map_err(|e| e.at(range, Anchor::Plain));
            }
        }
        self.call(&func, args)
            .map_err(|e| e.at(range, Anchor::Plain))
    }

    /// Whether `func` is the built-in `globals`, `locals`, `vars` or `dir` (which need the
    /// calling frame).
    #[inline]
    fn namespace_builtin(&self, func: &Value) -> Option<Which> {
        let Value::Builtin(b) = func else { return None };
        if b.receiver.is_some() {
            return None;
        }
        let which = match b.name.as_str() {
            "globals" => Which::Globals,
            "locals" => Which::Locals,
            "vars" => Which::Vars,
            "dir" => Which::Dir,
            _ => return None,
        };
        match &self.builtins.get(&b.name) {
            Some(Value::Builtin(registered)) if Rc::ptr_eq(registered, b) => Some(which),
            _ => None,
        }
    }

    /// Call `globals()` or `locals()` in frame `f`, checking the (absent) arguments as CPython.
    /// Cold and out of line, so the hot call path stays as small as it was.
    #[cold]
    #[inline(never)]
    fn call_namespace_builtin(
        &mut self,
        f: &mut Frame,
        args: Args,
        which: Which,
    ) -> PyResult<Value> {
        let name = match which {
            Which::Globals => "globals",
            Which::Locals => "locals",
            Which::Vars => "vars",
            Which::Dir => "dir",
        };
        if !args.kw.is_empty() {
            return Err(self.type_error(format!("{name}() takes no keyword arguments")));
        }
        if !args.pos.is_empty() {
            return Err(self.type_error(format!(
                "{name}() takes no arguments ({} given)",
                args.pos.len()
            )));
        }
        self.recycler.give_args(args.pos);
        let namespace = self.frame_namespace(f, which);
        if which != Which::Dir {
            return Ok(namespace);
        }
        let Value::Dict(d) = &namespace else {
            return Ok(namespace);
        };
        let mut names: Vec<Value> = d
            .borrow()
            .keys()
            .into_iter()
            .filter(|k| matches!(k, Value::Str(_)))
            .collect();
        crate::text::order::sort_by(&mut names, |a, b| match (a, b) {
            (Value::Str(a), Value::Str(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        });
        Ok(Value::list(names))
    }

    fn zero_arg_super(&mut self, f: &Frame) -> PyResult<Value> {
        let cls = f
            .function
            .as_ref()
            .and_then(|func| func.class_cell.borrow().clone());
        let (Some(cls), Some(obj)) = (cls, f.first_arg.clone()) else {
            return Err(self.err("RuntimeError", "super(): no arguments"));
        };
        Ok(Value::Super(Rc::new((cls, obj))))
    }

    fn eval_fstring(&mut self, f: &mut Frame, fs: &ast::ExprFString) -> PyResult<Value> {
        // The text is built in the interpreter's scratch buffer (kept between f-strings, so
        // building costs no allocation) and copied once into the `str`. A nested f-string finds
        // the buffer taken and uses a fresh one.
        let mut out = std::mem::take(&mut self.fstring_buf);
        out.clear();
        let mut built = Ok(());
        for part in fs.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => out.push_str(&l.value),
                ast::FStringPart::FString(fstr) => {
                    built = self.fstring_elements(f, &fstr.elements, &mut out);
                    if built.is_err() {
                        break;
                    }
                }
            }
        }
        let v = Value::Str(Rc::from(out.as_str()));
        if out.capacity() <= 4096 {
            self.fstring_buf = out;
        }
        built.map(|()| v)
    }

    fn fstring_elements(
        &mut self,
        f: &mut Frame,
        elements: &ast::InterpolatedStringElements,
        out: &mut String,
    ) -> PyResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => out.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let v = self.eval(f, &i.expression)?;
                    // `{n}` and `{s}` of an int or a str: the text is `str(v)`, written in place.
                    if i.debug_text.is_none()
                        && i.format_spec.is_none()
                        && i.conversion == ast::ConversionFlag::None
                    {
                        match &v {
                            Value::Str(s) => {
                                out.push_str(s);
                                continue;
                            }
                            Value::Int(n) => {
                                push_int(out, *n);
                                continue;
                            }
                            _ => {}
                        }
                    }
                    let mut conversion = i.conversion;
                    if let Some(dbg) = &i.debug_text {
                        out.push_str(&dbg.leading);
                        let src = &f.source.text;
                        let r = i.expression.range();
                        out.push_str(
                            src.get(r.start().to_usize()..r.end().to_usize())
                                .unwrap_or(""),
                        );
                        out.push_str(&dbg.trailing);
                        if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conversion = ast::ConversionFlag::Repr;
                        }
                    }
                    let v = match conversion {
                        ast::ConversionFlag::None => v,
                        ast::ConversionFlag::Str => Value::str(&self.to_str(&v)?),
                        ast::ConversionFlag::Repr => Value::str(&self.repr(&v)?),
                        ast::ConversionFlag::Ascii => {
                            Value::str(&super::builtins::ascii_escape(&self.repr(&v)?))
                        }
                    };
                    let mut spec = String::new();
                    if let Some(fs) = &i.format_spec {
                        self.fstring_elements(f, &fs.elements, &mut spec)?;
                    }
                    let s = self
                        .format(&v, &spec)
                        .map_err(|e| e.at(rng(i.range()), Anchor::Plain))?;
                    out.push_str(&s);
                }
            }
        }
        Ok(())
    }
}

/// Append the decimal digits of `n` (what `str(n)` gives), without the formatting machinery.
fn push_int(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or(""));
}

fn unreachable_flow() -> Box<Exc> {
    Box::new(Exc {
        value: Value::None,
        loc: None,
        reraised: false,
    })
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

/// Attach a "Did you mean" suggestion to an exception (shown only in tracebacks, as in CPython).
pub(crate) fn set_suggestion(exc: &Value, s: String) {
    if let Value::Instance(i) = exc {
        i.attrs
            .borrow_mut()
            .set_str("__suggestion__", Value::str(&s));
    }
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\x0c'
}

/// CPython 3.11's anchors for a binary operation: the operator between the operands.
fn binop_anchor(src: &SourceFile, b: &ast::ExprBinOp) -> Anchor {
    let text = src.text.as_bytes();
    let (ls, le) = (
        b.left.range().end().to_usize(),
        b.right.range().start().to_usize(),
    );
    let mut i = ls;
    while i < le {
        let c = text.get(i).copied().unwrap_or(b' ');
        if is_ws(c) || c == b'\n' || c == b'\\' || c == b'\r' {
            i += 1;
            continue;
        }
        let mut right = i + 1;
        if i + 1 < le && !is_ws(text.get(i + 1).copied().unwrap_or(b' ')) {
            right += 1;
        }
        if i + 1 < le && c == b')' {
            i += 1;
            continue;
        }
        return Anchor::Split(i as u32, right as u32);
    }
    Anchor::Plain
}

fn binop_anchor_aug(_src: &SourceFile, _a: &ast::StmtAugAssign) -> Anchor {
    // CPython 3.11 points at the whole augmented assignment without operator anchors.
    Anchor::Plain
}

/// CPython 3.11's anchors for a subscript: from `[` to the matching `]`.
fn subscript_anchor(src: &SourceFile, s: &ast::ExprSubscript) -> Anchor {
    let text = src.text.as_bytes();
    let end = s.range().end().to_usize();
    let mut left = s.value.range().end().to_usize();
    while left < end && text.get(left) != Some(&b'[') {
        left += 1;
    }
    let mut right = s.slice.range().end().to_usize() + 1;
    // The slice may have been parenthesised; look for the closing bracket.
    right = right.min(end);
    let mut r = s.slice.range().end().to_usize();
    while r < end && text.get(r) != Some(&b']') {
        r += 1;
    }
    if r < end {
        right = r + 1;
    }
    Anchor::Split(left as u32, right as u32)
}

/// C3 linearisation of a class's bases; `None` when inconsistent.
fn c3_mro(cls: &Rc<Class>) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = cls.bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(cls.bases.clone());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                found = Some(cand.clone());
                break;
            }
        }
        let c = found?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
