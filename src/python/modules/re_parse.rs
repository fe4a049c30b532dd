//! `re` pattern syntax: Python 3.11's regular-expression language read into a tree
//! ([`Node`]), with CPython's error messages and positions for every mistake a learner makes
//! (`missing ), unterminated subpattern at position 0`, `nothing to repeat`, `bad escape \q`,
//! `unknown group name 'x'`, ...).
//!
//! Written by hand rather than taken from a crate: the crates' syntaxes (Rust's `regex`,
//! `fancy-regex`) differ from Python's in the details learners meet (`(?P=name)`, `\Z`,
//! octal escapes, `{` taken literally, scoped inline flags, global flags only at the start) and
//! never report CPython's messages; the tree here is what `re_engine` compiles.
//!
//! Flags are resolved while reading: every literal, set, `.`, `^`/`$` and `\b` carries the
//! case/dot/line/ASCII rules in force where it was written, so scoped flags (`(?i:...)`) need no
//! later pass.

/// Flag bits, as `re` numbers them.
pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;
const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;
/// Python's MAXREPEAT (the largest repeat count a pattern may name, exclusive).
pub const MAXREPEAT: u64 = 4_294_967_295;

/// A pattern mistake: CPython's message and the position it names (`None`: no position).
#[derive(Debug, Clone, PartialEq)]
pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
    /// Raised by CPython as another exception type (`OverflowError`, `ValueError`).
    pub kind: Option<&'static str>,
}

/// A class shorthand (`\d`, `\w`, `\s` and their negations).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Category {
    Digit,
    NotDigit,
    Word,
    NotWord,
    Space,
    NotSpace,
}

/// One member of a `[...]` set.
#[derive(Debug, Clone, PartialEq)]
pub enum SetItem {
    Char(u32),
    Range(u32, u32),
    Category(Category),
}

/// A zero-width position test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum At {
    /// `^` (with MULTILINE: also after every newline).
    Start { multiline: bool },
    /// `$` (at the end, before a final newline; with MULTILINE: before every newline).
    End { multiline: bool },
    /// `\A`.
    StrStart,
    /// `\Z`.
    StrEnd,
    /// `\b` / `\B` (`ascii`: the ASCII definition of a word character).
    Boundary { negate: bool, ascii: bool },
}

/// How a repeat backtracks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

/// Character-matching rules in force at one place of the pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharRules {
    pub ignore_case: bool,
    /// ASCII definitions of `\w \d \s` and of case folding (the ASCII flag, or any bytes pattern).
    pub ascii: bool,
}

/// The parsed pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Empty,
    Literal(u32, CharRules),
    /// `.`; `dotall` means it matches a newline too.
    Any {
        dotall: bool,
    },
    Set {
        items: Vec<SetItem>,
        negate: bool,
        rules: CharRules,
    },
    Category(Category, CharRules),
    Concat(Vec<Node>),
    Alternate(Vec<Node>),
    /// A capturing group (its number) or a non-capturing one.
    Group(Option<usize>, Box<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greed: Greed,
    },
    Backref(usize, CharRules),
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    /// `(?(group)yes|no)`.
    IfGroup {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
    At(At),
}

/// A parsed pattern and what `Pattern` objects report about it.
#[derive(Debug)]
pub struct Parsed {
    pub node: Node,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group names with their numbers, in the order they were defined.
    pub names: Vec<(String, usize)>,
    /// The pattern's flags after inline global flags and the str/bytes default.
    pub flags: u32,
}

const SPECIAL: &str = ".\\[{()*+?^$|";
const WHITESPACE: &[u32] = &[0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c];

fn ch(c: u32) -> String {
    char::from_u32(c).map(String::from).unwrap_or_default()
}

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

fn is_digit(c: Option<u32>) -> bool {
    matches!(c, Some(c) if (b'0' as u32..=b'9' as u32).contains(&c))
}

fn is_octal(c: Option<u32>) -> bool {
    matches!(c, Some(c) if (b'0' as u32..=b'7' as u32).contains(&c))
}

fn is_ascii_letter(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || crate::python::text::char_class::is_id_start(c) => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || crate::python::text::char_class::is_id_continue(c))
}

/// A token: one character, or a backslash and the character after it.
type Token = Vec<u32>;

