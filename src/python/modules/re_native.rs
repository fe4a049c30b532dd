//! `_re`: the native half of `re` (the Python half, `py/re.py`, owns the public API:
//! `Pattern`, `Match`, templates, `split`/`sub`). It compiles a pattern (`re_parse`, then
//! `re_engine`) into a code object whose methods find one match or scan for all of them,
//! returning plain spans; the matching work is charged to the interpreter's step budget.

use std::rc::Rc;

use super::re_engine::{self, Captures, Exhausted, Mode, Program};
use super::re_parse;
use super::{func, make_module};
use crate::python::builtins::builtin;
use crate::python::dict::Dict;
use crate::python::interp::{Interp, PyResult};
use crate::python::value::*;

/// How many matching steps cost one interpreter step (a statement does far more work than one
/// step of the machine; this keeps a regex over a long page from eating a handler's budget).
const STEPS_PER_INTERP_STEP: u64 = 16;

struct CodeInner {
    prog: Program,
    /// The last string searched and its code points: a tokenizer calls `match(text, pos)`
    /// again and again on one long string, which must not be converted each time.
    last_subject: std::cell::RefCell<Option<(Value, Rc<[u32]>)>>,
    is_text: bool,
    /// `repr()` of the pattern, for the step-limit message.
    pattern_repr: String,
}

/// A compiled pattern, as `re.py` holds it.
struct Code(Rc<CodeInner>);

