//! Parsing source into a module, and turning parser diagnostics into CPython-style
//! `SyntaxError`s (data with a range; CPython's wording where we know it).

use std::rc::Rc;

use parser::{LexicalErrorType, ParseErrorType};
use rustpython_ruff_python_ast::token::TokenKind;
use rustpython_ruff_python_parser as parser;
use rustpython_ruff_text_size::Ranged;

use super::ast_ref::ParsedModule;
use super::value::SourceFile;

/// A syntax error found before running anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: &'static str,
    /// CPython-style message (`expected ':'`).
    pub message: String,
    /// File name as given.
    pub filename: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the first caret (CPython's `offset`).
    pub column: usize,
    /// 1-based column after the last caret (CPython's `end_offset`); 0 means no carets.
    pub end_column: usize,
    /// Byte range of the offending text.
    pub range: (u32, u32),
    /// The source line (unstripped).
    pub text: String,
}

impl std::fmt::Display for SyntaxErrorInfo {
    /// The text CPython prints for an uncaught SyntaxError.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.kind == "RecursionError" {
            // Raised while compiling: CPython prints no location.
            return writeln!(f, "{}: {}", self.kind, self.message);
        }
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        // CPython strips only spaces, tabs and form feeds in front and keeps trailing blanks.
        let shown = self
            .text
            .trim_start_matches([' ', '\t', '\x0c'])
            .trim_end_matches(['\n', '\r']);
        if !shown.trim().is_empty() {
            writeln!(f, "    {shown}")?;
            if let Some((start, len)) = self.caret(self.text.len() - shown.len() - self.trailing())
            {
                writeln!(f, "    {}{}", " ".repeat(start), "^".repeat(len))?;
            }
        }
        writeln!(f, "{}: {}", self.kind, self.message)
    }
}

impl SyntaxErrorInfo {
    /// Length of the line break at the end of `text`, if it kept one.
    fn trailing(&self) -> usize {
        self.text.len() - self.text.trim_end_matches(['\n', '\r']).len()
    }

    /// Where CPython's printer puts the carets once `indent` bytes are stripped from the line:
    /// the 0-based start and the count, or none (no carets asked for, or they would point left
    /// of the text). Columns count as given (characters for most errors, bytes for f-string
    /// refusals), but CPython clamps them against the line's length in UTF-8 bytes: the start
    /// to the end of the line, the end to one past it.
    fn caret(&self, indent: usize) -> Option<(usize, usize)> {
        if self.end_column == 0 {
            return None;
        }
        let len = self.text.len() - indent - self.trailing();
        let start = self.column.checked_sub(1 + indent)?.min(len);
        let end = self.end_column.saturating_sub(1 + indent).min(len + 1);
        Some((start, end.saturating_sub(start).max(1)))
    }
}

/// Limits on how deeply source may nest, checked before ruff's parser sees it. The parser, our
/// tree walks (scope analysis, slot annotation, the evaluator) and the tree's own drop recurse
/// once or more per nesting level on the native stack, which is small in the page (the tab
/// dies with "Maximum call stack size exceeded" otherwise).
///
/// - Brackets: CPython's limit, 200 (`SyntaxError: too many nested parentheses`).
/// - Indentation: CPython's limit, 100 levels (`IndentationError: too many levels of
///   indentation`).
/// - Expression nesting: an estimate per statement (see [`too_complex`]) above
///   [`MAX_NESTING`] gives CPython's `RecursionError: maximum recursion depth exceeded during
///   compilation`. **Written-down difference:** CPython 3.11 compiles up to about 2,990 levels
///   (`not not ... x`, `f()()...`, `x.a.a...`, `1+1+...`) and says `MemoryError` for some very
///   deep inputs (`lambda: ` or `2**` about 3,000 deep, `not ` 50,000 deep); the playground
///   refuses from 1,000 estimated levels on (an unoptimised build overflows a 1 MiB stack a
///   little under 3,000), always with the RecursionError. The estimate counts flat chains too
///   (`a and b and ...`, `a < b < ...` are one node in the tree), so such a chain of more than
///   1,000 operators in one statement is refused where CPython accepts it.
const MAX_NESTING: usize = 1000;
const MAX_BRACKET_DEPTH: usize = 200;
const MAX_INDENT_LEVELS: usize = 100;

