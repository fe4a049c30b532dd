//! Reading a response's markup the way a browser's tokenizer finds start tags: tag names,
//! attributes (quoted, unquoted or bare; the first of a repeated name wins, as HTML says),
//! character references in attribute values, comments, and the elements whose content is text
//! rather than markup (`<script>`, `<style>`, `<textarea>`, `<title>`, …). Both
//! [`crate::browser::script_view`] (where a response holds script) and
//! [`crate::browser::subresource`] (which stylesheets a page loads) read tags through it.
//!
//! Written here rather than with an HTML parser crate (html5ever would weigh more than the rest
//! of the browser layer in the page): only start tags and attributes are needed, not a tree.
//! Character references: the numeric ones and the five named ones markup escaping produces
//! (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`, which is all Jinja's autoescape and markupsafe emit);
//! any other name is kept as written.

/// One start tag: its name (as written), its attributes (values decoded) and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTag {
    /// The tag name as written, e.g. `LINK`.
    pub name: String,
    /// Its attributes in order, names as written, values with character references decoded.
    pub attributes: Vec<(String, String)>,
    /// The byte index of its `<`.
    pub start: usize,
    /// The byte index just past its `>` (or the end of the body).
    pub end: usize,
}

impl StartTag {
    /// Whether the tag is named `name` (ASCII case-insensitive).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value of attribute `name` (case-insensitive); the first one when it is repeated, as
    /// a browser keeps it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(attribute, _)| attribute.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Its 1-based line in `body`.
    pub fn line(&self, body: &str) -> usize {
        body[..self.start].matches('\n').count() + 1
    }
}

/// Elements whose content is text up to their end tag, not markup.
const TEXT_ELEMENTS: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Every start tag of `body`, in order (comments, end tags and text elements' content skipped).
///
/// ```
/// use session_playground::browser::markup::start_tags;
/// let tags = start_tags("<!-- <a> --><p id=x TITLE='a&amp;b'><script>'<b>'</script><i>");
/// let names: Vec<&str> = tags.iter().map(|tag| tag.name.as_str()).collect();
/// assert_eq!(names, ["p", "script", "i"]);
/// assert_eq!(tags[0].attribute("title"), Some("a&b"));
/// ```
pub fn start_tags(body: &str) -> Vec<StartTag> {
    let bytes = body.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(offset) = body[at..].find('<') {
        let start = at + offset;
        let rest = &body[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at = comment
                .find("-->")
                .map_or(body.len(), |end| start + 4 + end + 3);
            continue;
        }
        if !bytes
            .get(start + 1)
            .is_some_and(|byte| byte.is_ascii_alphabetic())
        {
            at = start + 1;
            continue;
        }
        let (name, attributes, end) = read_tag(body, start + 1);
        at = end;
        let text_element = TEXT_ELEMENTS
            .iter()
            .find(|element| name.eq_ignore_ascii_case(element));
        tags.push(StartTag {
            name,
            attributes,
            start,
            end,
        });
        if let Some(element) = text_element {
            // Its content is not markup: skip to its end tag.
            let lower = body[at..].to_ascii_lowercase();
            at = lower
                .find(&format!("</{element}"))
                .map_or(body.len(), |index| at + index);
        }
    }
    tags
}

type Attributes = Vec<(String, String)>;

/// Reads the tag whose name starts at `from`; returns its name, attributes and the index just
/// past its `>` (or the end of `body`).
fn read_tag(body: &str, from: usize) -> (String, Attributes, usize) {
    let chars: Vec<(usize, char)> = body[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .collect();
    let mut i = 0;
    let is_space = |c: char| c.is_ascii_whitespace();
    let mut name = String::new();
    while i < chars.len() && !is_space(chars[i].1) && chars[i].1 != '>' && chars[i].1 != '/' {
        name.push(chars[i].1);
        i += 1;
    }
    let mut attributes: Attributes = Vec::new();
    let mut add = |attribute: String, value: String| {
        // HTML keeps the first of two attributes with one name.
        if !attributes
            .iter()
            .any(|(known, _)| known.eq_ignore_ascii_case(&attribute))
        {
            attributes.push((attribute, decode_references(&value)));
        }
    };
    loop {
        while i < chars.len() && (is_space(chars[i].1) || chars[i].1 == '/') {
            i += 1;
        }
        if i >= chars.len() {
            return (name, attributes, body.len());
        }
        if chars[i].1 == '>' {
            return (name, attributes, chars[i].0 + 1);
        }
        let mut attribute = String::new();
        while i < chars.len() && !is_space(chars[i].1) && !matches!(chars[i].1, '>' | '=' | '/') {
            attribute.push(chars[i].1);
            i += 1;
        }
        if attribute.is_empty() {
            // A stray '=' where a name should start: HTML makes it part of the name.
            attribute.push(chars[i].1);
            i += 1;
        }
        while i < chars.len() && is_space(chars[i].1) {
            i += 1;
        }
        let mut value = String::new();
        if i < chars.len() && chars[i].1 == '=' {
            i += 1;
            while i < chars.len() && is_space(chars[i].1) {
                i += 1;
            }
            match chars.get(i).map(|(_, c)| *c) {
                Some(quote @ ('"' | '\'')) => {
                    i += 1;
                    while i < chars.len() && chars[i].1 != quote {
                        value.push(chars[i].1);
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < chars.len() && !is_space(chars[i].1) && chars[i].1 != '>' {
                        value.push(chars[i].1);
                        i += 1;
                    }
                }
            }
        }
        add(attribute, value);
    }
}

/// `text` with its numeric character references and the five escaping ones decoded.
///
/// ```
/// use session_playground::browser::markup::decode_references;
/// assert_eq!(decode_references("/s?a=1&amp;b=&#50;&#x33;&copy;"), "/s?a=1&b=23&copy;");
/// ```
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name.strip_prefix('#').and_then(|number| {
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                // A reference to nothing (0, a surrogate, past U+10FFFF) reads as U+FFFD.
                Some(
                    char::from_u32(code)
                        .filter(|c| *c != '\0')
                        .unwrap_or('\u{fffd}'),
                )
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text_elements() {
        let body = "<LINK REL=stylesheet href=\"/a.css\" href=/b.css><style>p{}<link href=x></style>\
                    <textarea><link></textarea><link rel='x'/><unclosed a=1";
        let tags = start_tags(body);
        let names: Vec<&str> = tags.iter().map(|tag| tag.name.as_str()).collect();
        assert_eq!(names, ["LINK", "style", "textarea", "link", "unclosed"]);
        assert!(tags[0].is("link"));
        assert_eq!(tags[0].attribute("href"), Some("/a.css"));
        assert_eq!(tags[0].attribute("rel"), Some("stylesheet"));
        assert_eq!(
            &body[tags[0].start..tags[0].end],
            "<LINK REL=stylesheet href=\"/a.css\" href=/b.css>"
        );
        assert_eq!(tags[3].attribute("rel"), Some("x"));
        assert_eq!(tags[4].end, body.len());
    }

    #[test]
    fn references_decode_or_stay() {
        assert_eq!(
            decode_references("a &amp b &unknown; &#0; &#xD800;"),
            "a &amp b &unknown; \u{fffd} \u{fffd}"
        );
        assert_eq!(decode_references("&&lt;&"), "&<&");
    }
}
