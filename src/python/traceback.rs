//! Tracebacks as data and as CPython 3.11 prints them.

use super::interp::Interp;
use super::value::*;

/// One frame of a traceback, ready for the editor: file, line, function and a column span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameSpan {
    /// File name as given (`app.py`).
    pub filename: String,
    /// Function name (`<module>` at top level).
    pub func: String,
    /// 1-based line of the failing expression.
    pub line: usize,
    /// 0-based character column where it starts.
    pub col_start: usize,
    /// 1-based line where it ends.
    pub end_line: usize,
    /// 0-based character column where it ends (exclusive).
    pub col_end: usize,
    /// Byte range in the source.
    pub range: (u32, u32),
}

impl TbEntry {
    /// The entry as editor-friendly data.
    pub fn span(&self) -> FrameSpan {
        let src = &self.source;
        FrameSpan {
            filename: self.filename.to_string(),
            func: self.func.to_string(),
            line: src.line_of(self.range.0 as usize),
            col_start: src.column_of(self.range.0 as usize),
            end_line: src.line_of(self.range.1 as usize),
            col_end: src.column_of(self.range.1 as usize),
            range: self.range,
        }
    }

    fn render(&self, out: &mut String) {
        let src = &self.source;
        let line_no = src.line_of(self.range.0 as usize);
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            self.filename, line_no, self.func
        ));
        let raw = src.line_text(line_no);
        let stripped = raw.trim();
        if stripped.is_empty() {
            return;
        }
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        if self.anchor == Anchor::Statement && self.range.0 == self.range.1 {
            return;
        }
        let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
        let start = src.column_of(self.range.0 as usize);
        let end_line = src.line_of(self.range.1 as usize);
        let (end, anchors) = if end_line == line_no {
            let end = src.column_of(self.range.1 as usize);
            let anchors = match self.anchor {
                Anchor::Split(l, r)
                    if src.line_of(l as usize) == line_no && src.line_of(r as usize) == line_no =>
                {
                    Some((src.column_of(l as usize), src.column_of(r as usize)))
                }
                _ => None,
            };
            (end, anchors)
        } else {
            (indent + raw.trim().chars().count(), None)
        };
        let stripped_len = stripped.chars().count();
        if start < indent || end <= start {
            return;
        }
        if end - start == stripped_len && anchors.is_none() {
            return;
        }
        // Columns on screen, as CPython counts them: a wide character (CJK, fullwidth) takes two.
        let widths: Vec<usize> = raw
            .chars()
            .map(|c| {
                if super::text::char_class::is_wide(c) {
                    2
                } else {
                    1
                }
            })
            .collect();
        let width = |i: usize| widths.get(i).copied().unwrap_or(1);
        out.push_str("    ");
        for i in indent..start {
            out.push_str(&" ".repeat(width(i)));
        }
        for i in start..end {
            let c = match anchors {
                Some((l, r)) => {
                    if i >= l && i < r {
                        '^'
                    } else {
                        '~'
                    }
                }
                None => '^',
            };
            for _ in 0..width(i) {
                out.push(c);
            }
        }
        out.push('\n');
    }
}

impl Interp {
    /// The last line of a traceback: `KeyError: 'x'`, with the 3.11 suggestion if any.
    pub fn exception_line(&mut self, v: &Value) -> String {
        let Value::Instance(inst) = v else {
            return v.type_name();
        };
        let name = inst.class.display_name();
        let msg = match self.to_str(v) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut line = if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        };
        if let Some(Value::Str(s)) = &inst.attrs.borrow().get_str("__suggestion__") {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        line
    }

    /// The whole traceback text CPython prints for an uncaught exception (chains included).
    pub fn format_exception(&mut self, v: &Value) -> String {
        let mut seen = Vec::new();
        self.format_chain(v, &mut seen)
    }

    fn format_chain(&mut self, v: &Value, seen: &mut Vec<usize>) -> String {
        let mut out = String::new();
        seen.push(v.ptr().unwrap_or(0));
        let (cause, context, suppress, tb) = match v.exc_state() {
            Some(st) => {
                let st = st.borrow();
                (
                    st.cause.clone(),
                    st.context.clone(),
                    st.suppress_context,
                    st.traceback.clone(),
                )
            }
            None => (None, None, false, Vec::new()),
        };
        if let Some(c) = cause.filter(|c| !seen.contains(&c.ptr().unwrap_or(0))) {
            out.push_str(&self.format_chain(&c, seen));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) =
            context.filter(|c| !suppress && !seen.contains(&c.ptr().unwrap_or(0)))
        {
            out.push_str(&self.format_chain(&c, seen));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            render_entries(&tb, &mut out);
        }
        out.push_str(&self.exception_line(v));
        out.push('\n');
        out
    }
}

/// Render entries, collapsing runs of identical lines like CPython (after three repeats).
fn render_entries(tb: &[TbEntry], out: &mut String) {
    let visible: Vec<TbEntry> = tb
        .iter()
        .filter(|e| !e.filename.starts_with("<frozen"))
        .cloned()
        .collect();
    let tb = &visible[..];
    let mut i = 0;
    while i < tb.len() {
        let key = |e: &TbEntry| {
            (
                e.filename.clone(),
                e.source.line_of(e.range.0 as usize),
                e.func.clone(),
            )
        };
        let mut j = i + 1;
        while j < tb.len() && key(&tb[j]) == key(&tb[i]) {
            j += 1;
        }
        let run = j - i;
        for e in &tb[i..i + run.min(3)] {
            e.render(out);
        }
        if run > 3 {
            let more = run - 3;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                more,
                if more == 1 { "" } else { "s" }
            ));
        }
        i = j;
    }
}

impl super::interp::Exc {
    /// Adds a frame at the bottom of the traceback for a file the interpreter did not run
    /// itself — a template the host rendered — at 1-based `line` of `source` (shown without
    /// carets, as CPython shows a frame it has no column for).
    pub fn with_foreign_frame(
        self: Box<Self>,
        filename: &str,
        func: &str,
        source: String,
        line: usize,
    ) -> Box<Self> {
        let start = source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        if let Some(state) = self.value.exc_state() {
            state.borrow_mut().traceback.push(TbEntry {
                filename: filename.into(),
                func: func.into(),
                source: std::rc::Rc::new(super::value::SourceFile::new(source)),
                range: (start, start),
                anchor: Anchor::Statement,
            });
        }
        self
    }
}
