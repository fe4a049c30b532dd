//! A copy of an interpreter that has run some modules: every object it can reach, copied.
//!
//! Why: every server start runs the Flask prelude's module code (markupsafe, jinja2, flask:
//! some 3,000 lines defining ~150 classes and ~700 functions) before the learner's `app.py`, and
//! the page starts a server for a link, after every edit and for a rewind. Running that code
//! again each time is the bulk of a start; copying the objects it made is several times cheaper
//! (`bench/server_start.rs` measures both). A host runs the modules once in a *template*
//! interpreter, then [`Interp::fork`]s it for each start.
//!
//! Why a deep copy rather than sharing the template's objects read-only: Python lets any program
//! change a module's attributes, a class's methods or a default argument, and the next start
//! must not see that (CPython starts each process from scratch). A copy-on-write layer would
//! touch every attribute look-up of the evaluator; a copy touches nothing but the start. It is
//! also what the teardown needs: dropping an interpreter empties every container it reaches
//! (see `teardown`), so no container may be reachable from two interpreters.
//!
//! What is copied and what is shared: every mutable object (lists, dicts, sets, namespaces,
//! classes, functions with their defaults and `__dict__`, instances, modules, iterators,
//! methods, properties) is copied once, so aliasing and cycles are kept (`a is b` in the
//! template is `a' is b'` in the copy); tuples and frozensets are copied with their items.
//! Objects no program can change are shared: strings, bytes, big integers, ranges, parsed code,
//! and built-in functions that hold no values — table natives, and closures whose captured
//! state (if any) the host replaces through the `seeds` it passes: the Flask server maps its
//! template's `_flask_native` objects, which capture the template's request context, to the new
//! server's. A built-in function holding values (a bound built-in method, a closure listing
//! `held` values) is copied when it can be (a bound receiver) and refused otherwise.
//!
//! The copy refuses ([`ForkRefused`]) rather than guess when the template holds something it
//! cannot copy faithfully: a host object (`NativeObject`: generators, `itertools` iterators, the
//! Flask proxies unless seeded), a closure holding values, an exception being handled, random
//! numbers already drawn, or the `os` module (its `environ` is made from the host's config when
//! imported). The host then runs the modules afresh, as it did before there was a template.
//!
//! The walk recurses on the Rust stack only through objects that cannot hold themselves
//! (tuples, defaults, bases); containers are filled from a work list, and past [`MAX_DEPTH`]
//! levels of immutable nesting the copy is refused.

use std::collections::HashMap;
use std::rc::Rc;

use super::dict::Dict;
use super::interp::{HostConfig, Interp};
use super::value::*;

/// How deep the copy may recurse before it gives up (see the module doc).
const MAX_DEPTH: usize = 2_000;

/// Why an interpreter could not be copied (the host then starts afresh).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForkRefused(pub String);

impl std::fmt::Display for ForkRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the interpreter cannot be copied: {}", self.0)
    }
}

type Table = std::cell::RefCell<Dict>;

/// A container made empty, to be filled once the walk is done with what it is working on.
enum Fill {
    Table(Rc<Table>, Rc<Table>),
    List(
        Rc<std::cell::RefCell<Vec<Value>>>,
        Rc<std::cell::RefCell<Vec<Value>>>,
    ),
    Iter(
        Rc<std::cell::RefCell<IterState>>,
        Rc<std::cell::RefCell<IterState>>,
    ),
    Class(Rc<Class>, Rc<Class>),
    Instance(Rc<Instance>, Rc<Instance>),
    Function(Rc<Function>, Rc<Function>),
}

/// The copy in progress: every object met so far and its copy, by address, and the copies
/// still to fill. Every mutable object is first made empty and entered in the memo, and filled
/// later from the work list: whatever its contents reach (itself included) then finds the copy,
/// and the walk recurses only through objects that cannot hold themselves (tuples, a
/// function's defaults, a class's bases), so its depth is that of the code, not of the data.
struct Copier {
    /// Copies by the original's address; a table (dict, set or namespace) is entered as a
    /// `Value::Dict` whatever it is (one map: each kind of map costs code in the page).
    values: HashMap<usize, Value, rustc_hash::FxBuildHasher>,
    /// Closures' scope chains (few: a linear search).
    chains: Vec<(usize, Rc<EnvChain>)>,
    todo: Vec<Fill>,
    /// Copied objects the teardown must be able to reach even when they become unreachable.
    tracked_classes: Vec<Rc<Class>>,
    tracked_instances: Vec<Rc<Instance>>,
    tracked_envs: Vec<Rc<Env>>,
    depth: usize,
}