struct Parser<'a> {
    src: &'a [u32],
    /// Index of the next unread character.
    index: usize,
    is_text: bool,
    /// Flags of the whole pattern (inline global flags included).
    flags: u32,
    /// Width of each group once closed (`None` while open); index 0 is the whole match.
    group_widths: Vec<Option<(usize, usize)>>,
    names: Vec<(String, usize)>,
    /// The first group number inside the look-behind being read.
    lookbehind_groups: Option<usize>,
    /// Group references to check once all groups are known: (group, position).
    group_ref_pos: Vec<(usize, usize)>,
    /// How many groups are open (the parser recurses once per level).
    depth: usize,
}

/// Deepest group nesting read. CPython's own parser recurses too and gives up near 495 levels
/// (with RecursionError); ours stops earlier, at a depth no learner writes, so the reader, the
/// compiler and the matcher (which recurse per level) stay far from the native stack's end.
const MAX_DEPTH: usize = 200;

impl<'a> Parser<'a> {
    fn error(&self, msg: impl Into<String>, back: usize) -> ReError {
        ReError {
            msg: msg.into(),
            pos: Some(self.tell().saturating_sub(back)),
            kind: None,
        }
    }

    /// Position of the next token (as CPython's tokenizer reports it).
    fn tell(&self) -> usize {
        self.index
    }

    /// The next token without consuming it.
    fn peek(&self) -> Option<Token> {
        let c = *self.src.get(self.index)?;
        if c == '\\' as u32 {
            match self.src.get(self.index + 1) {
                Some(&d) => Some(vec![c, d]),
                None => Some(vec![c]),
            }
        } else {
            Some(vec![c])
        }
    }

    fn next_is(&self, c: char) -> bool {
        self.src.get(self.index) == Some(&(c as u32))
    }

    fn next_char(&self) -> Option<u32> {
        self.src.get(self.index).copied()
    }

    fn get(&mut self) -> Result<Option<Token>, ReError> {
        let t = self.peek();
        if let Some(t) = &t {
            if t.len() == 1 && t[0] == '\\' as u32 {
                return Err(ReError {
                    msg: "bad escape (end of pattern)".into(),
                    pos: Some(self.index),
                    kind: None,
                });
            }
            self.index += t.len();
        }
        Ok(t)
    }

    fn accept(&mut self, c: char) -> bool {
        if self.next_is(c) {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn get_while(&mut self, n: usize, pred: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut out = Vec::new();
        while out.len() < n {
            match self.next_char() {
                Some(c) if pred(c) => {
                    out.push(c);
                    self.index += 1;
                }
                _ => break,
            }
        }
        out
    }

    fn get_until(&mut self, terminator: char, what: &str) -> Result<String, ReError> {
        let mut result = String::new();
        let mut len = 0;
        loop {
            let t = self.peek();
            if let Some(t) = &t {
                self.index += t.len();
            }
            match t {
                None => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {what}"), 0));
                    }
                    return Err(self.error(format!("missing {terminator}, unterminated name"), len));
                }
                Some(t) if t.len() == 1 && t[0] == terminator as u32 => {
                    if result.is_empty() {
                        return Err(self.error(format!("missing {what}"), 1));
                    }
                    return Ok(result);
                }
                Some(t) => {
                    len += t.len();
                    for c in t {
                        result.push_str(&ch(c));
                    }
                }
            }
        }
    }

    fn rules(&self, flags: u32) -> CharRules {
        CharRules {
            ignore_case: flags & IGNORECASE != 0,
            ascii: !self.is_text || flags & (ASCII | LOCALE) != 0,
        }
    }

    fn check_group(&self, gid: usize) -> bool {
        gid < self.group_widths.len() && self.group_widths[gid].is_some()
    }

