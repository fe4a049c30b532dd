//! No import circles among the crate's files (ARCHITECTURE.md's invariant): the files of `src/`
//! and the paths between them, read from the source text, must form no cycle — except inside
//! `python/`, whose object model is recursive by nature (evaluating calls a function, which
//! evaluates; ARCHITECTURE.md names it and says why).
//!
//! What it reads (rustfmt-formatted Rust, which is what `scripts/test` keeps): every `use` item
//! that starts with `crate::`, `super::` or `self::` (brace groups, `self` and `as` included),
//! every other path in the code that starts with one of them or with a module such a `use`
//! brought in (`use crate::scenario;` then `scenario::world::World`). Comment lines are skipped;
//! a `#[cfg(test)]` inline module is skipped too (test code is no part of the map); another
//! inline module (`mod imp { .. }` at column 0, closed by a `}` at column 0) counts as its
//! file. A path names the longest module prefix that is a file; through a `mod.rs`, a name it
//! re-exports (`pub use x::Y;`) leads on to `x`'s file, so re-exports make no edge of their own.
//! A macro or a string that spells a path is not read; a path the reader cannot place names no
//! file; a method called on a value names no module, so an `impl` of a type in another file is
//! seen only through the imports that file itself needs. Written by hand: a Rust parser crate
//! would be a new dependency for one test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path from the crate root (`["flask", "natives"]`).
type ModPath = Vec<String>;

/// The source files: the module each one is, and its text.
struct Crate {
    /// File (relative to `src/`, with `/`) → its text.
    files: BTreeMap<String, String>,
    /// Module path → the file that is that module.
    modules: BTreeMap<ModPath, String>,
    /// For each `mod.rs`/`lib.rs`: re-exported name → the path it stands for.
    reexports: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
}

