//! Terminal colours in the server log: the text split into runs, each with the style its ANSI
//! "select graphic rendition" escapes (`ESC [ … m`) gave it, as a terminal would show them.
//! Werkzeug colours its access lines by status, and an app may print escapes of its own.
//!
//! Kept: bold, faint, italic, underline, and the 16 foreground and background colours (the
//! 256-colour and RGB forms take their parameters and are shown in the default colour). Any
//! other control sequence is dropped, as a terminal would act on it rather than print it.
//! Written by hand: a page needs only this slice of a terminal emulator.

/// How a run of text looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Bold (SGR 1).
    pub bold: bool,
    /// Faint (SGR 2).
    pub faint: bool,
    /// Italic (SGR 3).
    pub italic: bool,
    /// Underlined (SGR 4).
    pub underline: bool,
    /// Foreground colour 0–15 (8–15 are the bright ones).
    pub foreground: Option<u8>,
    /// Background colour 0–15.
    pub background: Option<u8>,
}

impl Style {
    /// The CSS classes for this style (`ansi-bold`, `ansi-fg-2`, ...), empty for plain text.
    pub fn classes(&self) -> Vec<String> {
        let mut classes = Vec::new();
        for (on, name) in [
            (self.bold, "ansi-bold"),
            (self.faint, "ansi-faint"),
            (self.italic, "ansi-italic"),
            (self.underline, "ansi-underline"),
        ] {
            if on {
                classes.push(name.to_string());
            }
        }
        if let Some(color) = self.foreground {
            classes.push(format!("ansi-fg-{color}"));
        }
        if let Some(color) = self.background {
            classes.push(format!("ansi-bg-{color}"));
        }
        classes
    }

    fn apply(&mut self, parameters: &str) {
        let mut codes = parameters.split([';', ':']).map(|code| {
            if code.is_empty() {
                Some(0)
            } else {
                code.parse::<u32>().ok()
            }
        });
        while let Some(code) = codes.next() {
            match code {
                Some(0) => *self = Style::default(),
                Some(1) => self.bold = true,
                Some(2) => self.faint = true,
                Some(3) => self.italic = true,
                Some(4) => self.underline = true,
                Some(22) => (self.bold, self.faint) = (false, false),
                Some(23) => self.italic = false,
                Some(24) => self.underline = false,
                Some(code @ 30..=37) => self.foreground = Some((code - 30) as u8),
                Some(code @ 90..=97) => self.foreground = Some((code - 90 + 8) as u8),
                Some(39) => self.foreground = None,
                Some(code @ 40..=47) => self.background = Some((code - 40) as u8),
                Some(code @ 100..=107) => self.background = Some((code - 100 + 8) as u8),
                Some(49) => self.background = None,
                Some(code @ (38 | 48)) => {
                    // 5;n or 2;r;g;b: consume them; the run keeps the default colour.
                    let skip = match codes.next() {
                        Some(Some(5)) => 1,
                        Some(Some(2)) => 3,
                        _ => 0,
                    };
                    for _ in 0..skip {
                        codes.next();
                    }
                    if code == 38 {
                        self.foreground = None;
                    } else {
                        self.background = None;
                    }
                }
                _ => {}
            }
        }
    }
}

/// `text` as styled runs, escapes removed; neighbouring runs of one style are merged.
///
/// ```
/// use session_playground::ui::ansi::{runs, Style};
/// let parts = runs("a \x1b[32mGET /\x1b[0m 302");
/// assert_eq!(parts[1], (Style { foreground: Some(2), ..Style::default() }, "GET /".to_string()));
/// assert_eq!(parts.iter().map(|(_, text)| text.as_str()).collect::<String>(), "a GET / 302");
/// ```
pub fn runs(text: &str) -> Vec<(Style, String)> {
    let mut out: Vec<(Style, String)> = Vec::new();
    let mut style = Style::default();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(escape) = rest.find('\x1b') else {
            push(&mut out, style, rest);
            break;
        };
        push(&mut out, style, &rest[..escape]);
        rest = &rest[escape + 1..];
        let Some(sequence) = rest.strip_prefix('[') else {
            // A lone ESC (or another kind of escape): the terminal shows nothing for it.
            continue;
        };
        // CSI: parameter and intermediate bytes, then one final byte 0x40–0x7E.
        match sequence.find(|c: char| ('\u{40}'..='\u{7e}').contains(&c)) {
            Some(end)
                if sequence[..end]
                    .chars()
                    .all(|c| ('\u{20}'..='\u{3f}').contains(&c)) =>
            {
                if sequence[end..].starts_with('m') {
                    style.apply(&sequence[..end]);
                }
                rest = &sequence[end + 1..];
            }
            Some(_) => rest = sequence,
            None => break,
        }
    }
    out
}

