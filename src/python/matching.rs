//! The `match` statement: structural pattern matching with CPython 3.11's rules.
//!
//! Running (`Interp::ex_match`): the subject is evaluated once; each case's pattern is tried in
//! order against it, collecting the names it captures; only when the whole pattern matched are
//! the names bound (CPython keeps captures on its stack until then), after which the guard runs
//! and, if true, the body. Pattern kinds: literal and value patterns compare with `==`,
//! `None`/`True`/`False` with `is`; sequence patterns take lists, tuples, ranges and their
//! subclasses but never `str`/`bytes`/`bytearray`; mapping patterns take dicts (and dict-like
//! objects whose class derives from `dict`), look keys up without `__missing__`, and `**rest`
//! is a new dict of the other items; class patterns check `isinstance`, map positional
//! sub-patterns through `__match_args__` (the built-in types `int`, `str`, ... match their
//! single positional sub-pattern against the subject itself) and read keyword sub-patterns as
//! attributes (a missing attribute is a failed match, not an error).
//!
//! Checking (`check_match`): the compile-time errors CPython reports for a `match` (an
//! irrefutable case before others, names bound twice or differently by alternatives, duplicate
//! literal keys, two starred names), found before anything runs, as CPython's compiler does.

use ast::{Expr, Pattern};
use rustpython_ruff_python_ast as ast;
use rustpython_ruff_text_size::Ranged;

use super::dict::Dict;
use super::eval::{Flow, Frame};
use super::interp::{Interp, PyResult};
use super::value::*;

/// The built-in types whose class pattern takes one positional sub-pattern matched against the
/// subject itself (`case int(n)`).
const SELF_MATCHING: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

fn rng(r: rustpython_ruff_text_size::TextRange) -> (u32, u32) {
    (r.start().to_u32(), r.end().to_u32())
}

impl Interp {
    /// Run a `match` statement.
    pub(crate) fn ex_match(&mut self, f: &mut Frame, m: &ast::StmtMatch) -> PyResult<Flow> {
        match self.select_case(f, m)? {
            Some(case) => self.exec_block(f, &case.body),
            None => Ok(Flow::Normal),
        }
    }

