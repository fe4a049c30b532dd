//! `re` matching: a backtracking machine that runs a parsed pattern ([`re_parse::Node`]) the way
//! CPython's `re` does — leftmost alternative first, greedy/lazy/possessive repeats, captures
//! that keep the last iteration, look-arounds, atomic groups, conditional groups, backreferences,
//! and CPython's rules for empty matches (an empty iteration ends a repeat; a scan after an
//! empty match must advance).
//!
//! **Why our own engine** (measured for issue 19). `fancy-regex` is not in the vendored/locked
//! crate set, so it cannot build offline; it also sits on Rust's `regex`, which can. A wasm32
//! probe built with this project's release profile and `wasm-opt -Oz` weighs 281.7 kB gzipped
//! with `regex` (default features: its Unicode tables and automata) against 0.3 kB without it —
//! close to a quarter of the page's 1.2 MB budget — and `regex` has no backreferences,
//! look-arounds, atomic groups or possessive repeats, all of which Python has. Python's syntax
//! and messages need a parser of our own anyway (`re_parse`); this machine reuses the
//! interpreter's Unicode tables for `\w \d \s` (so `\d` is `str.isdecimal`, `\w` is
//! `isalnum() or '_'`, as CPython defines them for `str`), and the whole module weighs what
//! BENCHMARKS.md reports. It matches CPython on every program of `tests/python/cases/stdlib_re/`.
//!
//! **Never a frozen tab.** Every instruction and every backtrack counts one step against a
//! budget the caller gives (the interpreter's step budget): `(a+)+$` on a long non-matching
//! input ends in [`Exhausted`], never in a hang. The backtrack stack is explicit (no native
//! recursion per character), so long inputs cannot overflow the native stack; only look-arounds
//! and atomic groups recurse, as deep as the pattern nests them.

use std::rc::Rc;

use super::re_parse::{At, Category, CharRules, Greed, Node, SetItem};
use crate::python::text::char_class;

/// The step budget ran out.
#[derive(Debug, PartialEq)]
pub struct Exhausted;

/// A one-character test.
#[derive(Debug, Clone)]
enum One {
    Char(u32),
    /// A character compared ignoring case (`ascii`: only ASCII letters fold).
    Fold(u32, bool),
    Any,
    AnyButNewline,
    Set(Rc<(Vec<SetItem>, bool, CharRules)>),
    Category(Category, bool),
}

fn lower(c: u32, ascii: bool) -> u32 {
    if ascii || c < 128 {
        return if (b'A' as u32..=b'Z' as u32).contains(&c) {
            c + 32
        } else {
            c
        };
    }
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut it = ch.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l as u32,
        _ => c,
    }
}

fn upper(c: u32, ascii: bool) -> u32 {
    if ascii || c < 128 {
        return if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        };
    }
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut it = ch.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u as u32,
        _ => c,
    }
}

fn fold_eq(a: u32, b: u32, ascii: bool) -> bool {
    a == b || lower(a, ascii) == lower(b, ascii) || upper(a, ascii) == upper(b, ascii)
}

/// `\w` for one character: `isalnum()` or `_` (ASCII: letters, digits, `_`).
pub fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_alphanumeric() || c == '_' as u32;
    }
    !ascii && char::from_u32(c).is_some_and(char_class::is_alnum)
}

fn in_category(cat: Category, c: u32, ascii: bool) -> bool {
    let uni = |f: fn(char) -> bool| !ascii && c >= 128 && char::from_u32(c).is_some_and(f);
    match cat {
        Category::Digit => (b'0' as u32..=b'9' as u32).contains(&c) || uni(char_class::is_decimal),
        Category::NotDigit => !in_category(Category::Digit, c, ascii),
        Category::Word => is_word(c, ascii),
        Category::NotWord => !is_word(c, ascii),
        Category::Space => {
            matches!(c, 9..=13 | 32)
                || (c < 128 && !ascii && (28..=31).contains(&c))
                || uni(char_class::is_space)
        }
        Category::NotSpace => !in_category(Category::Space, c, ascii),
    }
}

fn in_set(items: &[SetItem], c: u32, ascii: bool) -> bool {
    items.iter().any(|item| match *item {
        SetItem::Char(x) => x == c,
        SetItem::Range(lo, hi) => (lo..=hi).contains(&c),
        SetItem::Category(cat) => in_category(cat, c, ascii),
    })
}

