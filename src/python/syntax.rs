//! Parsing source into a module, and turning parser diagnostics into CPython-style
//! `SyntaxError`s (data with a range; CPython's wording where we know it).

use std::rc::Rc;

use rustpython_ruff_python_parser as parser;
use rustpython_ruff_text_size::Ranged;
use parser::{ParseErrorType, LexicalErrorType};

use super::ast_ref::ParsedModule;
use super::value::SourceFile;

/// A syntax error found before running anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    /// `SyntaxError` or `IndentationError`.
    pub kind: &'static str,
    /// CPython-style message (`expected ':'`).
    pub message: String,
    /// File name as given.
    pub filename: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the caret (CPython's `offset`).
    pub column: usize,
    /// Byte range of the offending text.
    pub range: (u32, u32),
    /// The source line (unstripped).
    pub text: String,
}

impl std::fmt::Display for SyntaxErrorInfo {
    /// The text CPython prints for an uncaught SyntaxError.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        let stripped = self.text.trim_start();
        let indent = self.text.chars().count() - stripped.chars().count();
        let shown = stripped.trim_end();
        if !shown.is_empty() {
            writeln!(f, "    {shown}")?;
            let caret_col = self.column.saturating_sub(1).saturating_sub(indent);
            writeln!(f, "    {}^", " ".repeat(caret_col.min(shown.chars().count())))?;
        }
        writeln!(f, "{}: {}", self.kind, self.message)
    }
}

fn token_text(kind: rustpython_ruff_python_ast::token::TokenKind) -> String {
    let s = format!("{kind}");
    s.trim_matches('\'').to_string()
}

/// Parse a module; on failure describe the first error like CPython.
pub fn parse(source: &str, filename: &str) -> Result<Rc<ParsedModule>, SyntaxErrorInfo> {
    match parser::parse_module(source) {
        Ok(parsed) => {
            let module = parsed.into_syntax();
            if let Some(e) = unsupported(&module.body, source, filename) {
                return Err(e);
            }
            Ok(Rc::new(ParsedModule { module }))
        }
        Err(e) => Err(describe(&e, source, filename)),
    }
}

fn info(kind: &'static str, message: String, source: &str, filename: &str, range: (u32, u32)) -> SyntaxErrorInfo {
    let sf = SourceFile::new(source.to_string());
    let line = sf.line_of(range.0 as usize).max(1);
    let column = sf.column_of(range.0 as usize) + 1;
    SyntaxErrorInfo {
        kind,
        message,
        filename: filename.to_string(),
        line,
        column,
        range,
        text: sf.line_text(line).to_string(),
    }
}

fn describe(e: &parser::ParseError, source: &str, filename: &str) -> SyntaxErrorInfo {
    let range = (e.location.start().to_u32(), e.location.end().to_u32());
    let (kind, message) = match &e.error {
        ParseErrorType::ExpectedToken { expected, .. } => {
            let t = token_text(*expected);
            match t.as_str() {
                ":" => ("SyntaxError", "expected ':'".to_string()),
                "Indent" | "indent" => ("IndentationError", "expected an indented block".to_string()),
                _ => ("SyntaxError", "invalid syntax".to_string()),
            }
        }
        ParseErrorType::UnexpectedIndentation => ("IndentationError", "unexpected indent".to_string()),
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            ("IndentationError", "unindent does not match any outer indentation level".to_string())
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let sf = SourceFile::new(source.to_string());
            let line = sf.line_of(range.0 as usize);
            ("SyntaxError", format!("unterminated string literal (detected at line {line})"))
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => ("SyntaxError", "unexpected EOF while parsing".to_string()),
        ParseErrorType::InvalidAssignmentTarget => ("SyntaxError", "cannot assign to expression".to_string()),
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            ("SyntaxError", "non-default argument follows default argument".to_string())
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            ("SyntaxError", "positional argument follows keyword argument".to_string())
        }
        ParseErrorType::DuplicateKeywordArgumentError(name) => ("SyntaxError", format!("keyword argument repeated: {name}")),
        other => {
            let text = other.to_string();
            if text.contains("indented block") {
                ("IndentationError", "expected an indented block".to_string())
            } else if text.contains("never closed") || text.contains("unclosed") {
                ("SyntaxError", text)
            } else {
                ("SyntaxError", "invalid syntax".to_string())
            }
        }
    };
    info(kind, message, source, filename, range)
}

/// Constructs the playground does not run, reported before anything executes.
fn unsupported(body: &[rustpython_ruff_python_ast::Stmt], source: &str, filename: &str) -> Option<SyntaxErrorInfo> {
    use rustpython_ruff_python_ast::Stmt;
    for s in body {
        let r = (s.range().start().to_u32(), s.range().end().to_u32());
        match s {
            Stmt::Match(_) => {
                return Some(info("SyntaxError", "the match statement is not supported in the playground".into(), source, filename, r));
            }
            Stmt::FunctionDef(f) if f.is_async => {
                return Some(info("SyntaxError", "async functions are not supported in the playground".into(), source, filename, r));
            }
            Stmt::FunctionDef(f) => {
                if let Some(e) = unsupported(&f.body, source, filename) {
                    return Some(e);
                }
            }
            Stmt::ClassDef(c) => {
                if let Some(e) = unsupported(&c.body, source, filename) {
                    return Some(e);
                }
            }
            Stmt::If(i) => {
                if let Some(e) = unsupported(&i.body, source, filename) {
                    return Some(e);
                }
                for c in &i.elif_else_clauses {
                    if let Some(e) = unsupported(&c.body, source, filename) {
                        return Some(e);
                    }
                }
            }
            _ => {}
        }
    }
    None
}
