//! Renders the built-in lessons' Markdown at build time for the page (see
//! `src/scenario/markdown.rs`): every string of `lessons/*.json` goes through the same renderer
//! the native build uses, into a table `OUT_DIR/lesson_markdown.rs` sorted by the text's
//! fingerprint; texts whose HTML is the plain escaped paragraph the page makes anyway are left
//! out, and so is every text itself (the lessons carry it).
//!
//! It also writes the page's copy of each lesson to `OUT_DIR/lessons/`: minified, and for the
//! wasm build without what only the tests and `check` read (`claims`, `shortcuts`,
//! `alternatives`: a lesson's evidence, about two thirds of its bytes), so the page carries only
//! what it shows and plays.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/scenario/markdown.rs"]
mod markdown;

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=src/scenario/markdown.rs");
    let page_build = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let copies = Path::new(&out_dir).join("lessons");
    fs::create_dir_all(&copies).expect("OUT_DIR is writable");
    let mut table = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir("lessons").expect("the lessons folder").flatten().map(|entry| entry.path()).collect();
    files.sort();
    for path in files.iter().filter(|path| path.extension().is_some_and(|ext| ext == "json")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).expect("a readable lesson file");
        // A broken lesson is reported by the lesson tests, not here.
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&text) else {
            fs::write(copies.join(path.file_name().unwrap()), &text).expect("OUT_DIR is writable");
            continue;
        };
        if page_build && let Some(fields) = value.as_object_mut() {
            for evidence in ["claims", "shortcuts", "alternatives"] {
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
                assert_eq!(other, html, "two lesson texts share the fingerprint {key:#x}: change one of them");
            }
        }
    }
    let mut out = String::from("/// (fingerprint of the Markdown, HTML) of the lesson strings with Markdown in them, sorted.\npub static RENDERED: &[(u64, &str)] = &[\n");
    for (key, html) in &table {
        out.push_str(&format!("    ({key:#x}, {html:?}),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&out_dir).join("lesson_markdown.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
