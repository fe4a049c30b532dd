//! Lesson Markdown to inert HTML. Lesson files and share links come from anyone, so the output
//! is built from a whitelist, not from pulldown-cmark's own HTML writer: paragraphs, emphasis,
//! strong, inline code, code blocks, lists, line breaks and links whose target is `http(s)://`.
//! Raw HTML in the source is shown as text (escaped); images become their alt text; every other
//! construct keeps only its text. Every text and attribute value is escaped.

//!
//! The page renders only the built-in lessons' Markdown, so it does not carry the renderer:
//! `build.rs` runs this same module over every string of `lessons/*.json` at build time and the
//! wasm build looks the HTML up ([`to_html`] there). That keeps pulldown-cmark's 70 kB out of
//! the page. The table is keyed by a [`fingerprint`] of the text, not the text (the lessons
//! already carry it), and leaves out every text whose HTML is just itself escaped in one
//! paragraph ([`plain_paragraph`]), which is what the page makes of a text not in the table.

#[cfg(not(target_arch = "wasm32"))]
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

#[cfg(target_arch = "wasm32")]
mod rendered {
    include!(concat!(env!("OUT_DIR"), "/lesson_markdown.rs"));
}

/// Lesson Markdown as inert HTML, from the table `build.rs` rendered (the page's build).
#[cfg(target_arch = "wasm32")]
pub fn to_html(markdown: &str) -> String {
    let key = fingerprint(markdown);
    match rendered::RENDERED.binary_search_by_key(&key, |(key, _)| *key) {
        Ok(index) => rendered::RENDERED[index].1.to_string(),
        Err(_) => plain_paragraph(markdown),
    }
}

/// Every string in a lesson file's JSON, in document order: what `build.rs` renders. The values
/// of [`NOT_MARKDOWN`] keys are left out: code and HTML are never shown as Markdown, and their
/// rendering would only add weight to the page.
pub fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => out.push(text.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|item| json_strings(item, out)),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(key, _)| !NOT_MARKDOWN.contains(&key.as_str()))
            .for_each(|(_, item)| json_strings(item, out)),
        _ => {}
    }
}

/// Lesson keys whose strings are code or HTML: the app, an edit of it, a quiz's template, a
/// further site's page, project files.
pub const NOT_MARKDOWN: [&str; 5] = ["code", "edit_code", "template", "page", "files"];

/// A text's key in the build-time table: its 64-bit FNV-1a hash.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The HTML of a text without Markdown in it: the text escaped, as one paragraph.
pub fn plain_paragraph(text: &str) -> String {
    let mut out = String::from("<p>");
    escape_into(&mut out, text);
    out.push_str("</p>\n");
    out
}

/// Renders lesson Markdown as HTML that cannot run script.
///
/// ```
/// use session_playground::scenario::markdown::to_html;
/// assert_eq!(to_html("Use `session['k'] = v`, *not* a **global**."),
///     "<p>Use <code>session['k'] = v</code>, <em>not</em> a <strong>global</strong>.</p>\n");
/// assert_eq!(to_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;\n");
/// assert_eq!(to_html("[x](javascript:alert(1))"), "<p>x</p>\n");
/// assert_eq!(to_html("[docs](https://flask.palletsprojects.com/)"),
///     "<p><a href=\"https://flask.palletsprojects.com/\" rel=\"noopener noreferrer\" target=\"_blank\">docs</a></p>\n");
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn to_html(markdown: &str) -> String {
    let mut out = String::new();
    // For each open link: whether an <a> was written (an unsafe target drops the tag, keeps the text).
    let mut links: Vec<bool> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::CodeBlock(kind) => {
                    out.push_str("<pre><code");
                    if let CodeBlockKind::Fenced(info) = kind {
                        let language: String = info
                            .split_whitespace()
                            .next()
                            .unwrap_or("")
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                            .collect();
                        if !language.is_empty() {
                            out.push_str(" class=\"language-");
                            out.push_str(&language);
                            out.push('"');
                        }
                    }
                    out.push('>');
                }
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::Item => out.push_str("<li>"),
                Tag::Link { dest_url, .. } => {
                    let safe = is_safe_url(&dest_url);
                    if safe {
                        out.push_str("<a href=\"");
                        escape_into(&mut out, &dest_url);
                        out.push_str("\" rel=\"noopener noreferrer\" target=\"_blank\">");
                    }
                    links.push(safe);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("</p>\n"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Link if links.pop() == Some(true) => {
                    out.push_str("</a>");
                }
                // Headings, quotes, tables...: their text is kept, the block ends a line.
                TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::HtmlBlock => out.push('\n'),
                _ => {}
            },
            Event::Text(text) => escape_into(&mut out, &text),
            Event::Code(code) => {
                out.push_str("<code>");
                escape_into(&mut out, &code);
                out.push_str("</code>");
            }
            // Raw HTML is shown, never interpreted.
            Event::Html(html) | Event::InlineHtml(html) => escape_into(&mut out, &html),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push('\n'),
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::FootnoteReference(text) => {
                escape_into(&mut out, &text)
            }
            Event::TaskListMarker(_) => {}
        }
    }
    out
}

