//! Questions a goal asks about the learner's code, answered on the syntax tree (ruff's parser,
//! the one the interpreter uses) rather than on the text: `session["user"] = 'alice'` and
//! `session['user']='alice'` are the same assignment, while a comment or a string mentioning
//! `session.permanent = True` is not one.
//!
//! Expressions are compared with ruff's `ComparableExpr`, which ignores positions, quotes and
//! parentheses.

use rustpython_ruff_python_ast::comparable::ComparableExpr;
use rustpython_ruff_python_ast::visitor::{self, Visitor};
use rustpython_ruff_python_ast::{Expr, Stmt};
use rustpython_ruff_python_parser as parser;

/// Why a code question could not be asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// The learner's code does not parse (the goal is simply unmet).
    CodeDoesNotParse,
    /// The goal's own expression does not parse (a mistake in the lesson file).
    BadPattern(String),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::CodeDoesNotParse => f.write_str("the code has a syntax error"),
            QueryError::BadPattern(pattern) => write!(
                f,
                "the lesson's pattern {pattern:?} is not a Python expression"
            ),
        }
    }
}

fn expression(pattern: &str) -> Result<Expr, QueryError> {
    parser::parse_expression(pattern)
        .map(|parsed| parsed.into_expr())
        .map_err(|_| QueryError::BadPattern(pattern.to_string()))
}

fn module(code: &str) -> Result<Vec<Stmt>, QueryError> {
    parser::parse_module(code)
        .map(|parsed| parsed.into_syntax().body)
        .map_err(|_| QueryError::CodeDoesNotParse)
}

/// Whether two programs are the same statements (comments, blank lines, quotes and layout do
/// not count); code that does not parse is compared line by line without trailing spaces.
///
/// ```
/// use session_playground::scenario::code_query::same_program;
/// assert!(same_program("x = 'a'  # note\n\n", "x = \"a\"\n"));
/// assert!(!same_program("x = 'a'\n", "x = 'b'\n"));
/// ```
pub fn same_program(code: &str, other: &str) -> bool {
    use rustpython_ruff_python_ast::comparable::ComparableStmt;
    match (module(code), module(other)) {
        (Ok(a), Ok(b)) => a
            .iter()
            .map(ComparableStmt::from)
            .eq(b.iter().map(ComparableStmt::from)),
        _ => code
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .eq(other.lines().map(str::trim_end).filter(|l| !l.is_empty())),
    }
}

/// Checks that a pattern is a Python expression (used when a lesson file is read).
pub fn check_pattern(pattern: &str) -> Result<(), QueryError> {
    expression(pattern).map(|_| ())
}

/// Whether `code` assigns to `target` anywhere (plain, annotated or augmented assignment,
/// including inside functions), and, if `value` is given, assigns exactly that expression.
///
/// ```
/// use session_playground::scenario::code_query::assigns;
/// let code = "def index():\n    session[\"username\"] = 'alice'\n    # session.permanent = True\n";
/// assert_eq!(assigns(code, "session['username']", Some("'alice'")), Ok(true));
/// assert_eq!(assigns(code, "session.permanent", None), Ok(false));
/// ```
pub fn assigns(code: &str, target: &str, value: Option<&str>) -> Result<bool, QueryError> {
    let target = expression(target)?;
    let value = value.map(expression).transpose()?;
    let body = module(code)?;
    let mut finder = AssignFinder {
        target: ComparableExpr::from(&target),
        value: value.as_ref().map(ComparableExpr::from),
        found: false,
    };
    finder.visit_body(&body);
    Ok(finder.found)
}

/// Whether `code` calls `function` (a dotted name such as `session.clear`) anywhere.
///
/// ```
/// use session_playground::scenario::code_query::calls;
/// assert_eq!(calls("session.pop('user', None)\n", "session.pop"), Ok(true));
/// assert_eq!(calls("'session.clear()'\n", "session.clear"), Ok(false));
/// ```
pub fn calls(code: &str, function: &str) -> Result<bool, QueryError> {
    let function = expression(function)?;
    let body = module(code)?;
    let mut finder = CallFinder {
        function: ComparableExpr::from(&function),
        found: false,
    };
    finder.visit_body(&body);
    Ok(finder.found)
}

struct AssignFinder<'p> {
    target: ComparableExpr<'p>,
    value: Option<ComparableExpr<'p>>,
    found: bool,
}

impl AssignFinder<'_> {
    fn consider(&mut self, target: &Expr, value: Option<&Expr>) {
        if ComparableExpr::from(target) != self.target {
            return;
        }
        match (&self.value, value) {
            (None, _) => self.found = true,
            (Some(wanted), Some(value)) if ComparableExpr::from(value) == *wanted => {
                self.found = true
            }
            _ => {}
        }
    }
}

impl<'a> Visitor<'a> for AssignFinder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.consider(target, Some(&assign.value));
                }
            }
            Stmt::AnnAssign(assign) => self.consider(&assign.target, assign.value.as_deref()),
            // `x += 1` assigns a value that is not written out: it matches a target-only goal.
            Stmt::AugAssign(assign) => self.consider(&assign.target, None),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }
}

struct CallFinder<'p> {
    function: ComparableExpr<'p>,
    found: bool,
}

impl<'a> Visitor<'a> for CallFinder<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Call(call) = expr
            && ComparableExpr::from(call.func.as_ref()) == self.function
        {
            self.found = true;
        }
        visitor::walk_expr(self, expr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_inside_a_hook_counts_and_quotes_do_not_matter() {
        let code = "@app.before_request\ndef make_permanent():\n    session.permanent = True\n";
        assert_eq!(assigns(code, "session.permanent", Some("True")), Ok(true));
        assert_eq!(assigns(code, "session.permanent", Some("False")), Ok(false));
        assert_eq!(assigns("x: int = 3\n", "x", Some("3")), Ok(true));
        assert_eq!(
            assigns("session['n'] += 1\n", "session[\"n\"]", None),
            Ok(true)
        );
    }

    #[test]
    fn broken_code_and_bad_patterns_are_errors() {
        assert_eq!(
            assigns("def (:\n", "x", None),
            Err(QueryError::CodeDoesNotParse)
        );
        assert!(matches!(
            calls("", "session."),
            Err(QueryError::BadPattern(_))
        ));
    }
}
