//! Giving an interpreter's memory back when it is dropped.
//!
//! Values are reference counted (`Rc`), and Python programs are full of reference cycles that
//! `Rc` never frees on its own: a module's functions hold the module's globals, which hold the
//! functions; a class's methods hold the globals that hold the class; built-in types hold their
//! methods; learners write `items.append(items)` or `self.me = self`. CPython collects these with
//! its cycle GC. The playground drops a whole interpreter at once (every code edit reloads the
//! app), so instead of a collector it tears everything down when the `Interp` is dropped: it
//! walks every object reachable from the interpreter's roots (built-in types, builtins, modules,
//! the exceptions being handled) and empties every mutable container it meets — list, dict and
//! set contents, namespaces, class dicts and MROs, instance `__dict__`s, exception state,
//! iterator state, generator frames. With every container empty no cycle is left, and dropping
//! the walk's own references frees everything.
//!
//! Roots alone are not enough: objects that formed a cycle and then became unreachable while the
//! program ran (a function that defined a nested function — every decorator does — leaves its
//! locals and that function pointing at each other; `self.me = self` on a discarded instance)
//! are reached by no root. The objects every such cycle must pass through — a closure's captured
//! namespace, a class (its MRO starts with itself), an instance — are therefore registered when
//! created ([`Tracked`], weak references, pruned as they die), and the teardown starts from them
//! too. A cycle made only of lists and dicts that became unreachable is not tracked (containers
//! are created everywhere, often without the interpreter at hand) and is not freed.
//!
//! The walk is iterative (a work list, not recursion): learner data can be deep. Objects the walk
//! cannot see into hand their values over themselves: native objects through
//! [`NativeObject::teardown`](super::value::NativeObject::teardown), built-in functions whose
//! Rust closure captured values through [`Builtin::held`](super::value::Builtin::held).
//!
//! Consequence for hosts: a `Value` kept after its interpreter is dropped is an empty shell
//! (its containers are cleared); use values only while their interpreter lives.

use std::collections::HashSet;
use std::rc::{Rc, Weak};

use super::dict::Dict;
use super::eval::Frame;
use super::interp::Interp;
use super::value::*;

/// The walk in progress: what was seen, what is still to empty, and the references that keep
/// every visited object alive (so no address is reused while `seen` remembers it).
#[derive(Default)]
pub struct Teardown {
    seen: HashSet<usize, rustc_hash::FxBuildHasher>,
    todo: Vec<Value>,
    todo_envs: Vec<Rc<Env>>,
    kept: Vec<Value>,
    kept_envs: Vec<Rc<Env>>,
    kept_chains: Vec<Rc<EnvChain>>,
}

impl Teardown {
    /// Hand a value to the walk (it will be visited once and its containers emptied).
    pub fn value(&mut self, v: &Value) {
        if !v.holds_values() {
            return;
        }
        if let Some(p) = v.ptr()
            && self.seen.insert(p)
        {
            self.todo.push(v.clone());
        }
    }

    /// Hand a namespace to the walk (its variables will be removed and visited).
    pub fn env(&mut self, e: &Rc<Env>) {
        if self.seen.insert(Rc::as_ptr(e) as usize) {
            self.todo_envs.push(e.clone());
        }
    }

    /// Hand a closure's chain of enclosing scopes to the walk.
    pub fn chain(&mut self, c: &Rc<EnvChain>) {
        let mut next = Some(c.clone());
        while let Some(link) = next {
            if !self.seen.insert(Rc::as_ptr(&link) as usize) {
                break;
            }
            self.env(&link.env);
            next = link.parent.clone();
            self.kept_chains.push(link);
        }
    }

    /// Hand a frame (a suspended generator's) to the walk.
    pub(crate) fn frame(&mut self, f: &Frame) {
        self.env(&f.locals);
        self.env(&f.globals);
        if let Some(c) = &f.closure {
            self.chain(c);
        }
        if let Some(func) = &f.function {
            self.value(&Value::Function(func.clone()));
        }
        if let Some(a) = &f.first_arg {
            self.value(a);
        }
        if let Some(d) = &f.locals_dict {
            self.env(d);
        }
        for y in f.yields.iter().flatten() {
            self.value(y);
        }
    }

    /// Hand the values of a dict-like table to the walk, emptying it if it can be borrowed.
    fn take_dict(&mut self, d: &std::cell::RefCell<Dict>) {
        let Ok(mut d) = d.try_borrow_mut() else {
            return;
        };
        let d = std::mem::take(&mut *d);
        self.dict(&d);
    }

    fn dict(&mut self, d: &Dict) {
        for (k, v) in d.iter() {
            self.value(&k);
            self.value(&v);
        }
    }

