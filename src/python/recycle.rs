//! Reusing the allocations every Python-to-Python call makes.
//!
//! A call needs a fresh local namespace (`Rc<Env>`, whose table allocates two vectors on the
//! first binding) and an argument vector. Profiling the handler benchmark showed these — the
//! allocation, and copying the 120-byte namespace into it, which the size-optimised build does
//! with a slow `rep movsb` — among the largest costs of a call. A namespace nobody else holds
//! when its call returns (no closure captured it, no generator keeps it, the teardown does not
//! track it) is emptied and kept for the next call, its vectors' capacity with it; argument
//! vectors and local-variable slots likewise once their values are bound or dropped. The lists
//! are bounded, so memory stays bounded (and everything is freed with the interpreter: what is
//! kept here is empty).

use std::rc::Rc;

use super::value::{Env, Value};

/// How many spare namespaces and argument vectors are kept (enough for the call depth of
/// ordinary handlers; deeper recursion simply allocates).
const KEEP: usize = 32;
/// A namespace with more variables than this is dropped rather than kept (its table may have
/// grown an index and large vectors).
const SMALL_NAMESPACE: usize = 16;
/// An argument vector with more capacity than this is dropped rather than kept.
const SMALL_ARGS: usize = 16;

/// Spare call allocations, owned by the interpreter.
#[derive(Default)]
pub(crate) struct Recycler {
    envs: Vec<Rc<Env>>,
    arg_vecs: Vec<Vec<Value>>,
    slot_vecs: Vec<Vec<Option<Value>>>,
}

impl Recycler {
    /// An empty namespace for a call.
    #[inline]
    pub(crate) fn env(&mut self) -> Rc<Env> {
        match self.envs.pop() {
            Some(e) => e,
            None => Rc::new(Env::default()),
        }
    }

    /// Take back a call's namespace: kept if nothing else refers to it, otherwise just dropped
    /// (whoever holds it keeps its variables).
    #[inline]
    pub(crate) fn give_env(&mut self, env: Rc<Env>) {
        if self.envs.len() >= KEEP || Rc::strong_count(&env) != 1 || Rc::weak_count(&env) != 0 {
            return;
        }
        let Ok(mut vars) = env.try_borrow_mut() else {
            return;
        };
        if vars.len() > SMALL_NAMESPACE {
            return;
        }
        // Dropping the variables cannot run Python code (no `__del__`), so nothing can observe
        // the namespace between here and its next use.
        if !vars.is_empty() {
            vars.clear();
        }
        drop(vars);
        self.envs.push(env);
    }

    /// An empty argument vector.
    #[inline]
    pub(crate) fn args(&mut self) -> Vec<Value> {
        self.arg_vecs.pop().unwrap_or_default()
    }

    /// Take back an argument vector whose values were moved out.
    #[inline]
    pub(crate) fn give_args(&mut self, mut v: Vec<Value>) {
        if self.arg_vecs.len() >= KEEP || v.capacity() == 0 || v.capacity() > SMALL_ARGS {
            return;
        }
        v.clear();
        self.arg_vecs.push(v);
    }

    /// `n` empty local-variable slots (see `fast_locals`).
    #[inline]
    pub(crate) fn slots(&mut self, n: usize) -> Vec<Option<Value>> {
        let mut v = self.slot_vecs.pop().unwrap_or_default();
        v.resize(n, None);
        v
    }

    /// Take back a call's slots (their values are dropped now, as a namespace's would be).
    #[inline]
    pub(crate) fn give_slots(&mut self, mut v: Vec<Option<Value>>) {
        v.clear();
        if self.slot_vecs.len() < KEEP && v.capacity() <= SMALL_NAMESPACE * 4 {
            self.slot_vecs.push(v);
        }
    }
}