fn module_of(file: &str) -> ModPath {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn is_mod_file(file: &str) -> bool {
    file.ends_with("mod.rs") || file == "lib.rs"
}

/// A column-0 inline module's opening line: its name.
fn inline_module(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("pub(crate) ")
        .or_else(|| line.strip_prefix("pub "))
        .unwrap_or(line);
    let name = rest.strip_prefix("mod ")?.strip_suffix(" {")?;
    name.chars()
        .all(|c| c.is_alphanumeric() || c == '_')
        .then_some(name)
}

/// The file's code lines with their numbers and the module path `self` means on them: comment
/// lines and test modules left out.
fn code_lines(file: &str, text: &str) -> Vec<(usize, ModPath, String)> {
    let own = module_of(file);
    let mut lines = Vec::new();
    let mut inside: Option<(bool, String)> = None;
    let mut previous = "";
    for (number, line) in text.lines().enumerate() {
        if let Some((test, name)) = &inside {
            if line == "}" {
                inside = None;
            } else if !*test && !line.trim_start().starts_with("//") {
                let mut module = own.clone();
                module.push(name.clone());
                lines.push((number + 1, module, line.to_string()));
            }
        } else if let Some(name) = inline_module(line) {
            let test = previous.trim() == "#[cfg(test)]";
            inside = Some((test, name.to_string()));
        } else if !line.trim_start().starts_with("//") {
            lines.push((number + 1, own.clone(), line.to_string()));
        }
        previous = line;
    }
    lines
}

/// Expands a `use` tree (`a::{b, c::{self, D as E}}`) into (path, name it binds) pairs.
fn expand_tree(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, String)>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        let mut depth = 0;
        let mut start = 0;
        for (at, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_tree(prefix, &inner[start..at], out);
                    start = at + 1;
                }
                _ => {}
            }
        }
        expand_tree(prefix, &inner[start..], out);
        return;
    }
    if let Some(brace) = tree.find('{') {
        let head = tree[..brace].trim_end_matches("::");
        let mut path = prefix.to_vec();
        path.extend(
            head.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        expand_tree(&path, &tree[brace..], out);
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((path, alias)) => (path.trim(), Some(alias.trim())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    full.extend(path.split("::").map(|s| s.trim().to_string()));
    if full.last().map(String::as_str) == Some("self") {
        full.pop();
    }
    let name = alias
        .map(str::to_string)
        .or_else(|| full.last().cloned())
        .unwrap_or_default();
    out.push((full, name));
}

/// A path as written (`super::x::Y`, `crate::a::B`) made absolute from the module `here`.
fn absolute(here: &[String], path: &[String]) -> Option<ModPath> {
    let mut base: ModPath = here.to_vec();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("super" | "self") => {}
        _ => return None,
    }
    while let Some(first) = rest.first() {
        match first.as_str() {
            "super" => {
                base.pop()?;
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// A `use` item: where it starts, the module `self` is there, its tree, whether it is `pub`.
struct UseItem {
    line: usize,
    here: ModPath,
    tree: String,
    public: bool,
}

/// Every `use` item of the lines, and the numbers of the lines they cover.
fn use_items(lines: &[(usize, ModPath, String)]) -> (Vec<UseItem>, BTreeSet<usize>) {
    let mut items = Vec::new();
    let mut covered = BTreeSet::new();
    let mut open: Option<UseItem> = None;
    for (number, here, line) in lines {
        let trimmed = line.trim();
        if let Some(item) = &mut open {
            item.tree.push(' ');
            item.tree.push_str(trimmed);
        } else {
            let public = trimmed.starts_with("pub ") || trimmed.starts_with("pub(");
            let after_vis = if public {
                trimmed.split_once(' ').map_or("", |(_, rest)| rest)
            } else {
                trimmed
            };
            if let Some(tree) = after_vis.strip_prefix("use ") {
                open = Some(UseItem {
                    line: *number,
                    here: here.clone(),
                    tree: tree.to_string(),
                    public,
                });
            }
        }
        if let Some(mut item) = open.take() {
            covered.insert(*number);
            if item.tree.ends_with(';') {
                item.tree.pop();
                items.push(item);
            } else {
                open = Some(item);
            }
        }
    }
    (items, covered)
}

/// Splits code into `word::word::…` runs (identifiers joined by `::`), with no preceding `::`.
fn paths_in(line: &str) -> Vec<Vec<String>> {
    let bytes = line.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut paths = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !word(bytes[at]) || (at > 0 && (word(bytes[at - 1]) || bytes[at - 1] == b':')) {
            at += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut end = at;
        loop {
            let start = end;
            while end < bytes.len() && word(bytes[end]) {
                end += 1;
            }
            segments.push(line[start..end].to_string());
            if line[end..].starts_with("::") && end + 2 < bytes.len() && word(bytes[end + 2]) {
                end += 2;
            } else {
                break;
            }
        }
        if segments.len() > 1 {
            paths.push(segments);
        }
        at = end;
    }
    paths
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut files = BTreeMap::new();
        let mut pending = vec![src.to_path_buf()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).expect("readable folder") {
                let path = entry.expect("readable entry").path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let name = path
                        .strip_prefix(src)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    // The binary is a crate of its own, reaching the library by its name.
                    if name != "main.rs" {
                        files.insert(name, std::fs::read_to_string(&path).unwrap());
                    }
                }
            }
        }
        Crate::from_files(files)
    }

    fn from_files(files: BTreeMap<String, String>) -> Crate {
        let modules = files
            .keys()
            .map(|file| (module_of(file), file.clone()))
            .collect();
        let mut reexports: BTreeMap<ModPath, BTreeMap<String, ModPath>> = BTreeMap::new();
        for (file, text) in &files {
            if !is_mod_file(file) {
                continue;
            }
            let module = module_of(file);
            for item in use_items(&code_lines(file, text)).0 {
                if !item.public {
                    continue;
                }
                let mut pairs = Vec::new();
                expand_tree(&[], &item.tree, &mut pairs);
                for (path, name) in pairs {
                    // `pub use x::Y` in a mod.rs names its own child `x`.
                    let full = absolute(&item.here, &path).unwrap_or_else(|| {
                        let mut full = module.clone();
                        full.extend(path.iter().cloned());
                        full
                    });
                    reexports
                        .entry(module.clone())
                        .or_default()
                        .insert(name, full);
                }
            }
        }
        Crate {
            files,
            modules,
            reexports,
        }
    }

    /// The file a module path leads to (through re-exports), if it names one.
    fn resolve(&self, path: &[String], depth: usize) -> Option<&String> {
        for length in (0..=path.len()).rev() {
            let Some(file) = self.modules.get(&path[..length]) else {
                continue;
            };
            if is_mod_file(file) && length < path.len() && depth < 16 {
                let target = self
                    .reexports
                    .get(&path[..length])
                    .and_then(|names| names.get(&path[length]));
                if let Some(target) = target {
                    let mut onward = target.clone();
                    onward.extend(path[length + 1..].iter().cloned());
                    return self.resolve(&onward, depth + 1).or(Some(file));
                }
            }
            return Some(file);
        }
        None
    }

    /// The files each file's code reaches, with the first line that reaches each.
    fn edges(&self) -> BTreeMap<String, BTreeMap<String, usize>> {
        let mut edges: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (file, text) in &self.files {
            let lines = code_lines(file, text);
            let mut reached = BTreeMap::new();
            let mut add = |target: Option<&String>, line: usize| {
                if let Some(target) = target
                    && target != file
                {
                    reached.entry(target.clone()).or_insert(line);
                }
            };
            // Modules a `use` brings in by name, so `name::x` later is read from there.
            let mut aliases: BTreeMap<(ModPath, String), ModPath> = BTreeMap::new();
            let (items, use_lines) = use_items(&lines);
            for item in &items {
                let mut pairs = Vec::new();
                expand_tree(&[], &item.tree, &mut pairs);
                for (path, name) in pairs {
                    let Some(full) = absolute(&item.here, &path) else {
                        continue;
                    };
                    // A mod.rs's re-exports are followed through, not edges of its own.
                    if !(is_mod_file(file) && item.public) {
                        add(self.resolve(&full, 0), item.line);
                    }
                    if self.modules.contains_key(&full) {
                        aliases.insert((item.here.clone(), name), full);
                    }
                }
            }
            for (number, here, line) in &lines {
                if use_lines.contains(number) {
                    continue;
                }
                for path in paths_in(line) {
                    let full = absolute(here, &path).or_else(|| {
                        let base = aliases.get(&(here.clone(), path[0].clone()))?;
                        let mut full = base.clone();
                        full.extend(path[1..].iter().cloned());
                        Some(full)
                    });
                    if let Some(full) = full {
                        add(self.resolve(&full, 0), *number);
                    }
                }
            }
            edges.insert(file.clone(), reached);
        }
        edges
    }
}

/// The strongly connected components of more than one file (Tarjan's algorithm, iterative).
fn cycles(edges: &BTreeMap<String, BTreeMap<String, usize>>) -> Vec<Vec<String>> {
    let names: Vec<&String> = edges.keys().collect();
    let index_of: BTreeMap<&String, usize> =
        names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let successors: Vec<Vec<usize>> = names
        .iter()
        .map(|n| {
            edges[*n]
                .keys()
                .filter_map(|t| index_of.get(t).copied())
                .collect()
        })
        .collect();
    let count = names.len();
    let (mut index, mut low) = (vec![usize::MAX; count], vec![0; count]);
    let (mut on_stack, mut stack) = (vec![false; count], Vec::new());
    let (mut next, mut found) = (0, Vec::new());
    for root in 0..count {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0)];
        while let Some((node, child)) = work.pop() {
            if child == 0 {
                index[node] = next;
                low[node] = next;
                next += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = successors[node].get(child) {
                work.push((node, child + 1));
                if index[to] == usize::MAX {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(names[member].clone());
                    if member == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    found.push(component);
                }
            }
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
        }
    }
    found
}

/// The circles, each with the edges that close it (`a.rs:12 -> b.rs`).
fn describe(edges: &BTreeMap<String, BTreeMap<String, usize>>, cycle: &[String]) -> String {
    let mut lines = Vec::new();
    for from in cycle {
        for (to, line) in &edges[from] {
            if cycle.contains(to) {
                lines.push(format!("src/{from}:{line} -> src/{to}"));
            }
        }
    }
    lines.join("\n  ")
}

#[test]
fn no_import_circles_outside_the_interpreters_object_model() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let krate = Crate::read(&src);
    let edges = krate.edges();
    // The reader sees the engine's real imports (if it saw none, no circle could be found).
    for (from, to) in [
        ("flask/server.rs", "flask/natives.rs"),
        ("scenario/play.rs", "scenario/world.rs"),
        ("ui/reducer.rs", "ui/state.rs"),
        ("ui/state.rs", "scenario/world.rs"),
    ] {
        assert!(edges[from].contains_key(to), "{from} -> {to} not read");
    }
    let circles: Vec<String> = cycles(&edges)
        .iter()
        .filter(|cycle| !cycle.iter().all(|file| file.starts_with("python/")))
        .map(|cycle| describe(&edges, cycle))
        .collect();
    assert!(
        circles.is_empty(),
        "import circles:\n  {}",
        circles.join("\n\n  ")
    );
}

