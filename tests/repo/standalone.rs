//! The repository stands alone: a plain clone, with nothing beside it, must set up and pass its
//! tests, so no tracked file may point at a folder outside it (our build machines keep a shared
//! folder beside the project; a clone from the project's public home has no such thing). Data
//! taken from elsewhere is copied in with its source named (e.g. `tests/browser_layer/wpt-cookies`).

use std::path::{Path, PathBuf};

/// Folders that are built or installed, never written by hand.
const SKIPPED_DIRS: &[&str] = &[".git", "target", "node_modules", "dist", ".venv", "corpus", "artifacts"];

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("readable entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                files_under(&path, found);
            }
        } else if !name.ends_with(".lock") && !name.ends_with(".png") && !name.ends_with(".wasm") {
            found.push(path);
        }
    }
}

#[test]
fn no_file_refers_to_a_folder_beside_the_repository() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // Spelled in two halves so that this file does not find itself.
    let needle = format!("../{}", "shared");
    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(files.len() > 100, "the walk found the repository's files ({})", files.len());
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read(path).ok()?;
            let text = String::from_utf8_lossy(&text);
            let line = text.lines().position(|line| line.contains(&needle))?;
            Some(format!("{}:{}", path.strip_prefix(&root).unwrap().display(), line + 1))
        })
        .collect();
    assert!(offenders.is_empty(), "files that refer to {needle}: {offenders:?}");
}

#[test]
fn the_docs_name_no_path_outside_the_repository() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for doc in ["README.md", "ARCHITECTURE.md"] {
        let text = std::fs::read_to_string(root.join(doc)).unwrap();
        for (number, line) in text.lines().enumerate() {
            assert!(
                !line.contains("](../") && !line.contains("`../"),
                "{doc}:{} names a path outside the repository: {line}",
                number + 1
            );
        }
    }
}