    /// The case whose pattern matches and whose guard holds, its names bound; `None` if none.
    /// (The generator executor runs the chosen body itself.)
    pub(crate) fn select_case<'m>(
        &mut self,
        f: &mut Frame,
        m: &'m ast::StmtMatch,
    ) -> PyResult<Option<&'m ast::MatchCase>> {
        let subject = self.eval(f, &m.subject)?;
        for case in &m.cases {
            self.at_offset(&f.source, case.range().start().to_u32());
            let mut captured = Vec::new();
            if !self.match_pattern(f, &case.pattern, &subject, &mut captured)? {
                continue;
            }
            for (name, value) in captured {
                self.store_name(f, name, value)?;
            }
            if let Some(guard) = &case.guard {
                let g = self.eval(f, guard)?;
                if !self.truthy(&g)? {
                    continue;
                }
            }
            return Ok(Some(case));
        }
        Ok(None)
    }

    /// Whether `subject` matches `pattern`; names it captures are pushed on `captured`. An error
    /// points at the pattern, as CPython's traceback does.
    fn match_pattern<'a>(
        &mut self,
        f: &mut Frame,
        pattern: &'a Pattern,
        subject: &Value,
        captured: &mut Vec<(&'a str, Value)>,
    ) -> PyResult<bool> {
        self.match_pattern_inner(f, pattern, subject, captured)
            .map_err(|e| e.at(rng(pattern.range()), Anchor::Plain))
    }

    fn match_pattern_inner<'a>(
        &mut self,
        f: &mut Frame,
        pattern: &'a Pattern,
        subject: &Value,
        captured: &mut Vec<(&'a str, Value)>,
    ) -> PyResult<bool> {
        match pattern {
            Pattern::MatchValue(p) => {
                let value = self.eval(f, &p.value)?;
                let eq = self.compare(ast::CmpOp::Eq, subject, &value)?;
                Ok(eq)
            }
            Pattern::MatchSingleton(p) => {
                let value = match p.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                Ok(subject.is(&value))
            }
            Pattern::MatchAs(p) => {
                if let Some(inner) = &p.pattern
                    && !self.match_pattern(f, inner, subject, captured)?
                {
                    return Ok(false);
                }
                if let Some(name) = &p.name {
                    captured.push((name.id.as_str(), subject.clone()));
                }
                Ok(true)
            }
            Pattern::MatchOr(p) => {
                for alternative in &p.patterns {
                    let mark = captured.len();
                    if self.match_pattern(f, alternative, subject, captured)? {
                        return Ok(true);
                    }
                    captured.truncate(mark);
                }
                Ok(false)
            }
            Pattern::MatchStar(_) => Ok(true),
            Pattern::MatchSequence(p) => self.match_sequence(f, &p.patterns, subject, captured),
            Pattern::MatchMapping(p) => self.match_mapping(f, p, subject, captured),
            Pattern::MatchClass(p) => self.match_class(f, p, subject, captured),
        }
    }

    /// Whether a subject is a sequence to sequence patterns (CPython's `Py_TPFLAGS_SEQUENCE`).
    fn is_match_sequence(&self, subject: &Value) -> bool {
        let class = self.class_of(subject);
        let mro = class.mro.borrow();
        mro.iter().any(|c| match c.module.as_str() {
            "builtins" => matches!(c.name.as_str(), "list" | "tuple" | "range"),
            // The playground's `collections` classes are written in Python without their
            // built-in bases: `deque`, and the classes `namedtuple` makes (tuples in CPython).
            "collections" => c.name == "deque",
            _ => c.dict.borrow().get_str("_fields").is_some() && c.lookup("_asdict").is_some(),
        })
    }

    /// Whether a subject is a mapping to mapping patterns (CPython's `Py_TPFLAGS_MAPPING`).
    fn is_match_mapping(&self, subject: &Value) -> bool {
        if matches!(subject, Value::Dict(_)) {
            return true;
        }
        let class = self.class_of(subject);
        let mro = class.mro.borrow();
        mro.iter().any(|c| match c.module.as_str() {
            "builtins" => c.name == "dict",
            // Written in Python without `dict` as a base in the playground (dicts in CPython).
            "collections" => matches!(
                c.name.as_str(),
                "defaultdict" | "OrderedDict" | "Counter" | "ChainMap"
            ),
            _ => false,
        })
    }

    fn match_sequence<'a>(
        &mut self,
        f: &mut Frame,
        patterns: &'a [Pattern],
        subject: &Value,
        captured: &mut Vec<(&'a str, Value)>,
    ) -> PyResult<bool> {
        if !self.is_match_sequence(subject) {
            return Ok(false);
        }
        let items = self.collect(subject)?;
        let star = patterns
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)));
        match star {
            None => {
                if items.len() != patterns.len() {
                    return Ok(false);
                }
                for (p, item) in patterns.iter().zip(&items) {
                    if !self.match_pattern(f, p, item, captured)? {
                        return Ok(false);
                    }
                }
            }
            Some(at) => {
                let after = patterns.len() - at - 1;
                if items.len() < patterns.len() - 1 {
                    return Ok(false);
                }
                for (p, item) in patterns[..at].iter().zip(&items) {
                    if !self.match_pattern(f, p, item, captured)? {
                        return Ok(false);
                    }
                }
                let rest_end = items.len() - after;
                if let Pattern::MatchStar(s) = &patterns[at]
                    && let Some(name) = &s.name
                {
                    let rest = items[at..rest_end].to_vec();
                    captured.push((name.id.as_str(), Value::list(rest)));
                }
                for (p, item) in patterns[at + 1..].iter().zip(&items[rest_end..]) {
                    if !self.match_pattern(f, p, item, captured)? {
                        return Ok(false);
                    }
                }
            }
        }
        Ok(true)
    }

    fn match_mapping<'a>(
        &mut self,
        f: &mut Frame,
        p: &'a ast::PatternMatchMapping,
        subject: &Value,
        captured: &mut Vec<(&'a str, Value)>,
    ) -> PyResult<bool> {
        if !self.is_match_mapping(subject) {
            return Ok(false);
        }
        if self.len(subject)? < p.keys.len() {
            return Ok(false);
        }
        let mut keys = Vec::with_capacity(p.keys.len());
        for key in &p.keys {
            let k = self.eval(f, key)?;
            for seen in &keys {
                if self.eq(seen, &k)? {
                    let shown = self.repr(&k)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({shown})"))
                    );
                }
            }
            keys.push(k);
        }
        let mut values = Vec::with_capacity(keys.len());
        for k in &keys {
            // A lookup that never calls `__missing__` (CPython uses `.get`).
            if !self.contains(subject, k)? {
                return Ok(false);
            }
            values.push(self.get_item(subject, k)?);
        }
        for ((pattern, value), _) in p.patterns.iter().zip(&values).zip(&keys) {
            if !self.match_pattern(f, pattern, value, captured)? {
                return Ok(false);
            }
        }
        if let Some(rest) = &p.rest {
            let mut left = Dict::new();
            for (k, v) in self.mapping_items(subject)? {
                let mut taken = false;
                for used in &keys {
                    if self.eq(used, &k)? {
                        taken = true;
                        break;
                    }
                }
                if !taken {
                    self.dict_insert(&mut left, k, v)?;
                }
            }
            captured.push((rest.id.as_str(), Value::dict(left)));
        }
        Ok(true)
    }

    fn match_class<'a>(
        &mut self,
        f: &mut Frame,
        p: &'a ast::PatternMatchClass,
        subject: &Value,
        captured: &mut Vec<(&'a str, Value)>,
    ) -> PyResult<bool> {
        let cls = self.eval(f, &p.cls)?;
        let Value::Class(class) = &cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        let subject_class = self.class_of(subject);
        if !subject_class.is_subclass(class) {
            return Ok(false);
        }
        let args = &p.arguments;
        let mut names: Vec<(String, &'a Pattern)> = Vec::new();
        if !args.patterns.is_empty() {
            let self_matching =
                class.module == "builtins" && SELF_MATCHING.contains(&class.name.as_str());
            if self_matching && class.lookup("__match_args__").is_none() {
                if args.patterns.len() > 1 {
                    return Err(self.type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        class.name,
                        args.patterns.len()
                    )));
                }
                if !self.match_pattern(f, &args.patterns[0], subject, captured)? {
                    return Ok(false);
                }
            } else {
                let match_args = match &class.lookup("__match_args__") {
                    None => Vec::new(),
                    Some(Value::Tuple(items)) => items.to_vec(),
                    Some(other) => {
                        return Err(self.type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            class.name,
                            other.type_name()
                        )));
                    }
                };
                if args.patterns.len() > match_args.len() {
                    let plural = if match_args.len() == 1 { "" } else { "s" };
                    return Err(self.type_error(format!(
                        "{}() accepts {} positional sub-pattern{plural} ({} given)",
                        class.name,
                        match_args.len(),
                        args.patterns.len()
                    )));
                }
                for (name, pattern) in match_args.iter().zip(&args.patterns) {
                    let Value::Str(name) = name else {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.type_name()
                        )));
                    };
                    names.push((name.to_string(), pattern));
                }
            }
        }
        for k in &args.keywords {
            names.push((k.attr.id.to_string(), &k.pattern));
        }
        for (i, (name, _)) in names.iter().enumerate() {
            if names[..i].iter().any(|(seen, _)| seen == name) {
                return Err(self.type_error(format!(
                    "{}() got multiple sub-patterns for attribute '{name}'",
                    class.name
                )));
            }
        }
        for (name, pattern) in names {
            let value = match self.get_attr_opt(subject, &name) {
                Ok(Some(v)) => v,
                Ok(None) => return Ok(false),
                Err(e) if self.exc_matches(&e.value, "AttributeError") => return Ok(false),
                Err(e) => return Err(e),
            };
            if !self.match_pattern(f, pattern, &value, captured)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// The compile-time errors of one `match` statement, as (message, byte range).
pub fn check_match(m: &ast::StmtMatch) -> Option<(String, (u32, u32))> {
    let last = m.cases.len().saturating_sub(1);
    for (i, case) in m.cases.iter().enumerate() {
        let mut bound = Vec::new();
        if let Some(e) = check_pattern(&case.pattern, &mut bound) {
            return Some(e);
        }
        if i < last
            && case.guard.is_none()
            && let Some(e) = irrefutable(&case.pattern)
        {
            return Some(e);
        }
    }
    None
}

/// The error for a pattern that always matches (`case x:` or `case _:`) where more cases follow.
fn irrefutable(p: &Pattern) -> Option<(String, (u32, u32))> {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => (
                format!(
                    "name capture '{}' makes remaining patterns unreachable",
                    n.id
                ),
                rng(a.range()),
            ),
            None => (
                "wildcard makes remaining patterns unreachable".to_string(),
                rng(a.range()),
            ),
        }),
        Pattern::MatchAs(a) => a.pattern.as_deref().and_then(irrefutable),
        Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable),
        _ => None,
    }
}