type Copied<T> = Result<T, ForkRefused>;

impl Copier {
    fn value(&mut self, v: &Value) -> Copied<Value> {
        match v {
            Value::Dict(table) => return Ok(Value::Dict(self.table(table))),
            Value::Set(table) => return Ok(Value::Set(self.table(table))),
            _ => {}
        }
        let Some(at) = v.ptr() else {
            return Ok(v.clone());
        };
        if let Some(done) = self.values.get(&at) {
            return Ok(done.clone());
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ForkRefused("objects nested too deeply".into()));
        }
        let copy = self.fresh(v);
        self.depth -= 1;
        let copy = copy?;
        self.values.insert(at, copy.clone());
        Ok(copy)
    }

    /// The copy of an object not met before; a mutable one is left empty, to be filled.
    fn fresh(&mut self, v: &Value) -> Copied<Value> {
        Ok(match v {
            Value::Long(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) => v.clone(),
            Value::List(items) => {
                let list = Rc::new(std::cell::RefCell::new(Vec::new()));
                self.todo.push(Fill::List(items.clone(), list.clone()));
                Value::List(list)
            }
            Value::Tuple(items) => Value::Tuple(self.all(items)?.into()),
            Value::Slice(parts) => {
                let [a, b, c] = &**parts;
                Value::Slice(Rc::new([self.value(a)?, self.value(b)?, self.value(c)?]))
            }
            Value::FrozenSet(table) => Value::FrozenSet(Rc::new(self.dict(table)?)),
            Value::Function(f) => Value::Function(self.function(f)?),
            Value::Builtin(b) => {
                // A closure may have captured objects of this interpreter (a class, the host's
                // state) that no walk can see: only the host's seeds can stand for one.
                if matches!(b.func, super::native::NativeImpl::Closure(_)) || !b.held.is_empty() {
                    return Err(ForkRefused(format!(
                        "the built-in function {} was made by a closure",
                        b.name
                    )));
                }
                match &b.receiver {
                    None => v.clone(),
                    Some(receiver) => Value::Builtin(Rc::new(Builtin {
                        name: b.name.clone(),
                        func: b.func.clone(),
                        receiver: Some(self.value(receiver)?),
                        held: Vec::new(),
                    })),
                }
            }
            Value::Method(m) => Value::Method(Rc::new((self.value(&m.0)?, self.value(&m.1)?))),
            Value::Class(c) => Value::Class(self.class(c)?),
            Value::Instance(i) => Value::Instance(self.instance(i)?),
            Value::Module(m) => Value::Module(Rc::new(Module {
                name: m.name.clone(),
                env: self.table(&m.env),
            })),
            Value::Iter(state) => {
                let copy = Rc::new(std::cell::RefCell::new(IterState::Done));
                self.todo.push(Fill::Iter(state.clone(), copy.clone()));
                Value::Iter(copy)
            }
            Value::Native(n) => {
                return Err(ForkRefused(format!(
                    "a host object of type {} cannot be copied",
                    n.type_name()
                )));
            }
            Value::Property(p) => Value::Property(Rc::new(Property {
                fget: self.value(&p.fget)?,
                fset: self.value(&p.fset)?,
                fdel: self.value(&p.fdel)?,
            })),
            Value::StaticMethod(f) => Value::StaticMethod(Rc::new(self.value(f)?)),
            Value::ClassMethod(f) => Value::ClassMethod(Rc::new(self.value(f)?)),
            Value::Super(s) => Value::Super(Rc::new((self.class(&s.0)?, self.value(&s.1)?))),
            // Values without an address (None, ints, floats, ...) are returned by `value`.
            other => other.clone(),
        })
    }

    fn all(&mut self, items: &[Value]) -> Copied<Vec<Value>> {
        let mut copies = Vec::with_capacity(items.len());
        for item in items {
            copies.push(self.value(item)?);
        }
        Ok(copies)
    }

    /// A dict's, set's or namespace's table, empty until filled (one memo for the three: a
    /// namespace is the very table `globals()` returns).
    fn table(&mut self, table: &Rc<Table>) -> Rc<Table> {
        let at = Rc::as_ptr(table) as usize;
        if let Some(Value::Dict(done)) = self.values.get(&at) {
            return done.clone();
        }
        let copy = Rc::new(std::cell::RefCell::new(Dict::new()));
        self.values.insert(at, Value::Dict(copy.clone()));
        self.todo.push(Fill::Table(table.clone(), copy.clone()));
        copy
    }

    /// A frozenset's table (immutable: copied at once; its items are hashable, so never a
    /// container that could hold the frozenset).
    fn dict(&mut self, dict: &Dict) -> Copied<Dict> {
        dict.try_map(|v| self.value(v))
    }

    fn chain(&mut self, chain: &Rc<EnvChain>) -> Copied<Rc<EnvChain>> {
        let at = Rc::as_ptr(chain) as usize;
        if let Some((_, done)) = self.chains.iter().find(|(from, _)| *from == at) {
            return Ok(done.clone());
        }
        let env = self.table(&chain.env);
        self.tracked_envs.push(env.clone());
        let parent = match &chain.parent {
            Some(parent) => Some(self.chain(parent)?),
            None => None,
        };
        let copy = Rc::new(EnvChain {
            env,
            scope: chain.scope.clone(),
            parent,
        });
        self.chains.push((at, copy.clone()));
        Ok(copy)
    }

    fn function(&mut self, f: &Rc<Function>) -> Copied<Rc<Function>> {
        let closure = match &f.closure {
            Some(chain) => Some(self.chain(chain)?),
            None => None,
        };
        let defaults = self.all(&f.defaults)?;
        let mut kw_defaults = Vec::with_capacity(f.kw_defaults.len());
        for (name, v) in &f.kw_defaults {
            kw_defaults.push((name.clone(), self.value(v)?));
        }
        let copy = Rc::new(Function {
            name: f.name.clone(),
            qualname: f.qualname.clone(),
            name_rc: f.name_rc.clone(),
            locals_prefix: f.locals_prefix.clone(),
            def: f.def.clone(),
            defaults,
            kw_defaults,
            globals: self.table(&f.globals),
            closure,
            scope: f.scope.clone(),
            filename: f.filename.clone(),
            source: f.source.clone(),
            attrs: Default::default(),
            class_cell: Default::default(),
        });
        self.todo.push(Fill::Function(f.clone(), copy.clone()));
        Ok(copy)
    }

    fn class(&mut self, c: &Rc<Class>) -> Copied<Rc<Class>> {
        let at = Rc::as_ptr(c) as *const u8 as usize;
        if let Some(Value::Class(done)) = self.values.get(&at) {
            return Ok(done.clone());
        }
        let bases = self.classes(&c.bases)?;
        let copy = Rc::new(Class {
            name: c.name.clone(),
            qualname: c.qualname.clone(),
            module: c.module.clone(),
            bases,
            mro: Default::default(),
            dict: Default::default(),
            builtin: std::cell::Cell::new(c.builtin.get()),
            meta: Default::default(),
        });
        self.values.insert(at, Value::Class(copy.clone()));
        self.tracked_classes.push(copy.clone());
        self.todo.push(Fill::Class(c.clone(), copy.clone()));
        Ok(copy)
    }

    fn classes(&mut self, classes: &[Rc<Class>]) -> Copied<Vec<Rc<Class>>> {
        let mut copies = Vec::with_capacity(classes.len());
        for class in classes {
            copies.push(self.class(class)?);
        }
        Ok(copies)
    }

    fn instance(&mut self, i: &Rc<Instance>) -> Copied<Rc<Instance>> {
        let base = match &i.base {
            Some(base) => Some(self.value(base)?),
            None => None,
        };
        let copy = Rc::new(Instance {
            class: self.class(&i.class)?,
            // The same copy as a `dict` handed out from it (`obj.__dict__`) gets.
            attrs: self.table(&i.attrs),
            exc: i.exc.as_ref().map(|_| Default::default()),
            base,
        });
        self.tracked_instances.push(copy.clone());
        self.todo.push(Fill::Instance(i.clone(), copy.clone()));
        Ok(copy)
    }

    /// Fill every copy left empty, until none is.
    fn finish(&mut self) -> Copied<()> {
        while let Some(fill) = self.todo.pop() {
            match fill {
                Fill::Table(from, to) => {
                    let copied = self.dict(&from.borrow())?;
                    *to.borrow_mut() = copied;
                }
                Fill::List(from, to) => {
                    let copied = self.all(&from.borrow())?;
                    *to.borrow_mut() = copied;
                }
                Fill::Iter(from, to) => {
                    let copied = match &*from.borrow() {
                        IterState::Seq(seq, index) => IterState::Seq(self.value(seq)?, *index),
                        IterState::Values(rest) => {
                            IterState::Values(self.all(rest.as_slice())?.into_iter())
                        }
                        IterState::Range { next, stop, step } => IterState::Range {
                            next: *next,
                            stop: *stop,
                            step: *step,
                        },
                        IterState::Chars(text, index) => IterState::Chars(text.clone(), *index),
                        IterState::User(obj) => IterState::User(self.value(obj)?),
                        IterState::Done => IterState::Done,
                    };
                    *to.borrow_mut() = copied;
                }
                Fill::Class(from, to) => {
                    let mro = self.classes(&from.mro.borrow())?;
                    *to.mro.borrow_mut() = mro;
                    let dict = self.dict(&from.dict.borrow())?;
                    *to.dict.borrow_mut() = dict;
                    let meta = from.meta.borrow().clone();
                    if let Some(meta) = meta {
                        *to.meta.borrow_mut() = Some(self.class(&meta)?);
                    }
                }
                Fill::Instance(from, to) => {
                    if let (Some(state), Some(target)) = (&from.exc, &to.exc) {
                        let state = state.borrow();
                        let copied = ExcState {
                            args: self.all(&state.args)?,
                            traceback: state.traceback.clone(),
                            cause: state.cause.as_ref().map(|v| self.value(v)).transpose()?,
                            context: state.context.as_ref().map(|v| self.value(v)).transpose()?,
                            suppress_context: state.suppress_context,
                        };
                        *target.borrow_mut() = copied;
                    }
                }
                Fill::Function(from, to) => {
                    let attrs = self.dict(&from.attrs.borrow())?;
                    *to.attrs.borrow_mut() = attrs;
                    let cell = from.class_cell.borrow().clone();
                    if let Some(class) = cell {
                        *to.class_cell.borrow_mut() = Some(self.class(&class)?);
                    }
                }
            }
        }
        Ok(())
    }
}