/// `text` as the markup of one `<span>`: each styled run a `<span>` with its classes, every
/// character of the text escaped (the log holds what the learner's app printed). The server pane
/// puts it in the page as one piece: a log of a thousand lines is some four thousand runs, and
/// building and diffing them as nodes cost a render tens of milliseconds (issue 21's rewind on
/// 1,000 entries), where the browser parses this in about one.
///
/// ```
/// use session_playground::ui::ansi::to_html;
/// assert_eq!(
///     to_html("<b> \x1b[1;31m500\x1b[0m"),
///     "<span>&lt;b&gt; <span class=\"ansi-bold ansi-fg-1\">500</span></span>"
/// );
/// ```
pub fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4 + 16);
    out.push_str("<span>");
    for (style, run) in runs(text) {
        let classes = style.classes();
        if !classes.is_empty() {
            out.push_str("<span class=\"");
            out.push_str(&classes.join(" "));
            out.push_str("\">");
        }
        // A carriage return as a reference: the parser would turn a bare one into a newline.
        out.push_str(&crate::text::html::escape_html(run.as_str()).replace('\r', "&#13;"));
        if !classes.is_empty() {
            out.push_str("</span>");
        }
    }
    out.push_str("</span>");
    out
}

fn push(out: &mut Vec<(Style, String)>, style: Style, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some((last, run)) if *last == style => run.push_str(text),
        _ => out.push((style, text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flask::dev_server_log::access_line;

    fn plain(text: &str) -> String {
        runs(text).into_iter().map(|(_, run)| run).collect()
    }

    #[test]
    fn werkzeug_status_colours_become_styles() {
        let line = access_line("GET", "/boom", "", 500, 0);
        let parts = runs(&line);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert_eq!(
            parts[1].0,
            Style {
                bold: true,
                foreground: Some(5),
                ..Style::default()
            }
        );
        assert_eq!(parts[1].1, "GET /boom HTTP/1.1");
        assert_eq!(parts[2].0, Style::default());
        assert!(!plain(&line).contains('\x1b'));
        let ok = access_line("GET", "/count", "", 200, 0);
        assert_eq!(runs(&ok), vec![(Style::default(), ok.clone())]);
    }

    #[test]
    fn other_sequences_are_dropped_and_bad_ones_do_not_lose_text() {
        assert_eq!(plain("a\x1b[2Jb\x1b[1;1Hc"), "abc");
        assert_eq!(plain("x\x1b"), "x");
        // An unfinished sequence at the end is swallowed, as a terminal waits for its end.
        assert_eq!(plain("x\x1b["), "x");
        assert_eq!(plain("x\x1b[12"), "x");
        // A parameter byte out of range ends nothing: the text after it is kept.
        assert_eq!(plain("x\x1b[\u{1}1mz"), "x\u{1}1mz");
        assert_eq!(plain("\x1b[38;5;196mred\x1b[39m"), "red");
        assert_eq!(runs("\x1b[38;5;196mred")[0].0, Style::default());
        assert_eq!(
            runs("\x1b[91;44mhi")[0].0,
            Style {
                foreground: Some(9),
                background: Some(4),
                ..Style::default()
            }
        );
        assert_eq!(runs("\x1b[1mA\x1b[22mB")[1].0, Style::default());
        assert_eq!(runs("\x1b[1mA\x1b[mB")[1].0, Style::default());
        assert_eq!(plain("é\x1b[31mü"), "éü");
    }

    #[test]
    fn the_markup_carries_the_text_and_no_markup_of_its_own() {
        let printed = "<img src=x onerror=alert(1)> & \"q\" 'a'\r\n\x1b[32m<b>ok</b>\x1b[0m\n";
        let html = to_html(printed);
        // Only our own tags: every `<` the app printed is escaped.
        let tags: Vec<&str> = html.match_indices('<').map(|(at, _)| &html[at..]).collect();
        assert!(
            tags.iter()
                .all(|tag| tag.starts_with("<span") || tag.starts_with("</span>")),
            "{html}"
        );
        // Tags removed and references read back, it is the text a terminal shows.
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#13;", "\r")
            .replace("&amp;", "&");
        assert_eq!(text, plain(printed));
        assert!(html.contains("<span class=\"ansi-fg-2\">&lt;b&gt;ok&lt;/b&gt;</span>"));
    }
}