/// Checks one pattern, collecting the names it binds.
fn check_pattern<'a>(p: &'a Pattern, bound: &mut Vec<&'a str>) -> Option<(String, (u32, u32))> {
    let bind = |name: &'a ast::Identifier, bound: &mut Vec<&'a str>| {
        if bound.contains(&name.id.as_str()) {
            return Some((
                format!("multiple assignments to name '{}' in pattern", name.id),
                rng(name.range()),
            ));
        }
        bound.push(name.id.as_str());
        None
    };
    match p {
        Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => None,
        Pattern::MatchStar(s) => s.name.as_ref().and_then(|n| bind(n, bound)),
        Pattern::MatchAs(a) => {
            if let Some(inner) = &a.pattern
                && let Some(e) = check_pattern(inner, bound)
            {
                return Some(e);
            }
            a.name.as_ref().and_then(|n| bind(n, bound))
        }
        Pattern::MatchOr(o) => {
            let last = o.patterns.len().saturating_sub(1);
            let mut first: Option<Vec<&'a str>> = None;
            for (i, alternative) in o.patterns.iter().enumerate() {
                let mut names = Vec::new();
                if let Some(e) = check_pattern(alternative, &mut names) {
                    return Some(e);
                }
                if i < last
                    && let Some(e) = irrefutable(alternative)
                {
                    return Some(e);
                }
                match &first {
                    None => first = Some(names),
                    Some(expected) => {
                        let mut a = expected.clone();
                        let mut b = names.clone();
                        crate::text::order::sort(&mut a);
                        crate::text::order::sort(&mut b);
                        if a != b {
                            return Some((
                                "alternative patterns bind different names".to_string(),
                                last_leaf(alternative),
                            ));
                        }
                    }
                }
            }
            for name in first.unwrap_or_default() {
                if bound.contains(&name) {
                    return Some((
                        format!("multiple assignments to name '{name}' in pattern"),
                        rng(p.range()),
                    ));
                }
                bound.push(name);
            }
            None
        }
        Pattern::MatchSequence(s) => {
            let stars: Vec<&Pattern> = s
                .patterns
                .iter()
                .filter(|p| matches!(p, Pattern::MatchStar(_)))
                .collect();
            if stars.len() > 1 {
                return Some((
                    "multiple starred names in sequence pattern".to_string(),
                    rng(s.range()),
                ));
            }
            s.patterns.iter().find_map(|p| check_pattern(p, bound))
        }
        Pattern::MatchMapping(m) => {
            let mut literals: Vec<String> = Vec::new();
            for key in &m.keys {
                if let Some(text) = literal_key(key) {
                    if literals.contains(&text) {
                        return Some((
                            format!("mapping pattern checks duplicate key ({text})"),
                            rng(m.range()),
                        ));
                    }
                    literals.push(text);
                }
            }
            if let Some(e) = m.patterns.iter().find_map(|p| check_pattern(p, bound)) {
                return Some(e);
            }
            m.rest.as_ref().and_then(|n| bind(n, bound))
        }
        Pattern::MatchClass(c) => {
            let keywords = &c.arguments.keywords;
            for (i, k) in keywords.iter().enumerate() {
                if keywords[..i].iter().any(|seen| seen.attr.id == k.attr.id) {
                    return Some((
                        format!("attribute name repeated in class pattern: {}", k.attr.id),
                        rng(k.pattern.range()),
                    ));
                }
            }
            c.arguments
                .patterns
                .iter()
                .chain(keywords.iter().map(|k| &k.pattern))
                .find_map(|p| check_pattern(p, bound))
        }
    }
}

/// Where CPython points when an alternative is wrong as a whole: the last simple pattern it
/// compiled in it.
fn last_leaf(p: &Pattern) -> (u32, u32) {
    let last = match p {
        Pattern::MatchSequence(s) => s.patterns.last(),
        Pattern::MatchMapping(m) => m.patterns.last(),
        Pattern::MatchClass(c) => c
            .arguments
            .keywords
            .last()
            .map(|k| &k.pattern)
            .or(c.arguments.patterns.last()),
        Pattern::MatchOr(o) => o.patterns.last(),
        _ => None,
    };
    last.map_or_else(|| rng(p.range()), last_leaf)
}

/// The repr CPython shows for a literal mapping key, for the duplicate-key check (strings and
/// plain numbers, the keys people write; other literals are not compared).
fn literal_key(key: &Expr) -> Option<String> {
    match key {
        Expr::StringLiteral(s) => {
            let text = s.value.to_str();
            Some(super::text::str_repr::str_repr(text))
        }
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => Some(i.to_string()),
            _ => None,
        },
        Expr::BooleanLiteral(b) => Some(if b.value { "True" } else { "False" }.to_string()),
        Expr::NoneLiteral(_) => Some("None".to_string()),
        _ => None,
    }
}