impl NativeObject for Code {
    fn type_name(&self) -> String {
        "_re.Code".into()
    }
    fn get_attr(&self, _interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
        let code = self.0.clone();
        Ok(Some(match name {
            // find(string, pos, endpos, mode, must_advance) -> (spans, lastindex) | None
            "find" => builtin("find", move |it, args| {
                let text = subject(it, &code, args.pos.first())?;
                let (pos, end) = bounds(it, &args.pos, text.len())?;
                let mode = match args.pos.get(3) {
                    Some(Value::Int(0)) => Mode::Match,
                    Some(Value::Int(1)) => Mode::Full,
                    _ => Mode::Search,
                };
                let advance = matches!(args.pos.get(4), Some(Value::Bool(true)));
                let found = run(it, &code, &text[..end], pos, mode, advance)?;
                Ok(found.map_or(Value::None, |c| {
                    captures_value(&c, &text, code.is_text, None)
                }))
            }),
            // scan(string, pos, endpos, limit) -> ([(spans, lastindex, groups, gap), ...], tail):
            // the matches finditer/sub/split see (after an empty match, the next must
            // advance), each with the text since the previous match (from `pos` for the
            // first), and the text after the last one.
            "scan" => builtin("scan", move |it, args| {
                let text = subject(it, &code, args.pos.first())?;
                let (pos, end) = bounds(it, &args.pos, text.len())?;
                let limit = match args.pos.get(3) {
                    Some(v @ Value::Int(_)) => it.to_index(v)?.max(0) as usize,
                    _ => 0,
                };
                let mut out = Vec::new();
                let mut last = pos;
                for c in scan(it, &code, &text[..end], pos, limit)? {
                    let gap = Some(&text[last..c.slots[0].unwrap_or(last)]);
                    out.push(captures_value(&c, &text, code.is_text, gap));
                    last = c.slots[1].unwrap_or(last);
                }
                let tail = make_text(code.is_text, &text[last..]);
                Ok(Value::tuple(vec![Value::list(out), tail]))
            }),
            // findall(string, pos, endpos) -> list, built here to spare a slice per match.
            "findall" => builtin("findall", move |it, args| {
                let text = subject(it, &code, args.pos.first())?;
                let (pos, end) = bounds(it, &args.pos, text.len())?;
                let text = &text[..end];
                let piece = |s: Option<usize>, e: Option<usize>| match (s, e) {
                    (Some(s), Some(e)) => make_text(code.is_text, &text[s..e]),
                    _ => make_text(code.is_text, &[]),
                };
                let mut out = Vec::new();
                for c in scan(it, &code, text, pos, 0)? {
                    let groups = c.slots.len() / 2 - 1;
                    out.push(match groups {
                        0 => piece(c.slots[0], c.slots[1]),
                        1 => piece(c.slots[2], c.slots[3]),
                        _ => Value::tuple(
                            (1..=groups)
                                .map(|g| piece(c.slots[2 * g], c.slots[2 * g + 1]))
                                .collect(),
                        ),
                    });
                }
                Ok(Value::list(out))
            }),
            _ => return Ok(None),
        }))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn make_text(is_text: bool, units: &[u32]) -> Value {
    if is_text {
        let s: String = units.iter().filter_map(|&c| char::from_u32(c)).collect();
        Value::str(&s)
    } else {
        Value::Bytes(units.iter().map(|&b| b as u8).collect::<Vec<u8>>().into())
    }
}

/// `(spans, lastindex, groups[, gap])`: spans flat (`-1` for a group that did not take
/// part), the groups' texts (`None` for those), and the text before the match if asked for.
/// The texts are cut here, once: slicing a long `str` by code points in Python costs a walk.
fn captures_value(c: &Captures, text: &[u32], is_text: bool, gap: Option<&[u32]>) -> Value {
    let spans = c
        .slots
        .iter()
        .map(|s| Value::Int(s.map_or(-1, |p| p as i64)))
        .collect();
    let groups = c
        .slots
        .chunks(2)
        .map(|pair| match (pair[0], pair[1]) {
            (Some(s), Some(e)) => make_text(is_text, &text[s..e.max(s)]),
            _ => Value::None,
        })
        .collect();
    let mut items = vec![
        Value::tuple(spans),
        c.last_index.map_or(Value::None, |g| Value::Int(g as i64)),
        Value::tuple(groups),
    ];
    if let Some(gap) = gap {
        items.push(make_text(is_text, gap));
    }
    Value::tuple(items)
}

/// The string searched, as code points (or bytes), with CPython's type errors.
fn subject(it: &mut Interp, code: &CodeInner, v: Option<&Value>) -> PyResult<Rc<[u32]>> {
    let v = match v {
        Some(Value::Instance(i)) if i.base.is_some() => i.base.clone().unwrap_or(Value::None),
        Some(v) => v.clone(),
        None => Value::None,
    };
    if let Some((seen, units)) = &*code.last_subject.borrow() {
        let same = match (seen, &v) {
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b),
            (Value::Bytes(a), Value::Bytes(b)) => Rc::ptr_eq(a, b),
            _ => false,
        };
        if same {
            return Ok(units.clone());
        }
    }
    let units: Rc<[u32]> = match (&v, code.is_text) {
        (Value::Str(s), true) => s.chars().map(|c| c as u32).collect(),
        (Value::Bytes(b), false) => b.iter().map(|&b| b as u32).collect(),
        (Value::Str(_), false) => {
            return Err(it.type_error("cannot use a bytes pattern on a string-like object"));
        }
        (Value::Bytes(_), true) => {
            return Err(it.type_error("cannot use a string pattern on a bytes-like object"));
        }
        (other, _) => {
            return Err(it.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                other.type_name()
            )));
        }
    };
    *code.last_subject.borrow_mut() = Some((v, units.clone()));
    Ok(units)
}

/// `pos` and `endpos` (arguments 1 and 2) clamped to the string, as CPython clamps them.
fn bounds(it: &mut Interp, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let get = |it: &mut Interp, i: usize, default: i64| -> PyResult<i64> {
        match args.get(i) {
            None | Some(Value::None) => Ok(default),
            Some(v) => it.to_index(v),
        }
    };
    let pos = get(it, 1, 0)?.clamp(0, len as i64) as usize;
    let end = get(it, 2, len as i64)?.clamp(0, len as i64) as usize;
    Ok((pos, end))
}

