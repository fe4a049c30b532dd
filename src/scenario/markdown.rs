//! Lesson Markdown to inert HTML. Lesson files come from anyone, so the output is built from a
//! whitelist: paragraphs, emphasis, strong, inline code, fenced or indented code blocks, lists,
//! line breaks, and links whose target is `http(s)://`. Raw HTML in the source is shown as text;
//! every other construct (headings, quotes, images, tables) keeps only its text. Every text and
//! attribute value is escaped.
//!
//! Written by hand rather than with pulldown-cmark: that crate costs about 76 KB of gzipped wasm
//! (measured with opt-level z + LTO), a third of what the page budget leaves, for a subset this
//! small. The tests render every built-in lesson with pulldown-cmark (a dev-dependency) under the
//! same whitelist and require identical HTML, so the subset stays CommonMark where lessons use it.

/// Renders lesson Markdown as HTML that cannot run script.
///
/// ```
/// use session_playground::scenario::markdown::to_html;
/// assert_eq!(to_html("Use `session['k'] = v`, *not* a **global**."),
///     "<p>Use <code>session['k'] = v</code>, <em>not</em> a <strong>global</strong>.</p>\n");
/// assert_eq!(to_html("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
/// assert_eq!(to_html("[x](javascript:alert(1))"), "<p>x</p>\n");
/// assert_eq!(to_html("[docs](https://flask.palletsprojects.com/)"),
///     "<p><a href=\"https://flask.palletsprojects.com/\" rel=\"noopener noreferrer\" target=\"_blank\">docs</a></p>\n");
/// ```
pub fn to_html(markdown: &str) -> String {
    let mut out = String::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut paragraph: Vec<&str> = Vec::new();
    // The open list: ordered or not, and its items' text lines.
    let mut list: Option<(bool, Vec<Vec<&str>>)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            flush(&mut out, &mut paragraph, &mut list);
            let fence = &trimmed[..3];
            let language: String = trimmed.trim_start_matches(fence.chars().next().unwrap_or('`')).trim()
                .chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            out.push_str("<pre><code");
            if !language.is_empty() {
                out.push_str(&format!(" class=\"language-{language}\""));
            }
            out.push('>');
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with(fence) {
                escape_into(&mut out, lines[i].get(indent.min(leading_spaces(lines[i]))..).unwrap_or(""));
                out.push('\n');
                i += 1;
            }
            out.push_str("</code></pre>\n");
            i += 1;
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut out, &mut paragraph, &mut list);
            i += 1;
            continue;
        }
        if indent >= 4 && paragraph.is_empty() && list.is_none() {
            out.push_str("<pre><code>");
            while i < lines.len() && (leading_spaces(lines[i]) >= 4 || lines[i].trim().is_empty()) {
                escape_into(&mut out, lines[i].get(4..).unwrap_or(""));
                out.push('\n');
                i += 1;
            }
            out.push_str("</code></pre>\n");
            continue;
        }
        if let Some((ordered, rest)) = list_item(line) {
            if !paragraph.is_empty() || list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                flush(&mut out, &mut paragraph, &mut list);
            }
            list.get_or_insert_with(|| (ordered, Vec::new())).1.push(vec![rest]);
        } else if let Some((_, items)) = list.as_mut().filter(|_| indent >= 2) {
            if let Some(item) = items.last_mut() {
                item.push(trimmed);
            }
        } else {
            if list.is_some() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            // A heading keeps only its text.
            let text = if indent < 4 && trimmed.starts_with('#') { trimmed.trim_start_matches('#').trim() } else { trimmed };
            paragraph.push(text);
        }
        i += 1;
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `- item`, `* item`, `+ item` (unordered) or `1. item`, `1) item` (ordered).
fn list_item(line: &str) -> Option<(bool, &str)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Some((false, rest.trim_start()));
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &trimmed[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, rest.trim_start()));
        }
    }
    None
}