/// Only absolute `http:` and `https:` links are written: `javascript:`, `data:` and relative
/// targets (which could point into the app's own simulated site) are dropped.
#[cfg(not(target_arch = "wasm32"))]
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Attributes are always double-quoted, so `'` needs no escape.
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_tag_outside_the_whitelist_ever_appears() {
        let nasty = "<img src=x onerror=alert(1)>\n\n<a href=\"javascript:x\">a</a> ![i](javascript:alert(1) \"t\")\n\n\
                     [a](\"><script>) [b](data:text/html,<script>) <iframe>\n\n# Title <b>x</b>\n\n> quote\n\n```py\"><script>\nx = '<'\n```\n\n- one\n- two";
        let html = to_html(nasty);
        let allowed = [
            "p", "em", "strong", "code", "pre", "ol", "ul", "li", "a", "br",
        ];
        let mut rest = html.as_str();
        while let Some(at) = rest.find('<') {
            let tag: String = rest[at + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(allowed.contains(&tag.as_str()), "tag {tag:?} in {html}");
            rest = &rest[at + 1..];
        }
        assert!(
            !html.contains("javascript:") || !html.contains("href=\"javascript"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;") || !html.contains("script>"),
            "{html}"
        );
        assert!(html.contains("<pre><code class=\"language-py\">"), "{html}");
    }

    #[test]
    fn lists_and_code_blocks_render() {
        assert_eq!(
            to_html("1. a\n2. b\n"),
            "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"
        );
        assert_eq!(
            to_html("    x < 1\n"),
            "<pre><code>x &lt; 1\n</code></pre>\n"
        );
    }
}

#[cfg(test)]
mod page_table_tests {
    use super::*;

    mod table {
        include!(concat!(env!("OUT_DIR"), "/lesson_markdown.rs"));
    }

    /// What the page shows for `text`: its HTML from the build-time table, else the plain paragraph.
    fn page_html(text: &str) -> String {
        let key = fingerprint(text);
        match table::RENDERED.binary_search_by_key(&key, |(key, _)| *key) {
            Ok(index) => table::RENDERED[index].1.to_string(),
            Err(_) => plain_paragraph(text),
        }
    }

    #[test]
    fn the_page_shows_every_built_in_lesson_text_as_the_renderer_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if entry.path().extension().is_some_and(|ext| ext == "json") {
                let value: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
                json_strings(&value, &mut texts);
            }
        }
        assert!(texts.len() > 300, "{} texts", texts.len());
        assert!(
            table::RENDERED.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "sorted by fingerprint"
        );
        for text in &texts {
            assert_eq!(page_html(text), to_html(text), "{text:?}");
        }
        // A text the table does not know (e.g. from elsewhere) is shown escaped, never as HTML.
        assert_eq!(
            page_html("<b>not a lesson</b>"),
            "<p>&lt;b&gt;not a lesson&lt;/b&gt;</p>\n"
        );
    }
}
