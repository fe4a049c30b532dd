//! The f-string rules of Python 3.11 that ruff's parser (which follows 3.12) no longer applies.
//!
//! Before Python 3.12 an f-string's expression parts were read from the string's text, and two
//! characters were refused there: a backslash anywhere (even inside a quoted string, so
//! `f"{'\n'}"` fails) and a `#` outside quotes (it would start a comment). The expressions of a
//! format spec (`f"{x:{'\n'}}"`) count; the spec's literal text (`f"{x:\n}"`) does not. The
//! playground parses with ruff, so this walk over the parsed module finds the first such f-string
//! and returns CPython's message and the place CPython 3.11 blames (see [`blamed_token`]).

use ast::token::{TokenKind, Tokens};
use ast::visitor::{Visitor, walk_expr};
use ast::{Expr, InterpolatedStringElement, InterpolatedStringElements};
use rustpython_ruff_python_ast as ast;
use rustpython_ruff_text_size::{Ranged, TextSize};

/// The first f-string CPython 3.11 refuses: its message and the byte offset just after the end
/// of the (implicitly concatenated) string expression it belongs to.
pub fn first_error(module: &ast::ModModule, source: &str) -> Option<(&'static str, u32)> {
    let mut finder = Finder {
        source,
        found: None,
    };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
        if finder.found.is_some() {
            break;
        }
    }
    finder.found
}

struct Finder<'s> {
    source: &'s str,
    found: Option<(&'static str, u32)>,
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        if let Expr::FString(f) = expr {
            for part in f.value.f_strings() {
                if let Some(msg) = check_elements(&part.elements, self.source) {
                    self.found = Some((msg, f.range().end().to_u32()));
                    return;
                }
            }
        }
        walk_expr(self, expr);
    }
}

/// The refusal for the first interpolation among `elements` whose expression text has a
/// backslash or a bare `#`, nested format specs included.
fn check_elements(elements: &InterpolatedStringElements, source: &str) -> Option<&'static str> {
    for element in elements.iter() {
        let InterpolatedStringElement::Interpolation(i) = element else {
            continue;
        };
        // The expression part: after `{`, up to the format spec's `:` (or the closing `}`).
        let start = i.range().start().to_usize() + 1;
        let end = match &i.format_spec {
            Some(spec) => spec.range().start().to_usize(),
            None => i.range().end().to_usize().saturating_sub(1),
        };
        if let Some(msg) = source.get(start..end.max(start)).and_then(refusal) {
            return Some(msg);
        }
        if let Some(spec) = &i.format_spec
            && let Some(msg) = check_elements(&spec.elements, source)
        {
            return Some(msg);
        }
    }
    None
}

/// Scan an expression's text as CPython 3.11 did: quotes are tracked only to let `#` inside a
/// string through; a backslash is refused wherever it is.
fn refusal(text: &str) -> Option<&'static str> {
    let mut quote: Option<&str> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            return Some("f-string expression part cannot include a backslash");
        }
        match quote {
            Some(q) if rest.starts_with(q) => {
                rest = &rest[q.len()..];
                quote = None;
                continue;
            }
            Some(_) => {}
            None if c == '#' => return Some("f-string expression part cannot include '#'"),
            None if c == '\'' || c == '"' => {
                let q = if rest.starts_with("'''") {
                    "'''"
                } else if rest.starts_with("\"\"\"") {
                    "\"\"\""
                } else if c == '\'' {
                    "'"
                } else {
                    "\""
                };
                quote = Some(q);
                rest = &rest[q.len()..];
                continue;
            }
            None => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    None
}

/// The byte range CPython 3.11 reports for an f-string refused at `string_end`: the token the
/// parser had read after the string when it checked it, with its end. The range is in bytes
/// because CPython (reading a file) does not turn this error's column into characters, unlike its
/// other syntax errors; after non-ASCII text the caret therefore stands further right than the
/// characters. Comments and newlines inside brackets are no tokens to CPython; a comment ending a
/// logical line belongs to the NEWLINE token, which then starts at the `#` and ends at the line
/// break (a bare NEWLINE is the empty range at the line break).
pub fn blamed_token(tokens: &Tokens, string_end: u32) -> (u32, u32) {
    let end = TextSize::from(string_end);
    let first = tokens.partition_point(|t| t.end() <= end);
    let mut comment_start = None;
    for token in tokens.get(first..).unwrap_or_default() {
        let (start, stop) = (token.start().to_u32(), token.end().to_u32());
        match token.kind() {
            TokenKind::Comment => {
                comment_start.get_or_insert(start);
            }
            TokenKind::NonLogicalNewline => comment_start = None,
            TokenKind::Newline | TokenKind::EndOfFile => {
                return (comment_start.unwrap_or(start), start);
            }
            _ => return (start, stop),
        }
    }
    (string_end, string_end)
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn backslash_anywhere_and_hash_outside_quotes() {
        assert!(refusal("len('x\\ny')").unwrap().contains("backslash"));
        assert!(refusal("2 #").unwrap().contains("'#'"));
        assert_eq!(refusal("'#'"), None);
        assert_eq!(refusal("x + 1"), None);
    }
}
