//! Renders the built-in lessons' Markdown at build time for the page (see
//! `src/scenario/markdown.rs`): every string of `lessons/*.json` goes through the same renderer
//! the native build uses, into a table `OUT_DIR/lesson_markdown.rs` sorted by the text's
//! fingerprint; texts whose HTML is the plain escaped paragraph the page makes anyway are left
//! out, and so is every text itself (the lessons carry it).
//!
//! It also writes the page's copy of each lesson to `OUT_DIR/lessons/`: minified, and for the
//! wasm build without what only the tests and `check` read (`claims`, `browser_claims`,
//! `shortcuts`, `alternatives`: a lesson's evidence, about two thirds of its bytes), so the page carries only
//! what it shows and plays, and the lesson list (`OUT_DIR/lesson_catalogue.rs`: id, title and
//! goal ids of each file), so the page's first render parses no lesson.
//!
//! And it writes the Python the interpreter embeds (the Flask preludes, the stdlib modules
//! written in Python) to `OUT_DIR/py/` without comments: a comment is never observable, line
//! numbers stay as they are (a comment line becomes empty), and the page is ~5 kB lighter.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/scenario/markdown.rs"]
mod markdown;

/// `source` with every Python comment removed (and the spaces before it), line for line.
/// A `#` inside a string literal is not a comment: strings are skipped with their escapes
/// (in every kind of literal a backslash keeps the next character from closing it).
fn strip_python_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    // The open string's quote, whether it is triple-quoted, and how many of its quotes in a row
    // were just seen (three close a triple-quoted string).
    let mut string: Option<(char, bool)> = None;
    let mut quotes_in_a_row = 0;
    while let Some(c) = chars.next() {
        match string {
            Some((quote, triple)) => {
                out.push(c);
                if c == '\\' {
                    quotes_in_a_row = 0;
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                } else if c == quote {
                    quotes_in_a_row += 1;
                    if !triple || quotes_in_a_row == 3 {
                        string = None;
                    }
                } else {
                    quotes_in_a_row = 0;
                    if c == '\n' && !triple {
                        // An unterminated one-line string is the parser's to report; stop here.
                        string = None;
                    }
                }
            }
            None if c == '#' => {
                while chars.peek().is_some_and(|next| *next != '\n') {
                    chars.next();
                }
                while out.ends_with(' ') || out.ends_with('\t') {
                    out.pop();
                }
            }
            None => {
                out.push(c);
                if c == '"' || c == '\'' {
                    let triple = chars.peek() == Some(&c) && {
                        let mut ahead = chars.clone();
                        ahead.next();
                        ahead.peek() == Some(&c)
                    };
                    if triple {
                        out.push(chars.next().unwrap());
                        out.push(chars.next().unwrap());
                    }
                    string = Some((c, triple));
                    quotes_in_a_row = 0;
                }
            }
        }
    }
    out
}

/// Writes the comment-free copies of the embedded Python (see the module doc).
fn embedded_python(out_dir: &str) {
    let dest = Path::new(out_dir).join("py");
    fs::create_dir_all(&dest).expect("OUT_DIR is writable");
    for folder in ["src/flask/prelude", "src/python/modules/py"] {
        println!("cargo:rerun-if-changed={folder}");
        for entry in fs::read_dir(folder)
            .expect("the embedded Python's folder")
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "py") {
                println!("cargo:rerun-if-changed={}", path.display());
                let source = fs::read_to_string(&path).expect("readable Python");
                fs::write(
                    dest.join(path.file_name().unwrap()),
                    strip_python_comments(&source),
                )
                .expect("OUT_DIR is writable");
            }
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=src/scenario/markdown.rs");
    let page_build = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let copies = Path::new(&out_dir).join("lessons");
    fs::create_dir_all(&copies).expect("OUT_DIR is writable");
    embedded_python(&out_dir);
    let mut table = BTreeMap::new();
    let mut catalogue = String::from(
        "/// (file, id, title, goal ids) of each readable lesson file, as the lesson list shows it.\npub static CATALOGUE: &[(&str, &str, &str, &[&str])] = &[\n",
    );
    let mut files: Vec<_> = fs::read_dir("lessons")
        .expect("the lessons folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
    {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).expect("a readable lesson file");
        // A broken lesson is reported by the lesson tests, not here.
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&text) else {
            fs::write(copies.join(path.file_name().unwrap()), &text).expect("OUT_DIR is writable");
            continue;
        };
        catalogue_entry(&mut catalogue, path, &value);
        if page_build && let Some(fields) = value.as_object_mut() {
            for evidence in ["claims", "browser_claims", "shortcuts", "alternatives"] {
                fields.remove(evidence);
            }
        }
        let copy = serde_json::to_string(&value).expect("a JSON value prints");
        fs::write(copies.join(path.file_name().unwrap()), copy).expect("OUT_DIR is writable");
        let mut found = Vec::new();
        markdown::json_strings(&value, &mut found);
        for text in found {
            let html = markdown::to_html(&text);
            if html == markdown::plain_paragraph(&text) {
                continue;
            }
            let key = markdown::fingerprint(&text);
            if let Some(other) = table.insert(key, html.clone()) {
                assert_eq!(
                    other, html,
                    "two lesson texts share the fingerprint {key:#x}: change one of them"
                );
            }
        }
    }
    let mut out = String::from(
        "/// (fingerprint of the Markdown, HTML) of the lesson strings with Markdown in them, sorted.\npub static RENDERED: &[(u64, &str)] = &[\n",
    );
    for (key, html) in &table {
        out.push_str(&format!("    ({key:#x}, {html:?}),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&out_dir).join("lesson_markdown.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
    catalogue.push_str("];\n");
    fs::write(Path::new(&out_dir).join("lesson_catalogue.rs"), catalogue)
        .expect("OUT_DIR is writable");
}

/// The lesson list's line for one file: read here so the page does not parse every lesson on
/// its first render (about 45 ms in the browser). A file without the fields is left out; the
/// lesson tests report it, and `ui::lesson_run` checks the table against the parsed lessons.
fn catalogue_entry(out: &mut String, path: &Path, value: &serde_json::Value) {
    let (Some(id), Some(title), Some(goals)) = (
        value["id"].as_str(),
        value["lesson"]["title"].as_str(),
        value["goals"].as_array(),
    ) else {
        return;
    };
    let goals: Option<Vec<&str>> = goals.iter().map(|goal| goal["id"].as_str()).collect();
    let Some(goals) = goals else { return };
    let file = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    out.push_str(&format!("    ({file:?}, {id:?}, {title:?}, &{goals:?}),\n"));
}