fn flush<'a>(out: &mut String, paragraph: &mut Vec<&'a str>, list: &mut Option<(bool, Vec<Vec<&'a str>>)>) {
    if !paragraph.is_empty() {
        out.push_str("<p>");
        inline_lines(out, paragraph);
        out.push_str("</p>\n");
        paragraph.clear();
    }
    if let Some((ordered, items)) = list.take() {
        out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
        for item in items {
            out.push_str("<li>");
            inline_lines(out, &item);
            out.push_str("</li>\n");
        }
        out.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
    }
}

/// Lines of one block: a line ending in two spaces (or `\`) is a hard break.
fn inline_lines(out: &mut String, lines: &[&str]) {
    let mut text = String::new();
    for (index, line) in lines.iter().enumerate() {
        let last = index + 1 == lines.len();
        if !last && line.ends_with("  ") {
            text.push_str(line.trim_end());
            text.push('\u{0}');
        } else if !last && line.ends_with('\\') {
            text.push_str(&line[..line.len() - 1]);
            text.push('\u{0}');
        } else {
            text.push_str(if last { line.trim_end() } else { line });
            if !last {
                text.push('\n');
            }
        }
    }
    inline(out, &text);
}

/// Inline Markdown: code spans, `**strong**`, `*em*` / `_em_`, links, escapes.
fn inline(out: &mut String, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\u{0}' => out.push_str("<br>\n"),
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                i += 1;
                escape_char(out, chars[i]);
            }
            '`' => {
                let run = chars[i..].iter().take_while(|c| **c == '`').count();
                match find_backtick_run(&chars, i + run, run) {
                    Some(end) => {
                        let mut code: String = chars[i + run..end].iter().map(|c| if *c == '\n' { ' ' } else { *c }).collect();
                        if code.len() >= 2 && code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty() {
                            code = code[1..code.len() - 1].to_string();
                        }
                        out.push_str("<code>");
                        escape_into(out, &code);
                        out.push_str("</code>");
                        i = end + run;
                        continue;
                    }
                    None => {
                        for _ in 0..run {
                            out.push('`');
                        }
                        i += run;
                        continue;
                    }
                }
            }
            '*' | '_' => {
                let double = chars.get(i + 1) == Some(&c);
                let width = if double { 2 } else { 1 };
                let opens = chars.get(i + width).is_some_and(|n| !n.is_whitespace())
                    && (c == '*' || i == 0 || !chars[i - 1].is_alphanumeric());
                if let Some(end) = opens.then(|| find_closing(&chars, i + width, c, width)).flatten() {
                    let inner: String = chars[i + width..end].iter().collect();
                    let tag = if double { "strong" } else { "em" };
                    out.push_str(&format!("<{tag}>"));
                    inline(out, &inner);
                    out.push_str(&format!("</{tag}>"));
                    i = end + width;
                    continue;
                }
                escape_char(out, c);
            }
            '[' => {
                if let Some((label_end, url, after)) = link(&chars, i) {
                    let label: String = chars[i + 1..label_end].iter().collect();
                    if is_safe_url(&url) {
                        out.push_str("<a href=\"");
                        escape_into(out, &url);
                        out.push_str("\" rel=\"noopener noreferrer\" target=\"_blank\">");
                        inline(out, &label);
                        out.push_str("</a>");
                    } else {
                        inline(out, &label);
                    }
                    i = after;
                    continue;
                }
                escape_char(out, c);
            }
            _ => escape_char(out, c),
        }
        i += 1;
    }
}

fn find_backtick_run(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let length = chars[j..].iter().take_while(|c| **c == '`').count();
            if length == run {
                return Some(j);
            }
            j += length;
        } else {
            j += 1;
        }
    }
    None
}

