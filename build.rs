//! Renders the built-in lessons' Markdown at build time for the page (see
//! `src/scenario/markdown.rs`): every string of `lessons/*.json` goes through the same renderer
//! the native build uses, into a sorted table `OUT_DIR/lesson_markdown.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/scenario/markdown.rs"]
mod markdown;

fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => out.push(text.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|item| strings(item, out)),
        serde_json::Value::Object(map) => map.values().for_each(|item| strings(item, out)),
        _ => {}
    }
}

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=src/scenario/markdown.rs");
    let mut table = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir("lessons").expect("the lessons folder").flatten().map(|entry| entry.path()).collect();
    files.sort();
    for path in files.iter().filter(|path| path.extension().is_some_and(|ext| ext == "json")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).expect("a readable lesson file");
        // A broken lesson is reported by the lesson tests, not here.
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let mut found = Vec::new();
        strings(&value, &mut found);
        for text in found {
            let html = markdown::to_html(&text);
            table.insert(text, html);
        }
    }
    let mut out = String::from("/// (Markdown, HTML) of every lesson string, sorted by Markdown.\npub static RENDERED: &[(&str, &str)] = &[\n");
    for (text, html) in &table {
        out.push_str(&format!("    ({text:?}, {html:?}),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lesson_markdown.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