/// Keywords that can add a level to an expression's tree.
const NESTING_KEYWORDS: [&[u8]; 11] = [
    b"not", b"and", b"or", b"if", b"else", b"lambda", b"await", b"yield", b"in", b"is", b"for",
];

/// Reject sources nested too deeply to parse and evaluate within the stack we have.
///
/// The nesting of an expression is over-estimated from its text in one pass: within each
/// bracket level, every operator character, nesting keyword and opening bracket since the last
/// comma adds one (a postfix `()`/`[]`/`.x` or a unary/binary operator adds one level to the
/// tree), and a statement's estimate is the sum over the brackets open around the current
/// position. Commas separate flat elements, so long literals (`[1, 2, ...]`) cost nothing.
/// Replacement fields of f-strings count as brackets.
fn too_complex(source: &str, filename: &str) -> Option<SyntaxErrorInfo> {
    let b = source.as_bytes();
    let mut outer: Vec<usize> = Vec::new(); // the chain of each enclosing bracket level
    let (mut chain, mut outer_sum) = (0usize, 0usize);
    let mut indents: Vec<usize> = Vec::new();
    let mut at_line_start = true;
    let mut continued = false; // the previous line ended with a backslash
    let mut i = 0;
    while i < b.len() {
        if at_line_start {
            at_line_start = false;
            let mut width = 0;
            let mut j = i;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\x0c') {
                width += if b[j] == b'\t' { 8 - width % 8 } else { 1 };
                j += 1;
            }
            let blank = j >= b.len() || matches!(b[j], b'\n' | b'\r' | b'#');
            if !blank && outer.is_empty() && !continued {
                while indents.last().is_some_and(|&w| w > width) {
                    indents.pop();
                }
                if width > 0 && indents.last().is_none_or(|&w| w < width) {
                    indents.push(width);
                    if indents.len() >= MAX_INDENT_LEVELS {
                        let mut e = info(
                            "IndentationError",
                            "too many levels of indentation".into(),
                            source,
                            filename,
                            (j as u32, j as u32 + 1),
                        );
                        e.end_column = 0;
                        return Some(e);
                    }
                }
            }
            continued = false;
            i = j;
            continue;
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                // The prefix (`f`, `rb`, ...) was read as a word just before.
                let mut p = i;
                while p > 0 && b[p - 1].is_ascii_alphabetic() {
                    p -= 1;
                }
                let is_f = b[p..i].iter().any(|&x| x == b'f' || x == b'F');
                let triple = b.len() >= i + 3 && b[i + 1] == c && b[i + 2] == c;
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    let x = b[i];
                    if x == b'\\' {
                        i += 2;
                        continue;
                    }
                    if x == c && (!triple || (b.len() >= i + 3 && b[i + 1] == c && b[i + 2] == c)) {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    if x == b'\n' && !triple {
                        break;
                    }
                    if is_f && (x == b'{' || x == b'}') && b.get(i + 1) == Some(&x) {
                        i += 2;
                        continue;
                    }
                    if is_f && x == b'{' {
                        chain += 1;
                        outer.push(chain);
                        outer_sum += chain;
                        chain = 0;
                        if outer.len() > MAX_BRACKET_DEPTH {
                            return Some(info(
                                "SyntaxError",
                                "too many nested parentheses".into(),
                                source,
                                filename,
                                (i as u32, i as u32 + 1),
                            ));
                        }
                    } else if is_f
                        && x == b'}'
                        && let Some(c) = outer.pop()
                    {
                        outer_sum -= c;
                        chain = c;
                    }
                    i += 1;
                }
                if outer_sum + chain + outer.len() > MAX_NESTING {
                    return Some(too_deep(source, filename, i));
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                chain += 1;
                outer.push(chain);
                outer_sum += chain;
                chain = 0;
                if outer.len() > MAX_BRACKET_DEPTH {
                    return Some(info(
                        "SyntaxError",
                        "too many nested parentheses".into(),
                        source,
                        filename,
                        (i as u32, i as u32 + 1),
                    ));
                }
            }
            b')' | b']' | b'}' => {
                if let Some(c) = outer.pop() {
                    outer_sum -= c;
                    chain = c;
                }
            }
            b',' => chain = 0,
            b';' if outer.is_empty() => chain = 0,
            b'\n' if outer.is_empty() => {
                continued =
                    i > 0 && b[i - 1] == b'\\' || (i > 1 && b[i - 1] == b'\r' && b[i - 2] == b'\\');
                if !continued {
                    chain = 0;
                }
                at_line_start = true;
            }
            b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'~' | b'<' | b'>' | b'='
            | b'.' | b'@' => chain += 1,
            x if x.is_ascii_alphabetic() || x == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                if NESTING_KEYWORDS.contains(&&b[start..i]) {
                    chain += 1;
                }
                if outer_sum + chain + outer.len() > MAX_NESTING {
                    return Some(too_deep(source, filename, start));
                }
                continue;
            }
            _ => {}
        }
        if outer_sum + chain + outer.len() > MAX_NESTING {
            return Some(too_deep(source, filename, i));
        }
        i += 1;
    }
    None
}