#[test]
fn the_reader_finds_a_circle_through_use_groups_aliases_and_re_exports() {
    let files = [
        ("lib.rs", "pub mod a;\n"),
        (
            "a/mod.rs",
            "pub mod b;\npub mod c;\npub mod d;\npub use d::Thing;\n",
        ),
        // A group with `self` and a rename, spread over lines as rustfmt writes it.
        (
            "a/b.rs",
            "use super::{\n    self as parent,\n    c::{self, Other},\n};\n",
        ),
        // A module brought in by `use`, then a path through it.
        ("a/c.rs", "use crate::a;\nfn f() { a::Thing::new(); }\n"),
        // A test module's imports are not read; the comment line is not either.
        (
            "a/d.rs",
            "// use crate::a::b;\npub struct Thing;\nfn g() { super::b::h(); }\n#[cfg(test)]\nmod tests {\n    use crate::a::c;\n}\n",
        ),
    ];
    let krate = Crate::from_files(
        files
            .iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect(),
    );
    let edges = krate.edges();
    assert_eq!(
        edges["a/b.rs"].keys().collect::<Vec<_>>(),
        ["a/c.rs", "a/mod.rs"]
    );
    // `a::Thing` is `d`'s, re-exported by the mod.rs.
    assert_eq!(
        edges["a/c.rs"].keys().collect::<Vec<_>>(),
        ["a/d.rs", "a/mod.rs"]
    );
    assert_eq!(edges["a/d.rs"].keys().collect::<Vec<_>>(), ["a/b.rs"]);
    assert!(edges["a/mod.rs"].is_empty(), "{:?}", edges["a/mod.rs"]);
    assert_eq!(cycles(&edges), [["a/b.rs", "a/c.rs", "a/d.rs"]]);
}