impl One {
    fn matches(&self, c: u32) -> bool {
        match self {
            One::Char(x) => *x == c,
            One::Fold(x, ascii) => fold_eq(*x, c, *ascii),
            One::Any => true,
            One::AnyButNewline => c != '\n' as u32,
            One::Set(set) => {
                let (items, negate, rules) = &**set;
                let hit = in_set(items, c, rules.ascii)
                    || (rules.ignore_case
                        && (in_set(items, lower(c, rules.ascii), rules.ascii)
                            || in_set(items, upper(c, rules.ascii), rules.ascii)));
                hit != *negate
            }
            One::Category(cat, ascii) => in_category(*cat, c, *ascii),
        }
    }
}

#[derive(Debug, Clone)]
enum Inst {
    One(One),
    At(At),
    /// Record the position in a capture slot (group `n` has slots `2n`, `2n + 1`).
    Save(usize),
    /// Try the first target, then the second.
    Split(usize, usize),
    Jmp(usize),
    /// Start a counted repeat: its count and iteration start live in registers `reg`, `reg + 1`.
    RepInit(usize),
    /// Decide whether to run the body (at the next instruction) again or leave to `exit`.
    RepCheck {
        reg: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    /// An iteration starts here (the body follows).
    RepStart(usize),
    /// An iteration ended: count it; an empty one ends the repeat (CPython's rule).
    RepEnd {
        reg: usize,
        min: u32,
        check: usize,
        exit: usize,
    },
    /// A repeat of one-character tests (no captures inside): counted without a frame each.
    Single {
        one: One,
        min: u32,
        max: u32,
        greed: Greed,
    },
    Backref {
        group: usize,
        rules: CharRules,
    },
    /// Continue if the group matched, else go to `no`.
    IfGroup {
        group: usize,
        no: usize,
    },
    /// A look-around whose body follows and ends in `SubMatch`; `next` is after it.
    Look {
        behind: bool,
        negate: bool,
        width: usize,
        next: usize,
    },
    /// An atomic group whose body follows and ends in `SubMatch`.
    Atomic {
        next: usize,
    },
    SubMatch,
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    code: Vec<Inst>,
    slots: usize,
    regs: usize,
    /// A character every match must start with (to skip hopeless start positions).
    first: Option<u32>,
}

struct Compiler {
    code: Vec<Inst>,
    regs: usize,
}

/// Upper bound on instructions: a pattern like `(a{1000}){1000}` is refused as too large.
const MAX_CODE: usize = 1_000_000;

fn one_of(node: &Node) -> Option<One> {
    Some(match node {
        Node::Literal(c, rules) => {
            if rules.ignore_case && (lower(*c, rules.ascii) != *c || upper(*c, rules.ascii) != *c) {
                One::Fold(*c, rules.ascii)
            } else {
                One::Char(*c)
            }
        }
        Node::Any { dotall } => {
            if *dotall {
                One::Any
            } else {
                One::AnyButNewline
            }
        }
        Node::Set {
            items,
            negate,
            rules,
        } => One::Set(Rc::new((items.clone(), *negate, *rules))),
        Node::Category(cat, rules) => One::Category(*cat, rules.ascii),
        Node::Group(None, inner) => return one_of(inner),
        _ => return None,
    })
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> Result<usize, String> {
        if self.code.len() >= MAX_CODE {
            return Err("pattern too large".into());
        }
        self.code.push(inst);
        Ok(self.code.len() - 1)
    }

    fn compile(&mut self, node: &Node) -> Result<(), String> {
        if let Some(one) = one_of(node) {
            self.emit(Inst::One(one))?;
            return Ok(());
        }
        match node {
            Node::Empty => {}
            Node::Concat(items) => {
                for n in items {
                    self.compile(n)?;
                }
            }
            Node::Alternate(items) => {
                let mut jumps = Vec::new();
                for (i, n) in items.iter().enumerate() {
                    if i + 1 < items.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.compile(n)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.code.len();
                        self.code[split] = Inst::Split(split + 1, next);
                    } else {
                        self.compile(n)?;
                    }
                }
                let end = self.code.len();
                for j in jumps {
                    self.code[j] = Inst::Jmp(end);
                }
            }
            Node::Group(Some(g), inner) => {
                self.emit(Inst::Save(2 * g))?;
                self.compile(inner)?;
                self.emit(Inst::Save(2 * g + 1))?;
            }
            Node::Group(None, inner) => self.compile(inner)?,
            Node::Repeat {
                node,
                min,
                max,
                greed,
            } => {
                let max_n = max.unwrap_or(u32::MAX);
                if let Some(one) = one_of(node) {
                    self.emit(Inst::Single {
                        one,
                        min: *min,
                        max: max_n,
                        greed: *greed,
                    })?;
                    return Ok(());
                }
                if *greed == Greed::Possessive {
                    let inner = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greed: Greed::Greedy,
                    };
                    return self.compile(&Node::Atomic(Box::new(inner)));
                }
                let reg = self.regs;
                self.regs += 2;
                self.emit(Inst::RepInit(reg))?;
                let check = self.emit(Inst::Jmp(0))?;
                self.emit(Inst::RepStart(reg))?;
                self.compile(node)?;
                let end = self.emit(Inst::Jmp(0))?;
                let exit = self.code.len();
                self.code[check] = Inst::RepCheck {
                    reg,
                    min: *min,
                    max: max_n,
                    greedy: *greed == Greed::Greedy,
                    exit,
                };
                self.code[end] = Inst::RepEnd {
                    reg,
                    min: *min,
                    check,
                    exit,
                };
            }
            Node::Backref(g, rules) => {
                self.emit(Inst::Backref {
                    group: *g,
                    rules: *rules,
                })?;
            }
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let width = super::re_parse::width(node, &[]).0;
                let at = self.emit(Inst::Jmp(0))?;
                self.compile(node)?;
                self.emit(Inst::SubMatch)?;
                self.code[at] = Inst::Look {
                    behind: *behind,
                    negate: *negate,
                    width,
                    next: self.code.len(),
                };
            }
            Node::Atomic(inner) => {
                let at = self.emit(Inst::Jmp(0))?;
                self.compile(inner)?;
                self.emit(Inst::SubMatch)?;
                self.code[at] = Inst::Atomic {
                    next: self.code.len(),
                };
            }
            Node::IfGroup { group, yes, no } => {
                let at = self.emit(Inst::Jmp(0))?;
                self.compile(yes)?;
                let jump = self.emit(Inst::Jmp(0))?;
                let no_at = self.code.len();
                self.compile(no)?;
                let end = self.code.len();
                self.code[at] = Inst::IfGroup {
                    group: *group,
                    no: no_at,
                };
                self.code[jump] = Inst::Jmp(end);
            }
            Node::At(at) => {
                self.emit(Inst::At(*at))?;
            }
            Node::Literal(..) | Node::Any { .. } | Node::Set { .. } | Node::Category(..) => {}
        }
        Ok(())
    }
}