/// CPython's error for code nested too deeply to compile (printed without a location).
fn too_deep(source: &str, filename: &str, at: usize) -> SyntaxErrorInfo {
    let at = at.min(source.len()) as u32;
    info(
        "RecursionError",
        "maximum recursion depth exceeded during compilation".into(),
        source,
        filename,
        (at, at + 1),
    )
}

/// Parse a module; on failure describe the first error like CPython.
pub fn parse(source: &str, filename: &str) -> Result<Rc<ParsedModule>, SyntaxErrorInfo> {
    if let Some(parsed) = recently_parsed(source) {
        return Ok(parsed);
    }
    let parsed = parse_uncached(source, filename)?;
    remember_parsed(source, &parsed);
    Ok(parsed)
}

/// How many parsed sources are kept for reuse.
const PARSED_KEPT: usize = 8;

thread_local! {
    /// The last sources parsed successfully and their trees, newest first. Every server start
    /// in the page runs the same Flask prelude, and a rewind or a reload reruns the same app:
    /// a tree is never mutated after parsing, so interpreters can share it, and the parse
    /// (most of a start-up) is done once. Bounded, so it cannot grow with the learner's edits.
    static PARSED: std::cell::RefCell<Vec<(Rc<str>, Rc<ParsedModule>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn recently_parsed(source: &str) -> Option<Rc<ParsedModule>> {
    PARSED.with(|kept| {
        kept.borrow()
            .iter()
            .find(|(text, _)| **text == *source)
            .map(|(_, parsed)| parsed.clone())
    })
}

fn remember_parsed(source: &str, parsed: &Rc<ParsedModule>) {
    PARSED.with(|kept| {
        let mut kept = kept.borrow_mut();
        kept.insert(0, (Rc::from(source), parsed.clone()));
        kept.truncate(PARSED_KEPT);
    });
}

fn parse_uncached(source: &str, filename: &str) -> Result<Rc<ParsedModule>, SyntaxErrorInfo> {
    if let Some(e) = too_complex(source, filename) {
        return Err(e);
    }
    match parser::parse_module(source) {
        Ok(parsed) => {
            if let Some((msg, end)) = super::fstring_311::first_error(parsed.syntax(), source) {
                let blamed = super::fstring_311::blamed_token(parsed.tokens(), end);
                return Err(byte_column_info(msg.into(), source, filename, blamed));
            }
            let module = parsed.into_syntax();
            if let Some(e) = unsupported(&module.body, source, filename) {
                return Err(e);
            }
            Ok(Rc::new(ParsedModule::new(module)))
        }
        Err(e) => Err(describe(&e, source, filename)),
    }
}

fn info(
    kind: &'static str,
    message: String,
    source: &str,
    filename: &str,
    range: (u32, u32),
) -> SyntaxErrorInfo {
    let sf = SourceFile::new(source.to_string());
    let line = sf.line_of(range.0 as usize).max(1);
    let column = sf.column_of(range.0 as usize) + 1;
    let end_column = if sf.line_of(range.1 as usize) == line {
        sf.column_of(range.1 as usize) + 1
    } else {
        column + 1
    };
    SyntaxErrorInfo {
        kind,
        message,
        filename: filename.to_string(),
        line,
        column,
        end_column: end_column.max(column + 1),
        range,
        text: sf.line_text(line).to_string(),
    }
}

/// A `SyntaxError` whose columns count UTF-8 bytes, as CPython 3.11 reports the f-string
/// refusals (its other errors count characters, see [`info`]). The end column is CPython's
/// `end_offset`: the start column again for an empty range.
fn byte_column_info(
    message: String,
    source: &str,
    filename: &str,
    range: (u32, u32),
) -> SyntaxErrorInfo {
    let sf = SourceFile::new(source.to_string());
    let line = sf.line_of(range.0 as usize).max(1);
    let line_start = line_start(source, range.0 as usize);
    let column = range.0 as usize - line_start + 1;
    let end_column = if sf.line_of(range.1 as usize) == line {
        range.1 as usize - line_start + 1
    } else {
        column + 1
    };
    SyntaxErrorInfo {
        kind: "SyntaxError",
        message,
        filename: filename.to_string(),
        line,
        column,
        end_column: end_column.max(column),
        range,
        text: sf.line_text(line).to_string(),
    }
}

/// The first bracket that is never closed, skipping strings and comments.
fn unclosed_bracket(source: &str) -> Option<(usize, char)> {
    let b = source.as_bytes();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        match c {
            '#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            '"' | '\'' => {
                let q = b[i];
                let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && b[i] == b'\n' {
                        break;
                    }
                    if b[i] == q
                        && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q)))
                    {
                        i += if triple { 2 } else { 0 };
                        break;
                    }
                    i += 1;
                }
            }
            '(' | '[' | '{' => stack.push((i, c)),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.first().copied()
}