    fn check_lookbehind_group(&self, gid: usize) -> Result<(), ReError> {
        if let Some(first) = self.lookbehind_groups {
            if !self.check_group(gid) {
                return Err(self.error("cannot refer to an open group", 0));
            }
            if gid >= first {
                return Err(self.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }

    fn hex_escape(&mut self, escape: &mut Vec<u32>, digits: usize) -> Result<u32, ReError> {
        let more = self.get_while(digits, |c| {
            char::from_u32(c).is_some_and(|c| c.is_ascii_hexdigit())
        });
        escape.extend(&more);
        let text: String = escape.iter().map(|&c| ch(c)).collect();
        if more.len() != digits {
            return Err(self.error(format!("incomplete escape {text}"), escape.len()));
        }
        let value = u32::from_str_radix(&text[2..], 16).unwrap_or(u32::MAX);
        if value > 0x10FFFF {
            return Err(self.error(format!("bad escape {text}"), escape.len()));
        }
        Ok(value)
    }

    /// Escapes both inside and outside sets: `\x`, `\u`, `\U`, `\N{...}`; `None` if not one.
    fn code_escape(&mut self, escape: &mut Vec<u32>) -> Result<Option<u32>, ReError> {
        let c = char::from_u32(escape[1]).unwrap_or('\0');
        Ok(Some(match c {
            'x' => self.hex_escape(escape, 2)?,
            'u' if self.is_text => self.hex_escape(escape, 4)?,
            'U' if self.is_text => self.hex_escape(escape, 8)?,
            'N' if self.is_text => {
                if !self.accept('{') {
                    return Err(self.error("missing {", 0));
                }
                let name: String = self
                    .get_while(usize::MAX, |c| c != '}' as u32)
                    .iter()
                    .map(|&c| ch(c))
                    .collect();
                if !self.accept('}') {
                    return Err(self.error("missing }, unterminated name", name.chars().count()));
                }
                // Character names are not in the page (their tables weigh ~500 kB; the
                // interpreter's own `"\N{...}"` literals make the same choice), so every name
                // is reported as CPython reports an unknown one.
                return Err(self.error(
                    format!("undefined character name '{name}'"),
                    name.chars().count() + 4,
                ));
            }
            _ => return Ok(None),
        }))
    }

    fn simple_escape(c: u32, in_set: bool) -> Option<u32> {
        Some(match char::from_u32(c)? {
            'a' => 7,
            'b' if in_set => 8,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => '\\' as u32,
            _ => return None,
        })
    }

    fn category(c: u32) -> Option<Category> {
        Some(match char::from_u32(c)? {
            'd' => Category::Digit,
            'D' => Category::NotDigit,
            'w' => Category::Word,
            'W' => Category::NotWord,
            's' => Category::Space,
            'S' => Category::NotSpace,
            _ => return None,
        })
    }

    fn text_of(t: &[u32]) -> String {
        t.iter().map(|&c| ch(c)).collect()
    }

    /// An escape inside `[...]`: a character or a category.
    fn class_escape(&mut self, token: &Token) -> Result<SetItem, ReError> {
        let c = token[1];
        if let Some(v) = Self::simple_escape(c, true) {
            return Ok(SetItem::Char(v));
        }
        if let Some(cat) = Self::category(c) {
            return Ok(SetItem::Category(cat));
        }
        let mut escape = token.clone();
        if let Some(v) = self.code_escape(&mut escape)? {
            return Ok(SetItem::Char(v));
        }
        if is_octal(Some(c)) {
            let more = self.get_while(2, |c| is_octal(Some(c)));
            escape.extend(&more);
            let value = u32::from_str_radix(&Self::text_of(&escape[1..]), 8).unwrap_or(0);
            if value > 0o377 {
                return Err(self.error(
                    format!(
                        "octal escape value {} outside of range 0-0o377",
                        Self::text_of(&escape)
                    ),
                    escape.len(),
                ));
            }
            return Ok(SetItem::Char(value));
        }
        if is_digit(Some(c)) || is_ascii_letter(c) {
            return Err(self.error(
                format!("bad escape {}", Self::text_of(&escape)),
                escape.len(),
            ));
        }
        Ok(SetItem::Char(c))
    }

    /// An escape outside sets.
    fn escape(&mut self, token: &Token, flags: u32) -> Result<Node, ReError> {
        let c = token[1];
        let rules = self.rules(flags);
        match char::from_u32(c).unwrap_or('\0') {
            'A' => return Ok(Node::At(At::StrStart)),
            'Z' => return Ok(Node::At(At::StrEnd)),
            'b' | 'B' => {
                return Ok(Node::At(At::Boundary {
                    negate: c == 'B' as u32,
                    ascii: rules.ascii,
                }));
            }
            _ => {}
        }
        if let Some(cat) = Self::category(c) {
            return Ok(Node::Category(cat, rules));
        }
        if let Some(v) = Self::simple_escape(c, false) {
            return Ok(Node::Literal(v, rules));
        }
        let mut escape = token.clone();
        if let Some(v) = self.code_escape(&mut escape)? {
            return Ok(Node::Literal(v, rules));
        }
        if c == '0' as u32 {
            let more = self.get_while(2, |c| is_octal(Some(c)));
            escape.extend(&more);
            let value = u32::from_str_radix(&Self::text_of(&escape[1..]), 8).unwrap_or(0);
            return Ok(Node::Literal(value, rules));
        }
        if is_digit(Some(c)) {
            // An octal escape (three octal digits) or a group reference.
            if is_digit(self.next_char()) {
                escape.push(self.next_char().unwrap_or(0));
                self.index += 1;
                if is_octal(Some(escape[1]))
                    && is_octal(Some(escape[2]))
                    && is_octal(self.next_char())
                {
                    escape.push(self.next_char().unwrap_or(0));
                    self.index += 1;
                    let value = u32::from_str_radix(&Self::text_of(&escape[1..]), 8).unwrap_or(0);
                    if value > 0o377 {
                        return Err(self.error(
                            format!(
                                "octal escape value {} outside of range 0-0o377",
                                Self::text_of(&escape)
                            ),
                            escape.len(),
                        ));
                    }
                    return Ok(Node::Literal(value, rules));
                }
            }
            let group: usize = Self::text_of(&escape[1..]).parse().unwrap_or(0);
            if group < self.group_widths.len() {
                if !self.check_group(group) {
                    return Err(self.error("cannot refer to an open group", escape.len()));
                }
                self.check_lookbehind_group(group)?;
                return Ok(Node::Backref(group, rules));
            }
            return Err(self.error(format!("invalid group reference {group}"), escape.len() - 1));
        }
        if is_ascii_letter(c) {
            return Err(self.error(
                format!("bad escape {}", Self::text_of(&escape)),
                escape.len(),
            ));
        }
        Ok(Node::Literal(c, rules))
    }

    /// Alternatives separated by `|`, up to a `)` or the end.
    fn parse_sub(&mut self, flags: u32, verbose: bool, nested: usize) -> Result<Node, ReError> {
        if self.depth >= MAX_DEPTH {
            return Err(ReError {
                msg: "maximum recursion depth exceeded".into(),
                pos: None,
                kind: Some("RecursionError"),
            });
        }
        self.depth += 1;
        let node = self.parse_alternatives(flags, verbose, nested);
        self.depth -= 1;
        node
    }

    fn parse_alternatives(
        &mut self,
        flags: u32,
        verbose: bool,
        nested: usize,
    ) -> Result<Node, ReError> {
        let mut items = Vec::new();
        let mut verbose = verbose;
        let mut flags = flags;
        loop {
            let first = nested == 0 && items.is_empty();
            let (item, f, v) = self.parse_seq(flags, verbose, nested + 1, first)?;
            if first {
                // Global flags read at the start apply to the rest of the pattern.
                flags = f;
                verbose = v;
            }
            items.push(item);
            if !self.accept('|') {
                break;
            }
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternate(items)
        })
    }

    /// A sequence of items up to `|`, `)` or the end; returns the flags and verbosity in force
    /// at its end (changed only by global flags at the start of the pattern).
    fn parse_seq(
        &mut self,
        mut flags: u32,
        mut verbose: bool,
        nested: usize,
        first: bool,
    ) -> Result<(Node, u32, bool), ReError> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(this) = self.peek() {
            if this.len() == 1 && (this[0] == '|' as u32 || this[0] == ')' as u32) {
                break;
            }
            self.get()?;
            if verbose {
                if this.len() == 1 && WHITESPACE.contains(&this[0]) {
                    continue;
                }
                if this.len() == 1 && this[0] == '#' as u32 {
                    loop {
                        match self.get()? {
                            None => break,
                            Some(t) if t.len() == 1 && t[0] == '\n' as u32 => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
            let c = this[0];
            let special = this.len() == 1 && char::from_u32(c).is_some_and(|c| SPECIAL.contains(c));
            if this.len() == 2 {
                items.push(self.escape(&this, flags)?);
            } else if !special {
                items.push(Node::Literal(c, self.rules(flags)));
            } else if c == '[' as u32 {
                items.push(self.parse_set(flags)?);
            } else if c == '*' as u32 || c == '+' as u32 || c == '?' as u32 || c == '{' as u32 {
                let here = self.tell();
                let (min, max) = match char::from_u32(c) {
                    Some('?') => (0, Some(1)),
                    Some('*') => (0, None),
                    Some('+') => (1, None),
                    _ => {
                        if self.next_is('}') {
                            items.push(Node::Literal(c, self.rules(flags)));
                            continue;
                        }
                        let lo = self.get_while(usize::MAX, |c| is_digit(Some(c)));
                        let hi = if self.accept(',') {
                            self.get_while(usize::MAX, |c| is_digit(Some(c)))
                        } else {
                            lo.clone()
                        };
                        if !self.accept('}') {
                            items.push(Node::Literal(c, self.rules(flags)));
                            self.index = here;
                            continue;
                        }
                        let number = |d: &[u32]| -> Result<Option<u64>, ReError> {
                            if d.is_empty() {
                                return Ok(None);
                            }
                            let n: u64 = Self::text_of(d).parse().unwrap_or(u64::MAX);
                            if n >= MAXREPEAT {
                                return Err(ReError {
                                    msg: "the repetition number is too large".into(),
                                    pos: None,
                                    kind: Some("OverflowError"),
                                });
                            }
                            Ok(Some(n))
                        };
                        let min = number(&lo)?.unwrap_or(0);
                        let max = number(&hi)?;
                        if let Some(max) = max
                            && max < min
                        {
                            return Err(self
                                .error("min repeat greater than max repeat", self.tell() - here));
                        }
                        (min as u32, max.map(|m| m as u32))
                    }
                };
                let back = self.tell() - here + 1;
                let item = match items.pop() {
                    None | Some(Node::At(_)) => return Err(self.error("nothing to repeat", back)),
                    Some(Node::Repeat { .. }) => return Err(self.error("multiple repeat", back)),
                    Some(Node::Group(None, inner)) => *inner,
                    Some(other) => other,
                };
                let greed = if self.accept('?') {
                    Greed::Lazy
                } else if self.accept('+') {
                    Greed::Possessive
                } else {
                    Greed::Greedy
                };
                items.push(Node::Repeat {
                    node: Box::new(item),
                    min,
                    max,
                    greed,
                });
            } else if c == '.' as u32 {
                items.push(Node::Any {
                    dotall: flags & DOTALL != 0,
                });
            } else if c == '(' as u32 {
                let start = self.tell() - 1;
                let mut capture = true;
                let mut atomic = false;
                let mut name: Option<String> = None;
                let mut add = 0;
                let mut del = 0;
                if self.accept('?') {
                    let Some(t) = self.get()? else {
                        return Err(self.error("unexpected end of pattern", 0));
                    };
                    let c2 = char::from_u32(t[0]).unwrap_or('\0');
                    let tlen = t.len();
                    if tlen == 1 && c2 == 'P' {
                        if self.accept('<') {
                            let n = self.get_until('>', "group name")?;
                            if !is_identifier(&n) {
                                return Err(self.error(
                                    format!("bad character in group name {}", py_repr(&n)),
                                    n.chars().count() + 1,
                                ));
                            }
                            name = Some(n);
                        } else if self.accept('=') {
                            let n = self.get_until(')', "group name")?;
                            let back = n.chars().count() + 1;
                            if !is_identifier(&n) {
                                return Err(self.error(
                                    format!("bad character in group name {}", py_repr(&n)),
                                    back,
                                ));
                            }
                            let Some(gid) = self.group_of(&n) else {
                                return Err(
                                    self.error(format!("unknown group name {}", py_repr(&n)), back)
                                );
                            };
                            if !self.check_group(gid) {
                                return Err(self.error("cannot refer to an open group", back));
                            }
                            self.check_lookbehind_group(gid)?;
                            items.push(Node::Backref(gid, self.rules(flags)));
                            continue;
                        } else {
                            let Some(t) = self.get()? else {
                                return Err(self.error("unexpected end of pattern", 0));
                            };
                            return Err(self.error(
                                format!("unknown extension ?P{}", Self::text_of(&t)),
                                t.len() + 2,
                            ));
                        }
                    } else if tlen == 1 && c2 == ':' {
                        capture = false;
                    } else if tlen == 1 && c2 == '#' {
                        loop {
                            match self.get()? {
                                None => {
                                    return Err(self.error(
                                        "missing ), unterminated comment",
                                        self.tell() - start,
                                    ));
                                }
                                Some(t) if t.len() == 1 && t[0] == ')' as u32 => break,
                                _ => {}
                            }
                        }
                        continue;
                    } else if tlen == 1 && (c2 == '=' || c2 == '!' || c2 == '<') {
                        let mut kind = c2;
                        let behind = c2 == '<';
                        let saved = self.lookbehind_groups;
                        if behind {
                            let Some(t) = self.get()? else {
                                return Err(self.error("unexpected end of pattern", 0));
                            };
                            kind = char::from_u32(t[0]).unwrap_or('\0');
                            if t.len() != 1 || (kind != '=' && kind != '!') {
                                return Err(self.error(
                                    format!("unknown extension ?<{}", Self::text_of(&t)),
                                    t.len() + 2,
                                ));
                            }
                            if self.lookbehind_groups.is_none() {
                                self.lookbehind_groups = Some(self.group_widths.len());
                            }
                        }
                        let p = self.parse_sub(flags, verbose, nested + 1)?;
                        if behind && saved.is_none() {
                            self.lookbehind_groups = None;
                        }
                        if !self.accept(')') {
                            return Err(self
                                .error("missing ), unterminated subpattern", self.tell() - start));
                        }
                        if behind {
                            let (lo, hi) = width(&p, &self.group_widths);
                            if Some(lo) != hi {
                                return Err(ReError {
                                    msg: "look-behind requires fixed-width pattern".into(),
                                    pos: None,
                                    kind: None,
                                });
                            }
                        }
                        items.push(Node::Look {
                            behind,
                            negate: kind == '!',
                            node: Box::new(p),
                        });
                        continue;
                    } else if tlen == 1 && c2 == '(' {
                        let cond = self.get_until(')', "group name")?;
                        let back = cond.chars().count() + 1;
                        let group = if is_identifier(&cond) {
                            match self.group_of(&cond) {
                                Some(g) => g,
                                None => {
                                    return Err(self.error(
                                        format!("unknown group name {}", py_repr(&cond)),
                                        back,
                                    ));
                                }
                            }
                        } else {
                            let Ok(g) = cond.parse::<usize>() else {
                                return Err(self.error(
                                    format!("bad character in group name {}", py_repr(&cond)),
                                    back,
                                ));
                            };
                            if g == 0 {
                                return Err(self.error("bad group number", back));
                            }
                            if g >= 1 << 30 {
                                return Err(
                                    self.error(format!("invalid group reference {g}"), back)
                                );
                            }
                            self.group_ref_pos.push((g, self.tell() - back));
                            g
                        };
                        self.check_lookbehind_group(group)?;
                        let (yes, _, _) = self.parse_seq(flags, verbose, nested + 1, false)?;
                        let no = if self.accept('|') {
                            let (no, _, _) = self.parse_seq(flags, verbose, nested + 1, false)?;
                            if self.next_is('|') {
                                return Err(self
                                    .error("conditional backref with more than two branches", 0));
                            }
                            no
                        } else {
                            Node::Empty
                        };
                        if !self.accept(')') {
                            return Err(self
                                .error("missing ), unterminated subpattern", self.tell() - start));
                        }
                        items.push(Node::IfGroup {
                            group,
                            yes: Box::new(yes),
                            no: Box::new(no),
                        });
                        continue;
                    } else if tlen == 1 && c2 == '>' {
                        capture = false;
                        atomic = true;
                    } else if tlen == 1 && (flag_of(t[0]).is_some() || c2 == '-') {
                        match self.parse_flags(t[0])? {
                            None => {
                                if !first || !items.is_empty() {
                                    return Err(self.error(
                                        "global flags not at the start of the expression",
                                        self.tell() - start,
                                    ));
                                }
                                flags = self.flags;
                                verbose = flags & VERBOSE != 0;
                                continue;
                            }
                            Some((a, d)) => {
                                add = a;
                                del = d;
                                capture = false;
                            }
                        }
                    } else {
                        return Err(self.error(
                            format!("unknown extension ?{}", Self::text_of(&t)),
                            t.len() + 1,
                        ));
                    }
                }
                let group = if capture {
                    let gid = self.group_widths.len();
                    if let Some(n) = &name {
                        if let Some(old) = self.group_of(n) {
                            return Err(self.error(
                                format!(
                                    "redefinition of group name {} as group {gid}; was group {old}",
                                    py_repr(n)
                                ),
                                n.chars().count() + 1,
                            ));
                        }
                        self.names.push((n.clone(), gid));
                    }
                    self.group_widths.push(None);
                    Some(gid)
                } else {
                    None
                };
                let sub_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
                let sub_flags = (flags | add) & !del;
                let p = self.parse_sub(sub_flags, sub_verbose, nested + 1)?;
                if !self.accept(')') {
                    return Err(
                        self.error("missing ), unterminated subpattern", self.tell() - start)
                    );
                }
                if let Some(g) = group {
                    self.group_widths[g] = Some(width_pair(&p, &self.group_widths));
                }
                items.push(if atomic {
                    Node::Atomic(Box::new(p))
                } else {
                    Node::Group(group, Box::new(p))
                });
            } else if c == '^' as u32 {
                items.push(Node::At(At::Start {
                    multiline: flags & MULTILINE != 0,
                }));
            } else if c == '$' as u32 {
                items.push(Node::At(At::End {
                    multiline: flags & MULTILINE != 0,
                }));
            }
        }
        let node = match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        };
        Ok((node, flags, verbose))
    }

    fn group_of(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }

    /// Inline flags after `(?`; `None` for global flags (`(?i)`), else the flags a scoped
    /// group `(?i-m:...)` adds and removes.
    fn parse_flags(&mut self, first: u32) -> Result<Option<(u32, u32)>, ReError> {
        let mut add = 0;
        let mut del = 0;
        let mut c = Some(first);
        let is = |c: Option<u32>, x: char| c == Some(x as u32);
        if !is(c, '-') {
            loop {
                let f = flag_of(c.unwrap_or(0)).unwrap_or(0);
                if self.is_text && is(c, 'L') {
                    return Err(self.error(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        0,
                    ));
                }
                if !self.is_text && is(c, 'u') {
                    return Err(self.error(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= f;
                if f & TYPE_FLAGS != 0 && add & TYPE_FLAGS != f {
                    return Err(self.error(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                c = self.get()?.map(|t| t[0]);
                if c.is_none() {
                    return Err(self.error("missing -, : or )", 0));
                }
                if is(c, ')') || is(c, '-') || is(c, ':') {
                    break;
                }
                if flag_of(c.unwrap_or(0)).is_none() {
                    let alpha = char::from_u32(c.unwrap_or(0)).is_some_and(|c| c.is_alphabetic());
                    let msg = if alpha {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return Err(self.error(msg, 1));
                }
            }
        }
        if is(c, ')') {
            self.flags |= add;
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return Err(self.error("bad inline flags: cannot turn on global flag", 1));
        }
        if is(c, '-') {
            c = self.get()?.map(|t| t[0]);
            let Some(x) = c else {
                return Err(self.error("missing flag", 0));
            };
            if flag_of(x).is_none() {
                let alpha = char::from_u32(x).is_some_and(|c| c.is_alphabetic());
                return Err(self.error(
                    if alpha {
                        "unknown flag"
                    } else {
                        "missing flag"
                    },
                    1,
                ));
            }
            loop {
                let f = flag_of(c.unwrap_or(0)).unwrap_or(0);
                if f & TYPE_FLAGS != 0 {
                    return Err(self.error(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= f;
                c = self.get()?.map(|t| t[0]);
                let Some(x) = c else {
                    return Err(self.error("missing :", 0));
                };
                if x == ':' as u32 {
                    break;
                }
                if flag_of(x).is_none() {
                    let alpha = char::from_u32(x).is_some_and(|c| c.is_alphabetic());
                    return Err(self.error(if alpha { "unknown flag" } else { "missing :" }, 1));
                }
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return Err(self.error("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self.error("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }

    fn parse_set(&mut self, flags: u32) -> Result<Node, ReError> {
        let here = self.tell() - 1;
        let mut items = Vec::new();
        let negate = self.accept('^');
        let mut first = true;
        loop {
            let Some(this) = self.get()? else {
                return Err(self.error("unterminated character set", self.tell() - here));
            };
            if this.len() == 1 && this[0] == ']' as u32 && !first {
                break;
            }
            first = false;
            let code1 = if this.len() == 2 {
                self.class_escape(&this)?
            } else {
                SetItem::Char(this[0])
            };
            if self.accept('-') {
                let Some(that) = self.get()? else {
                    return Err(self.error("unterminated character set", self.tell() - here));
                };
                if that.len() == 1 && that[0] == ']' as u32 {
                    items.push(code1);
                    items.push(SetItem::Char('-' as u32));
                    break;
                }
                let code2 = if that.len() == 2 {
                    self.class_escape(&that)?
                } else {
                    SetItem::Char(that[0])
                };
                let bad = || {
                    format!(
                        "bad character range {}-{}",
                        Self::text_of(&this),
                        Self::text_of(&that)
                    )
                };
                match (code1, code2) {
                    (SetItem::Char(lo), SetItem::Char(hi)) if hi >= lo => {
                        items.push(SetItem::Range(lo, hi))
                    }
                    _ => return Err(self.error(bad(), this.len() + 1 + that.len())),
                }
            } else {
                items.push(code1);
            }
        }
        let rules = self.rules(flags);
        // A one-character set is that character (as CPython compiles it), so `[.]` repeats fast.
        if !negate
            && items.len() == 1
            && let SetItem::Char(c) = items[0]
        {
            return Ok(Node::Literal(c, rules));
        }
        Ok(Node::Set {
            items,
            negate,
            rules,
        })
    }
}

/// `repr()` of a group name in messages (`'x'`).
fn py_repr(s: &str) -> String {
    crate::python::text::str_repr::str_repr(s)
}

fn width_pair(node: &Node, groups: &[Option<(usize, usize)>]) -> (usize, usize) {
    let (lo, hi) = width(node, groups);
    (lo, hi.unwrap_or(usize::MAX))
}

/// The fewest and most characters `node` can match (`None`: unbounded).
pub fn width(node: &Node, groups: &[Option<(usize, usize)>]) -> (usize, Option<usize>) {
    match node {
        Node::Empty | Node::At(_) | Node::Look { .. } => (0, Some(0)),
        Node::Literal(..) | Node::Any { .. } | Node::Set { .. } | Node::Category(..) => {
            (1, Some(1))
        }
        Node::Concat(items) => items.iter().fold((0, Some(0)), |(lo, hi), n| {
            let (a, b) = width(n, groups);
            (
                lo.saturating_add(a),
                hi.zip(b).map(|(x, y)| x.saturating_add(y)),
            )
        }),
        Node::Alternate(items) => {
            let ws: Vec<_> = items.iter().map(|n| width(n, groups)).collect();
            let lo = ws.iter().map(|w| w.0).min().unwrap_or(0);
            let hi = ws.iter().try_fold(0usize, |m, w| w.1.map(|h| m.max(h)));
            (lo, hi)
        }
        Node::Group(_, n) | Node::Atomic(n) => width(n, groups),
        Node::Repeat { node, min, max, .. } => {
            let (a, b) = width(node, groups);
            let lo = a.saturating_mul(*min as usize);
            let hi = match (b, max) {
                (Some(0), _) => Some(0),
                (Some(b), Some(m)) => Some(b.saturating_mul(*m as usize)),
                _ => None,
            };
            (lo, hi)
        }
        Node::Backref(g, _) => match groups.get(*g).copied().flatten() {
            Some((lo, hi)) => (lo, (hi != usize::MAX).then_some(hi)),
            None => (0, None),
        },
        Node::IfGroup { yes, no, .. } => {
            let (a, b) = width(yes, groups);
            let (c, d) = width(no, groups);
            (a.min(c), b.zip(d).map(|(x, y)| x.max(y)))
        }
    }
}

/// Read `pattern` (code points, or bytes as values 0-255) with the given flags.
pub fn parse(pattern: &[u32], flags: u32, is_text: bool) -> Result<Parsed, ReError> {
    let mut p = Parser {
        src: pattern,
        index: 0,
        is_text,
        flags,
        group_widths: vec![Some((0, 0))],
        names: Vec::new(),
        lookbehind_groups: None,
        group_ref_pos: Vec::new(),
        depth: 0,
    };
    let node = p.parse_sub(flags, flags & VERBOSE != 0, 0)?;
    let mut flags = p.flags;
    let value_error = |msg: &str| ReError {
        msg: msg.into(),
        pos: None,
        kind: Some("ValueError"),
    };
    if is_text {
        if flags & LOCALE != 0 {
            return Err(value_error("cannot use LOCALE flag with a str pattern"));
        }
        if flags & ASCII == 0 {
            flags |= UNICODE;
        } else if flags & UNICODE != 0 {
            return Err(value_error("ASCII and UNICODE flags are incompatible"));
        }
    } else {
        if flags & UNICODE != 0 {
            return Err(value_error("cannot use UNICODE flag with a bytes pattern"));
        }
        if flags & LOCALE != 0 && flags & ASCII != 0 {
            return Err(value_error("ASCII and LOCALE flags are incompatible"));
        }
    }
    if p.index < pattern.len() {
        return Err(p.error("unbalanced parenthesis", 0));
    }
    let groups = p.group_widths.len();
    for &(g, pos) in &p.group_ref_pos {
        if g >= groups {
            return Err(ReError {
                msg: format!("invalid group reference {g}"),
                pos: Some(pos),
                kind: None,
            });
        }
    }
    Ok(Parsed {
        node,
        groups: groups - 1,
        names: p.names,
        flags,
    })
}