    /// Empty one object's containers, handing what they held to the walk.
    fn empty(&mut self, v: &Value) {
        match v {
            Value::List(l) => {
                if let Ok(mut l) = l.try_borrow_mut() {
                    for item in std::mem::take(&mut *l) {
                        self.value(&item);
                    }
                }
            }
            Value::Tuple(t) => t.iter().for_each(|x| self.value(x)),
            Value::Dict(d) | Value::Set(d) => self.take_dict(d),
            Value::FrozenSet(d) => self.dict(d),
            Value::Slice(s) => s.iter().for_each(|x| self.value(x)),
            Value::Function(f) => {
                f.defaults.iter().for_each(|x| self.value(x));
                f.kw_defaults.iter().for_each(|(_, x)| self.value(x));
                self.env(&f.globals);
                if let Some(c) = &f.closure {
                    self.chain(c);
                }
                self.take_dict(&f.attrs);
                if let Some(c) = f
                    .class_cell
                    .try_borrow_mut()
                    .ok()
                    .and_then(|mut c| c.take())
                {
                    self.value(&Value::Class(c));
                }
            }
            Value::Builtin(b) => {
                if let Some(r) = &b.receiver {
                    self.value(r);
                }
                b.held.iter().for_each(|x| self.value(x));
            }
            Value::Method(m) => {
                self.value(&m.0);
                self.value(&m.1);
            }
            Value::Class(c) => {
                for base in &c.bases {
                    self.value(&Value::Class(base.clone()));
                }
                if let Some(meta) = c.meta.take() {
                    self.value(&Value::Class(meta));
                }
                if let Ok(mut mro) = c.mro.try_borrow_mut() {
                    for k in std::mem::take(&mut *mro) {
                        self.value(&Value::Class(k));
                    }
                }
                self.take_dict(&c.dict);
            }
            Value::Instance(i) => {
                self.value(&Value::Class(i.class.clone()));
                self.take_dict(&i.attrs);
                if let Some(Ok(mut st)) = i.exc.as_ref().map(|e| e.try_borrow_mut()) {
                    let st = std::mem::take(&mut *st);
                    st.args.iter().for_each(|x| self.value(x));
                    st.cause
                        .iter()
                        .chain(st.context.iter())
                        .for_each(|x| self.value(x));
                }
                if let Some(b) = &i.base {
                    self.value(b);
                }
            }
            Value::Module(m) => self.env(&m.env),
            Value::Iter(state) => {
                if let Ok(mut st) = state.try_borrow_mut() {
                    match std::mem::replace(&mut *st, IterState::Done) {
                        IterState::Seq(v, _) | IterState::User(v) => self.value(&v),
                        IterState::Values(rest) => rest.for_each(|x| self.value(&x)),
                        IterState::Range { .. } | IterState::Chars(..) | IterState::Done => {}
                    }
                }
            }
            Value::Native(n) => n.teardown(self),
            Value::Property(p) => {
                self.value(&p.fget);
                self.value(&p.fset);
                self.value(&p.fdel);
            }
            Value::StaticMethod(f) | Value::ClassMethod(f) => self.value(f),
            Value::Super(s) => {
                self.value(&Value::Class(s.0.clone()));
                self.value(&s.1);
            }
            _ => {}
        }
    }

    /// Empty everything handed over so far, and everything reached from it.
    fn run(&mut self) {
        loop {
            if let Some(v) = self.todo.pop() {
                self.empty(&v);
                self.kept.push(v);
            } else if let Some(e) = self.todo_envs.pop() {
                self.take_dict(&e);
                self.kept_envs.push(e);
            } else {
                break;
            }
        }
    }
}

/// Weak references to the objects every unreachable cycle passes through (see the module doc).
#[derive(Default)]
pub(crate) struct Tracked {
    envs: Vec<Weak<Env>>,
    classes: Vec<Weak<Class>>,
    instances: Vec<Weak<Instance>>,
    /// Total length at which dead entries are dropped next (keeps the lists proportional to the
    /// live objects: a dead entry still holds its object's allocation, not its contents).
    next_prune: usize,
}

impl Tracked {
    /// A namespace captured by a closure.
    pub(crate) fn env(&mut self, e: &Rc<Env>) {
        self.envs.push(Rc::downgrade(e));
        self.maybe_prune();
    }
    /// A class created at run time.
    pub(crate) fn class(&mut self, c: &Rc<Class>) {
        self.classes.push(Rc::downgrade(c));
        self.maybe_prune();
    }
    /// An instance (exceptions included).
    pub(crate) fn instance(&mut self, i: &Rc<Instance>) {
        self.instances.push(Rc::downgrade(i));
        self.maybe_prune();
    }
    fn maybe_prune(&mut self) {
        let len = self.envs.len() + self.classes.len() + self.instances.len();
        if len < self.next_prune {
            return;
        }
        self.envs.retain(|w| w.strong_count() > 0);
        self.classes.retain(|w| w.strong_count() > 0);
        self.instances.retain(|w| w.strong_count() > 0);
        let live = self.envs.len() + self.classes.len() + self.instances.len();
        self.next_prune = (live * 2).max(1024);
    }
    fn hand_over(&mut self, t: &mut Teardown) {
        for e in std::mem::take(&mut self.envs)
            .iter()
            .filter_map(Weak::upgrade)
        {
            t.env(&e);
        }
        for c in std::mem::take(&mut self.classes)
            .iter()
            .filter_map(Weak::upgrade)
        {
            t.value(&Value::Class(c));
        }
        for i in std::mem::take(&mut self.instances)
            .iter()
            .filter_map(Weak::upgrade)
        {
            t.value(&Value::Instance(i));
        }
    }
}

/// Break every cycle among the interpreter's objects (called when it is dropped).
pub(crate) fn teardown(interp: &mut Interp) {
    let mut t = Teardown::default();
    let types = &interp.types;
    for class in [&types.object, &types.type_]
        .into_iter()
        .chain(&types.fast)
        .chain(types.by_name.values())
    {
        t.value(&Value::Class(class.clone()));
    }
    for class in interp.native_classes.get_mut().values() {
        t.value(&Value::Class(class.clone()));
    }
    t.env(&interp.builtins);
    for m in interp.modules.values() {
        t.value(m);
    }
    for h in &interp.handling {
        t.value(h);
    }
    interp.tracked.get_mut().hand_over(&mut t);
    t.run();
    // Host closures (module factories, the observer) may capture values: drop them while the
    // walk still keeps everything alive, then let go of the rest.
    interp.module_factories.clear();
    interp.observer = None;
    interp.modules.clear();
    interp.handling.clear();
    drop(t);
}