fn line_start(source: &str, at: usize) -> usize {
    let at = at.min(source.len());
    source
        .get(..at)
        .and_then(|s| s.rfind('\n'))
        .map(|p| p + 1)
        .unwrap_or(0)
}

fn describe(e: &parser::ParseError, source: &str, filename: &str) -> SyntaxErrorInfo {
    let range = (e.location.start().to_u32(), e.location.end().to_u32());
    let at = (range.0 as usize).min(source.len());
    let no_caret = |mut i: SyntaxErrorInfo| {
        i.end_column = 0;
        i
    };
    let mixed_tabs = {
        let indents: Vec<&str> = source
            .lines()
            .map(|l| &l[..l.len() - l.trim_start().len()])
            .filter(|s| !s.is_empty())
            .collect();
        indents.iter().any(|s| s.contains('\t')) && indents.iter().any(|s| s.contains(' '))
    };
    if e.error == ParseErrorType::UnexpectedIndentation {
        let ls = line_start(source, at + 1) as u32;
        let (kind, msg) = if mixed_tabs {
            (
                "TabError",
                "inconsistent use of tabs and spaces in indentation",
            )
        } else {
            ("IndentationError", "unexpected indent")
        };
        return no_caret(info(kind, msg.into(), source, filename, (ls, ls)));
    }
    if let Some((pos, c)) = unclosed_bracket(source) {
        // CPython says "was never closed" only when its parser ran into the end of the input
        // inside the bracket; an error on the bracket's own line with more text after it
        // (`def f(:`) is a plain "invalid syntax" at the offending token.
        let same_line = !source.get(pos..at).unwrap_or("").contains('\n');
        let more_after = !source.get(at..).unwrap_or("").trim().is_empty();
        if same_line && more_after {
            return info(
                "SyntaxError",
                "invalid syntax".into(),
                source,
                filename,
                (range.0, range.0 + 1),
            );
        }
        if matches!(
            e.error,
            ParseErrorType::ExpectedToken { .. }
                | ParseErrorType::Lexical(LexicalErrorType::Eof)
                | ParseErrorType::OtherError(_)
        ) {
            return info(
                "SyntaxError",
                format!("'{c}' was never closed"),
                source,
                filename,
                (pos as u32, pos as u32 + 1),
            );
        }
    }
    let (kind, message, range) = match &e.error {
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            found: TokenKind::Equal,
        } => {
            // `if x = 3:`: CPython underlines the whole would-be comparison.
            let ls = line_start(source, at);
            let line_end = source[at..]
                .find('\n')
                .map(|p| at + p)
                .unwrap_or(source.len());
            let line = &source[ls..line_end];
            let indent = line.len() - line.trim_start().len();
            let kw_end = line
                .trim_start()
                .find(' ')
                .map(|p| p + indent + 1)
                .unwrap_or(0);
            let start = ls + kw_end;
            let end = line
                .rfind(':')
                .map(|p| ls + p)
                .unwrap_or(line_end)
                .max(start);
            let end = start + source[start..end].trim_end().len();
            (
                "SyntaxError",
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".to_string(),
                (start as u32, end as u32),
            )
        }
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } => ("SyntaxError", "expected ':'".to_string(), range),
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Comma,
            found,
        } if !matches!(found, TokenKind::Newline) => {
            // `[1 2]`: CPython underlines from the previous item to the unexpected one.
            let before = source[..at].trim_end();
            let prev_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| {
                    c.is_alphanumeric() || *c == '_' || *c == '"' || *c == '\'' || *c == '.'
                })
                .last()
                .map(|(i, _)| i)
                .unwrap_or(at);
            (
                "SyntaxError",
                "invalid syntax. Perhaps you forgot a comma?".to_string(),
                (prev_start as u32, range.1),
            )
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after") => {
            let what = m
                .trim_start_matches("Expected an indented block after ")
                .replace('`', "'");
            // The statement that wanted a block is the last line ending with ':' before here.
            let sf = SourceFile::new(source.to_string());
            let mut l = sf.line_of(at).saturating_sub(1);
            while l > 1 && !sf.line_text(l).trim_end().ends_with(':') {
                l -= 1;
            }
            (
                "IndentationError",
                format!("expected an indented block after {what} on line {l}"),
                (range.0, range.0 + 1),
            )
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => (
            "IndentationError",
            "unindent does not match any outer indentation level".to_string(),
            range,
        ),
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let sf = SourceFile::new(source.to_string());
            let line = sf.line_of(range.0 as usize);
            (
                "SyntaxError",
                format!("unterminated string literal (detected at line {line})"),
                (range.0, range.0 + 1),
            )
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => (
            "SyntaxError",
            "unexpected EOF while parsing".to_string(),
            range,
        ),
        ParseErrorType::InvalidAssignmentTarget => {
            let target = source.get(range.0 as usize..range.1 as usize).unwrap_or("");
            let what = if target.ends_with(')') {
                "function call"
            } else if target.starts_with(|c: char| c.is_ascii_digit() || c == '"' || c == '\'')
                || matches!(target, "None" | "True" | "False")
            {
                "literal"
            } else {
                "expression"
            };
            (
                "SyntaxError",
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                range,
            )
        }
        ParseErrorType::ExpectedImaginaryNumber => (
            "SyntaxError",
            "imaginary number required in complex literal".to_string(),
            range,
        ),
        ParseErrorType::ExpectedRealNumber => (
            "SyntaxError",
            "real number required in complex literal".to_string(),
            range,
        ),
        ParseErrorType::OtherError(m)
            if m == "Positional patterns cannot follow keyword patterns" =>
        {
            (
                "SyntaxError",
                "positional patterns follow keyword patterns".to_string(),
                range,
            )
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => (
            "SyntaxError",
            "non-default argument follows default argument".to_string(),
            range,
        ),
        ParseErrorType::PositionalAfterKeywordArgument => (
            "SyntaxError",
            "positional argument follows keyword argument".to_string(),
            range,
        ),
        ParseErrorType::DuplicateKeywordArgumentError(name) => (
            "SyntaxError",
            format!("keyword argument repeated: {name}"),
            range,
        ),
        _ => (
            "SyntaxError",
            "invalid syntax".to_string(),
            (range.0, range.0 + 1),
        ),
    };
    info(kind, message, source, filename, range)
}

