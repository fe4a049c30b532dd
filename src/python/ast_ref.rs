//! `AstRef<T>`: a reference to a node inside a parsed module that keeps the module alive.
//!
//! Function values must point at their `def` body long after the statement that created them
//! has finished executing. Cloning the subtree at every `def` would cost time on every call of a
//! decorator factory; instead the whole parsed module is kept in an `Rc` and a function holds
//! that `Rc` plus a pointer to its node.

use std::ops::Deref;
use std::rc::Rc;

use rustpython_ruff_python_ast as ast;

/// A parsed module shared by everything created from it.
pub struct ParsedModule {
    /// The module's statements.
    pub module: ast::ModModule,
    /// The scope facts of each function defined in this tree, by the definition's address.
    /// They depend on the source alone, so every interpreter running the tree shares them: a
    /// server start reruns the Flask prelude's cached tree without working them out again.
    pub scopes: std::cell::RefCell<
        std::collections::HashMap<usize, Rc<super::scope::ScopeInfo>, rustc_hash::FxBuildHasher>,
    >,
}

impl ParsedModule {
    /// A tree with no scope facts worked out yet.
    pub fn new(module: ast::ModModule) -> ParsedModule {
        ParsedModule {
            module,
            scopes: Default::default(),
        }
    }
}

/// A pointer to a node owned by a [`ParsedModule`].
pub struct AstRef<T> {
    owner: Rc<ParsedModule>,
    node: *const T,
}

impl<T> AstRef<T> {
    /// Refer to `node`, which must live inside `owner`'s tree.
    ///
    /// SAFETY argument: the tree is never mutated after parsing and `owner` keeps it alive as
    /// long as this reference exists, so the pointer stays valid. Callers only pass nodes
    /// reached by walking `owner.module`.
    pub fn new(owner: &Rc<ParsedModule>, node: &T) -> AstRef<T> {
        AstRef {
            owner: owner.clone(),
            node: node as *const T,
        }
    }
    /// The module that owns the node.
    pub fn owner(&self) -> &Rc<ParsedModule> {
        &self.owner
    }
    /// Address of the node (stable for the module's lifetime), used as a cache key.
    pub fn addr(&self) -> usize {
        self.node as usize
    }
}

impl<T> Clone for AstRef<T> {
    fn clone(&self) -> Self {
        AstRef {
            owner: self.owner.clone(),
            node: self.node,
        }
    }
}

impl<T> Deref for AstRef<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: see `AstRef::new`; `owner` keeps the immutable tree alive.
        unsafe { &*self.node }
    }
}
