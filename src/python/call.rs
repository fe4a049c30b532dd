//! Calling: functions, methods, classes, built-ins; argument binding with CPython's messages.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::Dict;
use super::interp::{Interp, PyResult};
use super::value::*;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

impl Interp {
    /// The name CPython uses for a callable in argument errors (`f()`, `Greeter.greet()`).
    pub fn callable_name(&self, f: &Value) -> String {
        match f {
            Value::Function(func) => format!("{}()", func.qualname),
            Value::Method(m) => self.callable_name(&m.1),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Class(c) => format!("{}()", c.name),
            other => format!("{}()", other.type_name()),
        }
    }

    /// Call any callable value.
    pub fn call(&mut self, f: &Value, mut args: Args) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, args),
            Value::Builtin(b) => {
                if let Some(r) = &b.receiver {
                    args.pos.insert(0, r.clone());
                }
                b.func.invoke(self, args)
            }
            Value::Method(m) => {
                args.pos.insert(0, m.0.clone());
                let inner = m.1.clone();
                self.call(&inner, args)
            }
            Value::Class(c) => match self.meta_method(c, "__call__") {
                Some(m) => self.call(&m, args),
                None => self.instantiate(c, args),
            },
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup("__call__") {
                    let bound = self.bind(m, f.clone());
                    return self.call(&bound, args);
                }
                Err(self.type_error(format!("'{}' object is not callable", f.type_name())))
            }
            Value::Native(n) => match n.clone().call(self, args)? {
                Some(v) => Ok(v),
                None => Err(self.type_error(format!("'{}' object is not callable", f.type_name()))),
            },
            Value::StaticMethod(inner) => {
                let inner = (**inner).clone();
                self.call(&inner, args)
            }
            _ => Err(self.type_error(format!("'{}' object is not callable", f.type_name()))),
        }
    }

    /// `Cls(...)`: built-in constructors, exceptions, user classes with `__init__`.
    pub(crate) fn instantiate(&mut self, c: &Rc<Class>, args: Args) -> PyResult<Value> {
        // Built-in types carry their constructor as `__new__` (a Rust function).
        if (c.module == "builtins" || c.builtin.get() == Some(BuiltinType::Other))
            && let Some(Value::Builtin(ctor)) = &c.dict.borrow().get_str("__new__")
        {
            let mut a = args;
            a.pos.insert(0, Value::Class(c.clone()));
            let func = ctor.func.clone();
            return func.invoke(self, a);
        }
        if let Some(obj) = super::subclass::instantiate(self, c, &args)? {
            return Ok(obj);
        }
        if let Some(Value::Function(_)) = c.dict.borrow().get_str("__new__") {
            // A user `__new__`: call it, then `__init__` if it returned an instance of the class.
            let new = c.dict.borrow().get_str("__new__").unwrap_or(Value::None);
            let mut a = args.clone();
            a.pos.insert(0, Value::Class(c.clone()));
            let obj = self.call(&new, a)?;
            if let Value::Instance(i) = &obj
                && i.class.is_subclass(c)
            {
                self.run_init(c, &obj, args)?;
            }
            return Ok(obj);
        }
        let is_exc = c.builtin.get() == Some(BuiltinType::BaseException);
        // A subclass of a built-in container keeps a real container inside.
        let container = c
            .mro
            .borrow()
            .iter()
            .find(|k| k.module == "builtins" && matches!(k.name.as_str(), "dict" | "list" | "set"))
            .cloned();
        let has_user_init = matches!(c.lookup("__init__"), Some(Value::Function(_)));
        let base = match &container {
            Some(k) => {
                let ctor = k.dict.borrow().get_str("__new__");
                let mut a = if has_user_init {
                    Args::default()
                } else {
                    args.clone()
                };
                a.pos.insert(0, Value::Class(k.clone()));
                match &ctor {
                    Some(Value::Builtin(b)) => Some(b.func.clone().invoke(self, a)?),
                    _ => None,
                }
            }
            None => None,
        };
        let obj = self.new_instance(Instance {
            class: c.clone(),
            attrs: Rc::new(RefCell::new(Dict::new())),
            exc: if is_exc {
                Some(RefCell::new(ExcState {
                    args: args.pos.clone(),
                    ..Default::default()
                }))
            } else {
                None
            },
            base,
        });
        if container.is_some() && !has_user_init {
            return Ok(obj);
        }
        self.run_init(c, &obj, args)?;
        Ok(obj)
    }

    fn run_init(&mut self, c: &Rc<Class>, obj: &Value, args: Args) -> PyResult<()> {
        match c.lookup("__init__") {
            Some(init @ Value::Function(_)) => {
                let r = self.call(&self.bind(init, obj.clone()), args)?;
                if !matches!(r, Value::None) {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        r.type_name()
                    )));
                }
            }
            Some(init @ Value::Builtin(_)) => {
                // object.__init__ rejects arguments only when __init__ is not overridden.
                let is_object_init = c
                    .lookup("__init__")
                    .map(|v| {
                        v.is(&self
                            .types
                            .object
                            .dict
                            .borrow()
                            .get_str("__init__")
                            .unwrap_or(Value::None))
                    })
                    .unwrap_or(false);
                if is_object_init {
                    if !args.pos.is_empty() || !args.kw.is_empty() {
                        return Err(self.type_error(format!("{}() takes no arguments", c.name)));
                    }
                } else {
                    self.call(&self.bind(init, obj.clone()), args)?;
                }
            }
            Some(other) => {
                self.call(&self.bind(other, obj.clone()), args)?;
            }
            None => {}
        }
        Ok(())
    }

    /// Whether a call passes exactly the function's positional parameters and nothing else
    /// (binding needs no checks: argument `i` is parameter `i`).
    #[inline]
    pub(crate) fn is_plain_positional_call(&self, func: &Function, args: &Args) -> bool {
        args.kw.is_empty()
            && match func.def.parameters() {
                None => args.pos.is_empty(),
                Some(p) => {
                    p.vararg.is_none()
                        && p.kwarg.is_none()
                        && p.kwonlyargs.is_empty()
                        && args.pos.len() == func.scope.positional.len()
                }
            }
    }

    /// Bind call arguments to a Python function's parameters in `locals`.
    /// Returns the first positional argument (for zero-argument `super()`).
    pub(crate) fn bind_args(
        &mut self,
        func: &Rc<Function>,
        mut args: Args,
        locals: &Env,
    ) -> PyResult<Option<Value>> {
        let first = args.pos.first().cloned();
        let Some(p) = func.def.parameters() else {
            if !args.pos.is_empty() {
                return Err(self.type_error(format!(
                    "{}() takes 0 positional arguments but {} given",
                    func.qualname,
                    if args.pos.len() == 1 {
                        "1 was".to_string()
                    } else {
                        format!("{} were", args.pos.len())
                    }
                )));
            }
            if let Some((k, _)) = args.kw.first() {
                return Err(self.type_error(format!(
                    "{}() got an unexpected keyword argument '{k}'",
                    func.qualname
                )));
            }
            return Ok(first);
        };
        let given = args.pos.len();
        // The common call: exactly the positional parameters, nothing else to check.
        if args.kw.is_empty()
            && p.vararg.is_none()
            && p.kwarg.is_none()
            && p.kwonlyargs.is_empty()
            && given == func.scope.positional.len()
        {
            let mut vars = locals.borrow_mut();
            for (key, v) in func.scope.positional.iter().zip(args.pos.drain(..)) {
                vars.set_str_rc(key, v);
            }
            drop(vars);
            self.recycler.give_args(args.pos);
            return Ok(first);
        }
        let name = &func.qualname;
        let positional: Vec<&str> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .map(|a| a.parameter.name.id.as_str())
            .collect();
        let n_posonly = p.posonlyargs.len();
        let n_pos = positional.len();
        let n_defaults = func.defaults.len();
        let given = args.pos.len();
        let mut vars = locals.borrow_mut();
        // Positional parameters.
        let mut extra = Vec::new();
        for (i, v) in args.pos.drain(..).enumerate() {
            if i < n_pos {
                vars.set_str(positional[i], v);
            } else {
                extra.push(v);
            }
        }
        match &p.vararg {
            Some(va) => vars.set_str(va.name.id.as_str(), Value::tuple(extra)),
            None => {
                if !extra.is_empty() {
                    let kwonly_given = args
                        .kw
                        .iter()
                        .filter(|(k, _)| {
                            p.kwonlyargs
                                .iter()
                                .any(|a| a.parameter.name.id.as_str() == k)
                        })
                        .count();
                    let takes = if n_defaults > 0 {
                        format!(
                            "from {} to {}",
                            n_pos - n_defaults,
                            plural(n_pos, "positional argument")
                        )
                    } else {
                        plural(n_pos, "positional argument")
                    };
                    let was = if kwonly_given > 0 {
                        format!(
                            "{} (and {}) were",
                            plural(given, "positional argument"),
                            plural(kwonly_given, "keyword-only argument")
                        )
                    } else if given == 1 {
                        "1 was".to_string()
                    } else {
                        format!("{given} were")
                    };
                    return Err(self.type_error(format!("{name}() takes {takes} but {was} given")));
                }
            }
        }
        // Keyword arguments.
        let mut kwargs = Dict::new();
        let mut posonly_as_kw = Vec::new();
        for (k, v) in args.kw.drain(..) {
            let pos_idx = positional.iter().position(|n| *n == k);
            let is_kwonly = p
                .kwonlyargs
                .iter()
                .any(|a| a.parameter.name.id.as_str() == k);
            match pos_idx {
                Some(i) if i >= n_posonly => {
                    if vars.get_str(&k).is_some() {
                        return Err(self.type_error(format!(
                            "{name}() got multiple values for argument '{k}'"
                        )));
                    }
                    vars.set_str(&k, v);
                }
                _ if is_kwonly => vars.set_str(&k, v),
                Some(_) if p.kwarg.is_none() => posonly_as_kw.push(k),
                _ => {
                    if p.kwarg.is_none() {
                        return Err(self.type_error(format!(
                            "{name}() got an unexpected keyword argument '{k}'"
                        )));
                    }
                    kwargs.set_str(&k, v);
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(kw) = &p.kwarg {
            vars.set_str(kw.name.id.as_str(), Value::dict(kwargs));
        }
        // Defaults and missing arguments.
        let mut missing = Vec::new();
        for (i, pname) in positional.iter().enumerate() {
            if vars.get_str(pname).is_none() {
                let di = i as isize - (n_pos - n_defaults) as isize;
                if di >= 0 {
                    vars.set_str(pname, func.defaults[di as usize].clone());
                } else {
                    missing.push(pname.to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{name}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required positional argument"
                } else {
                    "required positional arguments"
                },
                name_list(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        for a in &p.kwonlyargs {
            let k = a.parameter.name.id.as_str();
            if vars.get_str(k).is_none() {
                match func.kw_defaults.iter().find(|(n, _)| n == k) {
                    Some((_, d)) => vars.set_str(k, d.clone()),
                    None => missing_kw.push(k.to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(format!(
                "{name}() missing {} {}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 {
                    "required keyword-only argument"
                } else {
                    "required keyword-only arguments"
                },
                name_list(&missing_kw)
            )));
        }
        Ok(first)
    }
}