/// Constructs the playground does not run, and statements out of place (`return` at module
/// level), reported before anything executes as CPython's compiler does.
fn unsupported(
    body: &[rustpython_ruff_python_ast::Stmt],
    source: &str,
    filename: &str,
) -> Option<SyntaxErrorInfo> {
    check_block(body, source, filename, false, false)
}

fn check_block(
    body: &[rustpython_ruff_python_ast::Stmt],
    source: &str,
    filename: &str,
    in_func: bool,
    in_loop: bool,
) -> Option<SyntaxErrorInfo> {
    use rustpython_ruff_python_ast::{ExceptHandler, Stmt};
    for s in body {
        let r = (s.range().start().to_u32(), s.range().end().to_u32());
        let found = match s {
            Stmt::FunctionDef(f) if f.is_async => {
                Some("async functions are not supported in the playground")
            }
            Stmt::Return(_) if !in_func => Some("'return' outside function"),
            Stmt::Break(_) if !in_loop => Some("'break' outside loop"),
            Stmt::Continue(_) if !in_loop => Some("'continue' not properly in loop"),
            _ => None,
        };
        if let Some(msg) = found {
            return Some(info("SyntaxError", msg.into(), source, filename, r));
        }
        if let Stmt::Match(m) = s
            && let Some((msg, range)) = super::matching::check_match(m)
        {
            return Some(info("SyntaxError", msg, source, filename, range));
        }
        let nested = match s {
            Stmt::FunctionDef(f) => check_block(&f.body, source, filename, true, false),
            Stmt::ClassDef(c) => check_block(&c.body, source, filename, false, false),
            Stmt::If(i) => check_block(&i.body, source, filename, in_func, in_loop).or_else(|| {
                i.elif_else_clauses
                    .iter()
                    .find_map(|c| check_block(&c.body, source, filename, in_func, in_loop))
            }),
            Stmt::For(f) => check_block(&f.body, source, filename, in_func, true)
                .or_else(|| check_block(&f.orelse, source, filename, in_func, in_loop)),
            Stmt::While(w) => check_block(&w.body, source, filename, in_func, true)
                .or_else(|| check_block(&w.orelse, source, filename, in_func, in_loop)),
            Stmt::With(w) => check_block(&w.body, source, filename, in_func, in_loop),
            Stmt::Match(m) => m
                .cases
                .iter()
                .find_map(|c| check_block(&c.body, source, filename, in_func, in_loop)),
            Stmt::Try(t) => check_block(&t.body, source, filename, in_func, in_loop)
                .or_else(|| {
                    t.handlers.iter().find_map(|h| {
                        let ExceptHandler::ExceptHandler(h) = h;
                        check_block(&h.body, source, filename, in_func, in_loop)
                    })
                })
                .or_else(|| check_block(&t.orelse, source, filename, in_func, in_loop))
                .or_else(|| check_block(&t.finalbody, source, filename, in_func, in_loop)),
            _ => None,
        };
        if nested.is_some() {
            return nested;
        }
    }
    None
}