/// The closing delimiter of an emphasis opened at `from` (skipping code spans), if any.
fn find_closing(chars: &[char], from: usize, delimiter: char, width: usize) -> Option<usize> {
    let mut j = from;
    while j + width <= chars.len() {
        if chars[j] == '`' {
            let run = chars[j..].iter().take_while(|c| **c == '`').count();
            j = find_backtick_run(chars, j + run, run).map_or(j + run, |end| end + run);
            continue;
        }
        let here = chars[j..j + width].iter().all(|c| *c == delimiter);
        let run = chars[j..].iter().take_while(|c| **c == delimiter).count();
        let closes = here
            && j > from
            && !chars[j - 1].is_whitespace()
            && run == width
            && (delimiter == '*' || chars.get(j + width).is_none_or(|n| !n.is_alphanumeric()));
        if closes {
            return Some(j);
        }
        j += run.max(1);
    }
    None
}

/// `[label](url)` starting at `start`: (index of `]`, url, index after `)`).
fn link(chars: &[char], start: usize) -> Option<(usize, String, usize)> {
    let mut depth = 0;
    let mut j = start;
    let label_end = loop {
        match chars.get(j)? {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            '\\' => j += 1,
            _ => {}
        }
        j += 1;
    };
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 1;
    let mut k = label_end + 2;
    let mut url = String::new();
    while let Some(&c) = chars.get(k) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((label_end, url.trim().to_string(), k + 1));
                }
            }
            _ => {}
        }
        url.push(c);
        k += 1;
    }
    None
}

/// Only absolute `http:` and `https:` links are written: `javascript:`, `data:` and relative
/// targets (which could point into the app's own simulated site) are dropped.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

fn escape_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        // Attributes are always double-quoted, so `'` needs no escape.
        '"' => out.push_str("&quot;"),
        _ => out.push(c),
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        escape_char(out, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_tag_outside_the_whitelist_ever_appears() {
        let nasty = "<img src=x onerror=alert(1)>\n\n<a href=\"javascript:x\">a</a> ![i](javascript:alert(1) \"t\")\n\n\
                     [a](\"><script>) [b](data:text/html,<script>) <iframe>\n\n# Title <b>x</b>\n\n> quote\n\n```py\"><script>\nx = '<'\n```\n\n- one\n- two\n\n\
                     [*x*](https://a.example/\"onmouseover=\"x) **[y](javascript:z)** `<b>` \\<b>";
        let html = to_html(nasty);
        let allowed = ["p", "em", "strong", "code", "pre", "ol", "ul", "li", "a", "br"];
        let mut rest = html.as_str();
        while let Some(at) = rest.find('<') {
            let tag: String = rest[at + 1..].trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(allowed.contains(&tag.as_str()), "tag {tag:?} in {html}");
            rest = &rest[at + 1..];
        }
        assert!(!html.contains("href=\"javascript") && !html.contains("href=\"data"), "{html}");
        assert!(!html.contains("\"onmouseover"), "{html}");
        assert!(html.contains("<pre><code class=\"language-py\">"), "{html}");
    }

    #[test]
    fn blocks_and_inlines_render() {
        assert_eq!(to_html("1. a\n2. b\n"), "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n");
        assert_eq!(to_html("    x < 1\n"), "<pre><code>x &lt; 1\n</code></pre>\n");
        assert_eq!(to_html("a  \nb"), "<p>a<br>\nb</p>\n");
        assert_eq!(to_html("is_admin and _x_"), "<p>is_admin and <em>x</em></p>\n");
        assert_eq!(to_html("`` a`b ``"), "<p><code>a`b</code></p>\n");
        assert_eq!(to_html("unclosed *star and `tick"), "<p>unclosed *star and `tick</p>\n");
    }

    #[test]
    fn any_input_renders_without_panicking() {
        let mut seed = 3u64;
        let pieces = ["*", "**", "_", "`", "``", "[", "]", "(", ")", "\n", "\n\n", "- ", "1. ", "    ", "```", "\\", "a", "é", "<", "  \n", "https://x.example"];
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 30) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let _ = to_html(&text);
        }
    }
}
