//! Jinja2's wording for the template syntax errors MiniJinja words its own way: an unclosed
//! block ("Unexpected end of template. Jinja was looking for the following tags: 'endfor' or
//! 'else'. The innermost block that needs to be closed is 'for'."), an unknown tag, a missing
//! expression, an unclosed string. The exception's class, file and line are already Jinja2's
//! (`templates`); this module only rewrites the message, and only for the shapes it knows:
//! anything else keeps MiniJinja's words (listed in `tests/flask_layer/known_failures.txt`).
//!
//! Jinja2 knows which blocks are open from its parser; MiniJinja's error does not say, so the
//! open blocks are found again by reading the template's `{% ... %}` tags up to the error.

/// Jinja2's message for MiniJinja's syntax error `detail` in `source` at `line` (1-based), or
/// `None` when this module does not know the shape.
///
/// ```
/// use session_playground::flask::template_syntax::jinja2_message;
/// let message = jinja2_message("unexpected end of input, expected end of block",
///     "{% for x in y %}{{ x }}", Some(1));
/// assert_eq!(message.as_deref(), Some("Unexpected end of template. Jinja was looking for the \
///     following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'."));
/// ```
pub fn jinja2_message(detail: &str, source: &str, line: Option<usize>) -> Option<String> {
    if detail.starts_with("unexpected end of input") {
        let open = open_blocks(source, None);
        return (!open.is_empty()).then(|| unclosed(None, &open));
    }
    if let Some(name) = detail.strip_prefix("unknown statement ") {
        let open = open_blocks(source, Some((name, line.unwrap_or(1))));
        return Some(unclosed(Some(name), &open));
    }
    match detail {
        "unexpected end of block" => {
            Some("Expected an expression, got 'end of statement block'".to_string())
        }
        "unexpected end of variable block" => {
            Some("unexpected 'end of print statement'".to_string())
        }
        "unexpected end of string" => unclosed_string(source, line?),
        _ => None,
    }
}

/// A block still open: its tag and the tags that may come next in it.
struct Open {
    tag: String,
    ends: &'static [&'static str],
}

/// The message for the end of the template (`name` `None`) or an unknown tag, given the open
/// blocks, innermost last.
fn unclosed(name: Option<&str>, open: &[Open]) -> String {
    let mut message = match name {
        None => "Unexpected end of template.".to_string(),
        Some(name) => format!("Encountered unknown tag '{name}'."),
    };
    if let Some(innermost) = open.last() {
        let looking = innermost
            .ends
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(" or ");
        let expected = open
            .iter()
            .any(|o| name.is_some_and(|n| o.ends.contains(&n)));
        if expected {
            message.push_str(&format!(
                " You probably made a nesting mistake. Jinja is expecting this tag, but currently \
                 looking for {looking}."
            ));
        } else {
            message.push_str(&format!(
                " Jinja was looking for the following tags: {looking}."
            ));
        }
        message.push_str(&format!(
            " The innermost block that needs to be closed is '{}'.",
            innermost.tag
        ));
    }
    message
}

/// The tags that may follow a block's opening tag (Jinja2's parser's end tokens).
fn ends_of(tag: &str) -> Option<&'static [&'static str]> {
    Some(match tag {
        "for" => &["endfor", "else"],
        "if" => &["elif", "else", "endif"],
        "block" => &["endblock"],
        "macro" => &["endmacro"],
        "call" => &["endcall"],
        "filter" => &["endfilter"],
        "with" => &["endwith"],
        "autoescape" => &["endautoescape"],
        "set" => &["endset"],
        _ => return None,
    })
}

/// The blocks open at the end of `source`, or before the tag `stop` (its name and line).
fn open_blocks(source: &str, stop: Option<(&str, usize)>) -> Vec<Open> {
    let mut open: Vec<Open> = Vec::new();
    let mut at = 0;
    let mut in_raw = false;
    while let Some(start) = source[at..].find("{%").map(|i| at + i) {
        let body_start = start + 2;
        let end = source[body_start..]
            .find("%}")
            .map_or(source.len(), |i| body_start + i);
        let body = source[body_start..end]
            .trim_start_matches(['-', '+'])
            .trim();
        let name: String = body
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        at = (end + 2).min(source.len());
        let line = source[..start].matches('\n').count() + 1;
        if let Some((stop_name, stop_line)) = stop
            && name == stop_name
            && line >= stop_line
        {
            break;
        }
        if in_raw {
            in_raw = name != "endraw";
            continue;
        }
        match name.as_str() {
            "raw" => in_raw = true,
            "set" if body.contains('=') => {}
            "else" => {
                if let Some(top) = open.last_mut() {
                    top.ends = match top.tag.as_str() {
                        "for" => &["endfor"],
                        _ => &["endif"],
                    };
                }
            }
            "elif" => {}
            other if other.starts_with("end") => {
                open.pop();
            }
            other => {
                if let Some(ends) = ends_of(other) {
                    open.push(Open {
                        tag: other.to_string(),
                        ends,
                    });
                }
            }
        }
        if at >= source.len() {
            break;
        }
    }
    open
}

/// Jinja2's lexer error for a string left open on `line`: the quote and its offset in the
/// whole template (`unexpected char "'" at 15`).
fn unclosed_string(source: &str, line: usize) -> Option<String> {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(|l| l.chars().count())
        .sum();
    let text: Vec<char> = source.chars().collect();
    let mut quote: Option<(char, usize)> = None;
    for (i, c) in text.iter().enumerate().skip(line_start) {
        match quote {
            Some((q, _)) if *c == q => quote = None,
            None if *c == '\'' || *c == '"' => quote = Some((*c, i)),
            _ => {}
        }
    }
    let (q, at) = quote?;
    let shown = if q == '\'' { "\"'\"" } else { "'\"'" };
    Some(format!("unexpected char {shown} at {at}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_tags_inside_and_outside_blocks() {
        assert_eq!(
            jinja2_message("unknown statement endfor", "{% endfor %}", Some(1)).unwrap(),
            "Encountered unknown tag 'endfor'."
        );
        // An end tag an outer block is waiting for is a nesting mistake; any other is unknown.
        let nested = jinja2_message(
            "unknown statement endif",
            "{% if a %}{% for x in y %}{% endif %}",
            Some(1),
        )
        .unwrap();
        assert!(
            nested.contains("You probably made a nesting mistake"),
            "{nested}"
        );
        let stray = jinja2_message(
            "unknown statement endif",
            "{% for x in y %}\n{% endif %}",
            Some(2),
        )
        .unwrap();
        assert!(stray.contains("Jinja was looking for"), "{stray}");
        let after_else = jinja2_message(
            "unexpected end of input, expected end of block",
            "{% if a %}{% set b = 1 %}{% else %}{% raw %}{% for %}{% endraw %}",
            Some(1),
        )
        .unwrap();
        assert!(
            after_else.ends_with(
                "following tags: 'endif'. The innermost block that needs to be closed is 'if'."
            ),
            "{after_else}"
        );
    }

    #[test]
    fn unclosed_string_names_the_quote_and_its_offset() {
        assert_eq!(
            jinja2_message(
                "unexpected end of string",
                "line1\nline2\n{{ 'unclosed }}",
                Some(3)
            )
            .unwrap(),
            "unexpected char \"'\" at 15"
        );
        assert_eq!(jinja2_message("something else", "", Some(1)), None);
    }
}