fn first_char(node: &Node) -> Option<u32> {
    match node {
        Node::Literal(c, rules) if !rules.ignore_case => Some(*c),
        Node::Group(_, n) | Node::Atomic(n) => first_char(n),
        Node::Repeat { node, min, .. } if *min > 0 => first_char(node),
        Node::Concat(items) => {
            for n in items {
                match n {
                    Node::At(_) => continue,
                    other => return first_char(other),
                }
            }
            None
        }
        _ => None,
    }
}

/// Compile a parsed pattern with `groups` capturing groups.
pub fn compile(node: &Node, groups: usize) -> Result<Program, String> {
    let mut c = Compiler {
        code: Vec::new(),
        regs: 0,
    };
    c.compile(node)?;
    c.emit(Inst::Match)?;
    Ok(Program {
        code: c.code,
        slots: 2 * (groups + 1),
        regs: c.regs,
        first: first_char(node),
    })
}

/// How a match is anchored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    /// At the start position only (`match`).
    Match,
    /// At the start position, through the end (`fullmatch`).
    Full,
    /// At the first position that matches (`search`).
    Search,
}

/// A successful match: the capture slots (`None`: the group did not take part) and the group
/// that closed last (`lastindex`).
#[derive(Debug, Clone, PartialEq)]
pub struct Captures {
    pub slots: Vec<Option<usize>>,
    pub last_index: Option<usize>,
}

const UNSET: usize = usize::MAX;