/// One search, charged to the step budget.
fn run(
    it: &mut Interp,
    code: &CodeInner,
    text: &[u32],
    pos: usize,
    mode: Mode,
    advance: bool,
) -> PyResult<Option<Captures>> {
    let budget = it
        .config
        .step_budget
        .saturating_sub(it.steps.get())
        .saturating_mul(STEPS_PER_INTERP_STEP);
    let mut used = 0;
    let r = re_engine::find(&code.prog, text, pos, mode, advance, &mut used, budget);
    it.steps
        .set(it.steps.get() + used.div_ceil(STEPS_PER_INTERP_STEP));
    match r {
        Ok(c) => Ok(c),
        Err(Exhausted) => Err(too_long(it, code)),
    }
}

/// Every match from `pos` on (at most `limit`, 0 for all), as CPython's scanner finds them.
fn scan(
    it: &mut Interp,
    code: &CodeInner,
    text: &[u32],
    pos: usize,
    limit: usize,
) -> PyResult<Vec<Captures>> {
    let mut out = Vec::new();
    let mut at = pos;
    let mut advance = false;
    while at <= text.len() && (limit == 0 || out.len() < limit) {
        let Some(c) = run(it, code, text, at, Mode::Search, advance)? else {
            break;
        };
        let (s, e) = (c.slots[0].unwrap_or(at), c.slots[1].unwrap_or(at));
        advance = s == e;
        at = e;
        out.push(c);
    }
    Ok(out)
}

/// The step budget ran out inside a match: say which pattern (the traceback says where).
fn too_long(it: &Interp, code: &CodeInner) -> Box<crate::python::interp::Exc> {
    let n = crate::text::number::thousands(it.config.step_budget);
    let msg = format!(
        "stopped after {n} steps: the regular expression {} backtracks too much on this text",
        code.pattern_repr,
    );
    it.raise_value(it.new_exception(it.ty("StepLimitExceeded"), vec![Value::str(&msg)]))
}

/// `_re.compile(pattern, flags)` → `(code, groups, [(name, index)...], flags)`, or
/// `(None, message, position)` for a pattern error (`re.py` raises `re.error`).
fn compile(it: &mut Interp, args: Args) -> PyResult<Value> {
    let flags = match args.pos.get(1) {
        Some(v) => it.to_index(v)? as u32,
        None => 0,
    };
    let (units, is_text, pattern_repr): (Vec<u32>, bool, String) = match args.pos.first() {
        Some(Value::Str(s)) => (
            s.chars().map(|c| c as u32).collect(),
            true,
            crate::python::text::str_repr::str_repr(s),
        ),
        Some(Value::Bytes(b)) => (
            b.iter().map(|&b| b as u32).collect(),
            false,
            crate::text::repr::bytes_repr(b),
        ),
        _ => return Err(it.type_error("first argument must be string or compiled pattern")),
    };
    let parsed = match re_parse::parse(&units, flags, is_text) {
        Ok(p) => p,
        Err(e) => {
            if let Some(kind) = e.kind {
                return Err(it.err(kind, e.msg));
            }
            return Ok(Value::tuple(vec![
                Value::None,
                Value::str(&e.msg),
                e.pos.map_or(Value::None, |p| Value::Int(p as i64)),
            ]));
        }
    };
    let prog = match re_engine::compile(&parsed.node, parsed.groups) {
        Ok(p) => p,
        Err(msg) => return Err(it.err("OverflowError", msg)),
    };
    let mut names = Dict::new();
    for (n, g) in &parsed.names {
        names.set_str(n, Value::Int(*g as i64));
    }
    let code = Code(Rc::new(CodeInner {
        prog,
        last_subject: Default::default(),
        is_text,
        pattern_repr,
    }));
    Ok(Value::tuple(vec![
        Value::Native(Rc::new(code)),
        Value::Int(parsed.groups as i64),
        Value::dict(names),
        Value::Int(parsed.flags as i64),
    ]))
}

/// The `_re` module.
pub fn make(_it: &mut Interp) -> Value {
    make_module("_re", vec![("compile", func("compile", compile))])
}