impl Interp {
    /// A new interpreter under the host settings `config` holding a copy of every module this
    /// one has imported and all they reach (see the module doc). Its built-in types and
    /// builtins are its own, made as [`Interp::new`] makes them, and stand for this one's
    /// wherever the copied objects refer to them; `seeds` pairs further objects of this
    /// interpreter with the ones the copy must use instead (the host's own, made for the new
    /// interpreter). Nothing runs: no step is taken, nothing is printed.
    pub fn fork(
        &self,
        config: HostConfig,
        seeds: &[(Value, Value)],
    ) -> Result<Interp, ForkRefused> {
        if !self.handling.is_empty() {
            return Err(ForkRefused("an exception is being handled".into()));
        }
        if !self.rng.is_fresh(self.config.seed) {
            return Err(ForkRefused("random numbers were already drawn".into()));
        }
        if self.modules.contains_key("os") {
            return Err(ForkRefused(
                "the os module was imported (its environ comes from the host)".into(),
            ));
        }
        let mut copy = Interp::new(config);
        let mut copier = Copier {
            values: HashMap::default(),
            chains: Vec::new(),
            todo: Vec::new(),
            tracked_classes: Vec::new(),
            tracked_instances: Vec::new(),
            tracked_envs: Vec::new(),
            depth: 0,
        };
        let mut pair = |old: &Value, new: &Value| {
            if let Some(at) = old.ptr() {
                copier.values.insert(at, new.clone());
            }
        };
        let (old, new) = (&self.types, &copy.types);
        pair(
            &Value::Class(old.object.clone()),
            &Value::Class(new.object.clone()),
        );
        pair(
            &Value::Class(old.type_.clone()),
            &Value::Class(new.type_.clone()),
        );
        for (old, new) in old.fast.iter().zip(&new.fast) {
            pair(&Value::Class(old.clone()), &Value::Class(new.clone()));
        }
        for (name, old) in &old.by_name {
            if let Some(new) = new.by_name.get(name) {
                pair(&Value::Class(old.clone()), &Value::Class(new.clone()));
            }
        }
        for (name, old) in self.builtins.borrow().iter() {
            if let Ok(Some(new)) = copy.builtins.borrow().get(&name) {
                pair(&old, &new);
            }
        }
        for (old, new) in seeds {
            pair(old, new);
        }
        copier.values.insert(
            Rc::as_ptr(&self.builtins) as usize,
            Value::Dict(copy.builtins.clone()),
        );
        let mut modules = Vec::with_capacity(self.modules.len());
        for (name, module) in &self.modules {
            modules.push((name.clone(), copier.value(module)?));
        }
        let mut native_classes = Vec::new();
        for (name, class) in self.native_classes.borrow().iter() {
            native_classes.push((name.clone(), copier.class(class)?));
        }
        copier.finish()?;
        copy.modules.extend(modules);
        copy.native_classes.get_mut().extend(native_classes);
        for (name, factory) in &self.module_factories {
            copy.module_factories
                .entry(name.clone())
                .or_insert_with(|| factory.clone());
        }
        copy.scope_cache
            .extend(self.scope_cache.iter().map(|(k, v)| (*k, v.clone())));
        copy.str_consts
            .extend(self.str_consts.iter().map(|(k, v)| (*k, v.clone())));
        copy.pinned_trees
            .extend(self.pinned_trees.iter().map(|(k, v)| (*k, v.clone())));
        copy.out = self.out.clone();
        copy.err_out = self.err_out.clone();
        copy.stderr_to_out = self.stderr_to_out;
        copy.set_work_before(self.work_done());
        let tracked = copy.tracked.get_mut();
        for class in &copier.tracked_classes {
            tracked.class(class);
        }
        for instance in &copier.tracked_instances {
            tracked.instance(instance);
        }
        for env in &copier.tracked_envs {
            tracked.env(env);
        }
        Ok(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(it: &mut Interp, name: &str, source: &str) -> Result<(), String> {
        it.run_module(name, &format!("{name}.py"), source)
            .map(|_| ())
            .map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn a_copy_keeps_aliases_and_cycles_and_changes_only_itself() {
        let mut template = Interp::new(HostConfig::default());
        let module = "class A:\n    items = []\n    def who(self):\n        return A\nx = A()\nx.me = x\nd = {'a': x, 'f': A.who}\nt = (x, [x])\ng = globals()\n";
        run(&mut template, "m", module).unwrap();
        let mut copy = template.fork(HostConfig::default(), &[]).unwrap();
        let check = "import m\nassert m.x.me is m.x and m.d['a'] is m.x and m.t[1][0] is m.x\nassert m.x.who() is m.A and m.g is vars(m)\nassert type(m.x) is m.A and isinstance(m.t, tuple)\nm.A.items.append(1)\nm.A.extra = 1\nm.d.clear()\n";
        run(&mut copy, "check", check).unwrap();
        let unchanged =
            "import m\nassert m.A.items == [] and not hasattr(m.A, 'extra') and len(m.d) == 2\n";
        run(&mut template, "unchanged", unchanged).unwrap();
        let second = template.fork(HostConfig::default(), &[]).unwrap();
        drop(copy);
        let mut second = second;
        run(&mut second, "unchanged", unchanged).unwrap();
    }

    #[test]
    fn a_copy_is_refused_for_what_it_cannot_see_into() {
        let mut template = Interp::new(HostConfig::default());
        run(&mut template, "m", "def gen():\n    yield 1\ng = gen()\n").unwrap();
        assert!(template.fork(HostConfig::default(), &[]).is_err());
        let mut drawn = Interp::new(HostConfig::default());
        run(&mut drawn, "m", "import random\nr = random.random()\n").unwrap();
        assert!(drawn.fork(HostConfig::default(), &[]).is_err());
    }
}