enum Bt {
    Alt {
        pc: usize,
        pos: usize,
    },
    Cap {
        slot: usize,
        old: usize,
    },
    Reg {
        reg: usize,
        old: usize,
    },
    Last {
        old: usize,
    },
    Greedy {
        next: usize,
        base: usize,
        count: u32,
        min: u32,
    },
    Lazy {
        at: usize,
        base: usize,
        count: u32,
    },
    Barrier,
}

struct Machine<'a> {
    prog: &'a Program,
    text: &'a [u32],
    caps: Vec<usize>,
    regs: Vec<usize>,
    last: usize,
    stack: Vec<Bt>,
    steps: u64,
    budget: u64,
    /// Where the current attempt started, and whether a match there must not be empty.
    origin: usize,
    must_advance: bool,
    full: bool,
}

impl<'a> Machine<'a> {
    #[inline]
    fn step(&mut self) -> Result<(), Exhausted> {
        self.steps += 1;
        if self.steps > self.budget {
            Err(Exhausted)
        } else {
            Ok(())
        }
    }

    fn at(&self, at: At, pos: usize) -> bool {
        let t = self.text;
        let end = t.len();
        let nl = '\n' as u32;
        match at {
            At::Start { multiline } => pos == 0 || (multiline && t[pos - 1] == nl),
            At::End { multiline } => {
                // At the end, or before a newline: any newline in multiline mode, the last one
                // otherwise.
                pos == end || (t[pos] == nl && (multiline || pos + 1 == end))
            }
            At::StrStart => pos == 0,
            At::StrEnd => pos == end,
            At::Boundary { negate, ascii } => {
                let before = pos > 0 && is_word(t[pos - 1], ascii);
                let after = pos < end && is_word(t[pos], ascii);
                (before != after) != negate
            }
        }
    }

    fn set_cap(&mut self, slot: usize, pos: usize) {
        self.stack.push(Bt::Cap {
            slot,
            old: self.caps[slot],
        });
        self.caps[slot] = pos;
        if slot % 2 == 1 && slot > 1 {
            self.stack.push(Bt::Last { old: self.last });
            self.last = slot / 2;
        }
    }

    fn set_reg(&mut self, reg: usize, value: usize) {
        self.stack.push(Bt::Reg {
            reg,
            old: self.regs[reg],
        });
        self.regs[reg] = value;
    }

    /// Pop to the next alternative; `None` when the run's barrier is reached.
    fn backtrack(&mut self) -> Result<Option<(usize, usize)>, Exhausted> {
        // One step per backtrack: undoing a capture is bookkeeping, not matching work.
        self.step()?;
        loop {
            match self.stack.pop() {
                None | Some(Bt::Barrier) => return Ok(None),
                Some(Bt::Alt { pc, pos }) => return Ok(Some((pc, pos))),
                Some(Bt::Cap { slot, old }) => self.caps[slot] = old,
                Some(Bt::Reg { reg, old }) => self.regs[reg] = old,
                Some(Bt::Last { old }) => self.last = old,
                Some(Bt::Greedy {
                    next,
                    base,
                    count,
                    min,
                }) => {
                    let count = count - 1;
                    if count > min {
                        self.stack.push(Bt::Greedy {
                            next,
                            base,
                            count,
                            min,
                        });
                    }
                    return Ok(Some((next, base + count as usize)));
                }
                Some(Bt::Lazy { at, base, count }) => {
                    let Inst::Single { one, max, .. } = &self.prog.code[at] else {
                        continue;
                    };
                    let pos = base + count as usize;
                    if count < *max && pos < self.text.len() && one.matches(self.text[pos]) {
                        self.stack.push(Bt::Lazy {
                            at,
                            base,
                            count: count + 1,
                        });
                        return Ok(Some((at + 1, pos + 1)));
                    }
                }
            }
        }
    }

    /// Drop the alternatives a finished sub-run left above its barrier at `mark`, keeping
    /// the undo records (so a later backtrack still restores captures it set).
    fn commit(&mut self, mark: usize) {
        let mut kept = Vec::new();
        for bt in self.stack.drain(mark..) {
            if matches!(bt, Bt::Cap { .. } | Bt::Reg { .. } | Bt::Last { .. }) {
                kept.push(bt);
            }
        }
        self.stack.extend(kept);
    }

