//! HTML escaping as markupsafe's `escape` does it (the five characters, quotes as numeric
//! references): the Flask natives' `escape` and the template renderer's autoescape share it.

/// Markupsafe's `escape` on text.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}