#[cfg(test)]
mod parse_cache_tests {
    use super::*;

    #[test]
    fn a_source_parsed_again_shares_its_tree_until_eight_others_came_after_it() {
        let source = "def f():\n    return 1\n";
        let first = parse(source, "a.py").unwrap();
        assert!(
            Rc::ptr_eq(&first, &parse(source, "b.py").unwrap()),
            "the same text gives the same tree"
        );
        for n in 0..PARSED_KEPT {
            parse(&format!("x = {n}\n"), "other.py").unwrap();
        }
        assert!(
            !Rc::ptr_eq(&first, &parse(source, "a.py").unwrap()),
            "evicted by newer sources"
        );
    }

    #[test]
    fn every_interpreter_running_a_tree_shares_its_functions_scope_facts() {
        use crate::python::{HostConfig, Interp};
        let source =
            "def f(a):\n    b = a + 1\n    return b\ng = lambda x: x * 2\nresult = f(g(1))\n";
        let tree = parse(source, "shared.py").unwrap();
        let mut first = Interp::new(HostConfig::default());
        first.run_module("shared", "shared.py", source).unwrap();
        let facts: Vec<usize> = tree.scopes.borrow().keys().copied().collect();
        assert_eq!(facts.len(), 2, "one for the def, one for the lambda");
        let fact = tree.scopes.borrow()[&facts[0]].clone();
        let mut second = Interp::new(HostConfig::default());
        let module = second.run_module("shared", "shared.py", source).unwrap();
        assert_eq!(tree.scopes.borrow().len(), 2, "nothing worked out again");
        assert!(Rc::ptr_eq(&fact, &tree.scopes.borrow()[&facts[0]]));
        let result = second.get_attr(&module, "result").unwrap();
        assert_eq!(second.repr(&result).unwrap(), "3");
    }

    #[test]
    fn a_syntax_error_is_never_remembered_and_names_each_file() {
        let broken = "def f(:\n";
        assert_eq!(
            parse(broken, "one.py").err().map(|e| e.filename).as_deref(),
            Some("one.py")
        );
        assert_eq!(
            parse(broken, "two.py").err().map(|e| e.filename).as_deref(),
            Some("two.py")
        );
    }
}