    /// Undo everything a sub-run did above `mark`.
    fn undo(&mut self, mark: usize) {
        while self.stack.len() > mark {
            match self.stack.pop() {
                Some(Bt::Cap { slot, old }) => self.caps[slot] = old,
                Some(Bt::Reg { reg, old }) => self.regs[reg] = old,
                Some(Bt::Last { old }) => self.last = old,
                _ => {}
            }
        }
    }

    /// Run from `pc` at `pos` until `Match`/`SubMatch`; the end position, or `None`.
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Result<Option<usize>, Exhausted> {
        self.stack.push(Bt::Barrier);
        let text = self.text;
        let end = text.len();
        loop {
            self.step()?;
            let ok = match &self.prog.code[pc] {
                Inst::One(one) => {
                    if pos < end && one.matches(text[pos]) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::At(at) => {
                    pc += 1;
                    self.at(*at, pos)
                }
                Inst::Save(slot) => {
                    self.set_cap(*slot, pos);
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Bt::Alt { pc: *b, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(to) => {
                    pc = *to;
                    true
                }
                Inst::RepInit(reg) => {
                    self.set_reg(*reg, 0);
                    self.set_reg(reg + 1, UNSET);
                    pc += 1;
                    true
                }
                &Inst::RepCheck {
                    reg,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let count = self.regs[reg];
                    if count < min as usize {
                        pc += 1;
                    } else if max != u32::MAX && count >= max as usize {
                        pc = exit;
                    } else if greedy {
                        self.stack.push(Bt::Alt { pc: exit, pos });
                        pc += 1;
                    } else {
                        self.stack.push(Bt::Alt { pc: pc + 1, pos });
                        pc = exit;
                    }
                    true
                }
                Inst::RepStart(reg) => {
                    self.set_reg(reg + 1, pos);
                    pc += 1;
                    true
                }
                &Inst::RepEnd {
                    reg,
                    min,
                    check,
                    exit,
                } => {
                    let count = self.regs[reg] + 1;
                    self.set_reg(reg, count);
                    pc = if pos == self.regs[reg + 1] && count >= min as usize {
                        exit
                    } else {
                        check
                    };
                    true
                }
                Inst::Single {
                    one,
                    min,
                    max,
                    greed,
                } => {
                    let (min, max) = (*min, *max);
                    match greed {
                        Greed::Lazy => {
                            let mut n = 0;
                            while n < min
                                && pos + (n as usize) < end
                                && one.matches(text[pos + n as usize])
                            {
                                n += 1;
                            }
                            self.steps += n as u64;
                            if n < min {
                                false
                            } else {
                                self.stack.push(Bt::Lazy {
                                    at: pc,
                                    base: pos,
                                    count: n,
                                });
                                pos += n as usize;
                                pc += 1;
                                true
                            }
                        }
                        _ => {
                            let mut n: u32 = 0;
                            while n < max
                                && pos + (n as usize) < end
                                && one.matches(text[pos + n as usize])
                            {
                                n += 1;
                            }
                            self.steps += n as u64;
                            if n < min {
                                false
                            } else {
                                if *greed == Greed::Greedy && n > min {
                                    self.stack.push(Bt::Greedy {
                                        next: pc + 1,
                                        base: pos,
                                        count: n,
                                        min,
                                    });
                                }
                                pos += n as usize;
                                pc += 1;
                                true
                            }
                        }
                    }
                }
                &Inst::Backref { group, rules } => {
                    let (s, e) = (self.caps[2 * group], self.caps[2 * group + 1]);
                    if s == UNSET || e == UNSET {
                        false
                    } else {
                        let len = e.saturating_sub(s);
                        let same = pos + len <= end
                            && (0..len).all(|i| {
                                let (a, b) = (text[s + i], text[pos + i]);
                                a == b || (rules.ignore_case && fold_eq(a, b, rules.ascii))
                            });
                        self.steps += len as u64;
                        if same {
                            pos += len;
                            pc += 1;
                        }
                        same
                    }
                }
                &Inst::IfGroup { group, no } => {
                    let matched = self.caps[2 * group + 1] != UNSET;
                    pc = if matched { pc + 1 } else { no };
                    true
                }
                &Inst::Look {
                    behind,
                    negate,
                    width,
                    next,
                } => {
                    let start = if behind {
                        pos.checked_sub(width)
                    } else {
                        Some(pos)
                    };
                    let mark = self.stack.len();
                    let found = match start {
                        Some(start) => {
                            // A look-around is matched on its own: the rules for the whole
                            // match (fullmatch, must advance) do not apply inside it.
                            let saved = (self.full, self.must_advance);
                            (self.full, self.must_advance) = (false, false);
                            let r = self.run(pc + 1, start);
                            (self.full, self.must_advance) = saved;
                            r?.is_some()
                        }
                        None => false,
                    };
                    if found && !negate {
                        self.commit(mark);
                    } else if found {
                        self.undo(mark);
                    }
                    pc = next;
                    found != negate
                }
                &Inst::Atomic { next } => {
                    let mark = self.stack.len();
                    let saved = (self.full, self.must_advance);
                    (self.full, self.must_advance) = (false, false);
                    let r = self.run(pc + 1, pos);
                    (self.full, self.must_advance) = saved;
                    match r? {
                        Some(e) => {
                            self.commit(mark);
                            pos = e;
                            pc = next;
                            true
                        }
                        None => false,
                    }
                }
                Inst::SubMatch => return Ok(Some(pos)),
                Inst::Match => {
                    if (self.full && pos != end) || (self.must_advance && pos == self.origin) {
                        false
                    } else {
                        return Ok(Some(pos));
                    }
                }
            };
            if !ok {
                match self.backtrack()? {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return Ok(None),
                }
            }
        }
    }
}

/// Match `prog` against `text` (already cut at `endpos`) from `pos`. `must_advance`: a match
/// at `pos` must not be empty (the scan after an empty match). `steps` is charged with the
/// work done, failing once it passes `budget`.
pub fn find(
    prog: &Program,
    text: &[u32],
    pos: usize,
    mode: Mode,
    must_advance: bool,
    steps: &mut u64,
    budget: u64,
) -> Result<Option<Captures>, Exhausted> {
    if pos > text.len() {
        return Ok(None);
    }
    let mut m = Machine {
        prog,
        text,
        caps: vec![UNSET; prog.slots],
        regs: vec![0; prog.regs],
        last: UNSET,
        stack: Vec::new(),
        steps: *steps,
        budget,
        origin: pos,
        must_advance,
        full: mode == Mode::Full,
    };
    let mut start = pos;
    let result = loop {
        if mode == Mode::Search
            && let Some(c) = prog.first
        {
            match text[start..].iter().position(|&x| x == c) {
                Some(skip) => {
                    m.steps += skip as u64 / 8;
                    start += skip;
                }
                None => break Ok(None),
            }
        }
        m.must_advance = must_advance && start == pos;
        m.stack.clear();
        match m.run(0, start) {
            Err(e) => break Err(e),
            Ok(Some(e)) => {
                m.caps[0] = start;
                m.caps[1] = e;
                break Ok(Some(()));
            }
            Ok(None) => {}
        }
        if mode != Mode::Search || start >= text.len() {
            break Ok(None);
        }
        start += 1;
    };
    *steps = m.steps;
    Ok(result?.map(|()| Captures {
        slots: m.caps.iter().map(|&p| (p != UNSET).then_some(p)).collect(),
        last_index: (m.last != UNSET).then_some(m.last),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::modules::re_parse::parse;

    fn prog(p: &str) -> Program {
        let chars: Vec<u32> = p.chars().map(|c| c as u32).collect();
        let parsed = parse(&chars, 0, true).expect("pattern parses");
        compile(&parsed.node, parsed.groups).expect("pattern compiles")
    }

    fn text(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn catastrophic_backtracking_spends_the_budget_instead_of_hanging() {
        let p = prog("(a+)+$");
        let t = text(&format!("{}!", "a".repeat(40)));
        let mut steps = 0;
        let r = find(&p, &t, 0, Mode::Search, false, &mut steps, 2_000_000);
        assert_eq!(r, Err(Exhausted));
        assert!(steps > 2_000_000);
    }

    #[test]
    fn long_inputs_do_not_recurse_natively() {
        // 200,000 iterations of a group: the backtrack stack grows, the native stack does not.
        let p = prog("(?:ab)*c");
        let t = text(&format!("{}c", "ab".repeat(200_000)));
        let mut steps = 0;
        let r = find(&p, &t, 0, Mode::Match, false, &mut steps, u64::MAX).expect("within budget");
        assert_eq!(r.map(|c| c.slots[1]), Some(Some(400_001)));
    }
}
