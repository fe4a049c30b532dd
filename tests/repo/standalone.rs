//! The repository stands alone: a plain clone, with nothing beside it, must set up and pass its
//! tests, so no tracked file may point at a folder outside it (our build machines keep a shared
//! folder beside the project; a clone from the project's public home has no such thing). Data
//! taken from elsewhere is copied in with its source named (e.g. `tests/browser_layer/wpt-cookies`).

use std::path::{Path, PathBuf};

mod imports;

/// Folders that are built or installed, never written by hand.
const SKIPPED_DIRS: &[&str] = &[
    ".git",
    "target",
    "node_modules",
    "dist",
    ".venv",
    "corpus",
    "artifacts",
];

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
    assert!(
        files.len() > 100,
        "the walk found the repository's files ({})",
        files.len()
    );
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read(path).ok()?;
            let text = String::from_utf8_lossy(&text);
            let line = text.lines().position(|line| line.contains(&needle))?;
            Some(format!(
                "{}:{}",
                path.strip_prefix(&root).unwrap().display(),
                line + 1
            ))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "files that refer to {needle}: {offenders:?}"
    );
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

/// build.rs embeds the Python preludes and stdlib modules without comments: every line of the
/// copy must be its source line with at most a comment (and the spaces before it) cut off, so
/// no code is lost and line numbers stay. (That the copies run is what every suite checks.)
#[test]
fn comment_free_copies_keep_every_line() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let embedded = [
        (
            "src/flask/prelude/flask.py",
            session_playground::flask::server::FLASK_PRELUDE,
        ),
        (
            "src/flask/prelude/markupsafe.py",
            session_playground::flask::server::MARKUPSAFE_PRELUDE,
        ),
        (
            "src/flask/prelude/flask_session.py",
            session_playground::flask::server::FLASK_SESSION_PRELUDE,
        ),
        (
            "src/flask/prelude/cachelib.py",
            session_playground::flask::server::CACHELIB_PRELUDE,
        ),
    ];
    let mut cut = 0;
    for (path, copy) in embedded {
        let source = std::fs::read_to_string(root.join(path)).unwrap();
        let (source_lines, copy_lines): (Vec<&str>, Vec<&str>) =
            (source.split('\n').collect(), copy.split('\n').collect());
        assert_eq!(
            source_lines.len(),
            copy_lines.len(),
            "{path}: the copy keeps every line"
        );
        for (number, (original, kept)) in source_lines.iter().zip(&copy_lines).enumerate() {
            assert!(
                original.starts_with(kept),
                "{path}:{}: {kept:?} is not the start of {original:?}",
                number + 1
            );
            let rest = original[kept.len()..].trim_start();
            assert!(
                rest.is_empty() || rest.starts_with('#'),
                "{path}:{}: code was cut: {rest:?}",
                number + 1
            );
            cut += usize::from(!rest.is_empty());
        }
    }
    assert!(cut > 100, "comments were removed ({cut} lines)");
}
