//! The project folder: `app.py`'s sibling files (`templates/*.html`, `static/*`, data files),
//! by relative path. One value carries them from a scenario or the page's workspace into the
//! server, where `open()`, the template loader and the static route read them; it is shared
//! (an `Rc`), so a world's copies and every reload cost no copy of the texts.
//!
//! Which paths a project may hold is decided here once ([`check_path`]), for the scenario
//! parser and any editor that adds a file.

use std::collections::BTreeMap;
use std::rc::Rc;

/// The app's folder as the app sees it (`app.root_path`, with a final `/`): `open()` of a
/// path under it reads the project file at the rest of the path.
pub const APP_ROOT: &str = "/project/";

/// The project's files other than `app.py`: relative path (`/`-separated) → text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectFiles(Rc<BTreeMap<String, String>>);

impl ProjectFiles {
    /// The files of `entries`; the caller has checked each path with [`check_path`].
    pub fn new(entries: impl IntoIterator<Item = (String, String)>) -> ProjectFiles {
        ProjectFiles(Rc::new(entries.into_iter().collect()))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every file, by path in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The text of the file at `path`, a path relative to the app's folder as `open()` takes it
    /// (`./a/../b.txt` is `b.txt`); `None` if the project has no such file.
    ///
    /// ```
    /// use session_playground::flask::project::ProjectFiles;
    /// let files = ProjectFiles::new([("data/users.txt".to_string(), "alice\n".to_string())]);
    /// assert_eq!(files.get("./data/../data/users.txt"), Some("alice\n"));
    /// assert_eq!(files.get("users.txt"), None);
    /// ```
    pub fn get(&self, path: &str) -> Option<&str> {
        let normal = normalize(path)?;
        self.0.get(&normal).map(String::as_str)
    }

    /// Whether `path` names a folder of the project (some file lies under it).
    pub fn is_dir(&self, path: &str) -> bool {
        let Some(normal) = normalize(path) else {
            return false;
        };
        if normal.is_empty() {
            return true;
        }
        let prefix = format!("{normal}/");
        self.0.keys().any(|k| k.starts_with(&prefix))
    }
}

/// `path` relative to the app's folder without `.`/`..` segments; `None` when it climbs out of
/// the folder (nothing of the project lies there).
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Whether `path` may name a project file: relative, `/`-separated, no empty, `.` or `..`
/// segment, and not `app.py` (the code itself). `Err` says why, in the contract's words.
///
/// ```
/// use session_playground::flask::project::check_path;
/// assert!(check_path("templates/index.html").is_ok());
/// assert!(check_path("/etc/passwd").is_err());
/// assert!(check_path("templates/../app.py").is_err());
/// assert!(check_path("app.py").is_err());
/// ```
pub fn check_path(path: &str) -> Result<(), String> {
    if path == "app.py" {
        return Err("'app.py' is the app's code, given as 'code'".into());
    }
    if path.contains('\\') {
        return Err("a path uses '/' between folders, not '\\'".into());
    }
    if path
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Err("a path is relative with no empty, '.' or '..' segment".into());
    }
    if path.chars().any(|c| (c as u32) < 0x20 || c as u32 == 0x7f) {
        return Err("a path has no control characters".into());
    }
    Ok(())
}

/// The first path of `paths` that is also a folder of another (`a` and `a/b.txt` cannot both
/// be in one folder on disk).
pub fn file_and_folder<'a>(paths: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    paths.clone().find(|p| {
        let prefix = format!("{p}/");
        paths.clone().any(|q| q.starts_with(&prefix))
    })
}

/// The most files a project holds beside `app.py` (what an editor or a link may add).
pub const MAX_FILES: usize = 64;

/// The longest file a project holds, in bytes of UTF-8 (a template or stylesheet is far less).
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// Changes to a project's files: path → its new text, or `None` for a file deleted. A rename
/// is the old path deleted and the new one written.
pub type FileChanges = BTreeMap<String, Option<String>>;

impl ProjectFiles {
    /// These files with `changes` applied.
    ///
    /// ```
    /// use session_playground::flask::project::{FileChanges, ProjectFiles};
    /// let files = ProjectFiles::new([("a.txt".to_string(), "1".to_string())]);
    /// let changes = FileChanges::from([("a.txt".to_string(), None), ("b.txt".to_string(), Some("2".to_string()))]);
    /// let changed = files.with_changes(&changes);
    /// assert_eq!((changed.get("a.txt"), changed.get("b.txt")), (None, Some("2")));
    /// assert_eq!(files.changes_to(&changed), changes);
    /// ```
    pub fn with_changes(&self, changes: &FileChanges) -> ProjectFiles {
        let mut map = (*self.0).clone();
        for (path, text) in changes {
            match text {
                Some(text) => map.insert(path.clone(), text.clone()),
                None => map.remove(path),
            };
        }
        ProjectFiles(Rc::new(map))
    }

    /// What changes turn these files into `other` (empty when they are the same).
    pub fn changes_to(&self, other: &ProjectFiles) -> FileChanges {
        let mut changes = FileChanges::new();
        for (path, text) in other.iter() {
            if self.0.get(path).map(String::as_str) != Some(text) {
                changes.insert(path.to_string(), Some(text.to_string()));
            }
        }
        for path in self.0.keys() {
            if !other.0.contains_key(path) {
                changes.insert(path.clone(), None);
            }
        }
        changes
    }

    /// The files as a plain map (what saved work and links write).
    pub fn to_map(&self) -> BTreeMap<String, String> {
        (*self.0).clone()
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// Whether a project may hold exactly `files` (paths and texts): each path passes
/// [`check_path`], no path is also another's folder, at most [`MAX_FILES`] files of at most
/// [`MAX_FILE_BYTES`] each. `Err` names the file and says why, in the learner's terms. The one
/// check for anything that brings files in from outside (a link, saved work, a lesson).
///
/// ```
/// use session_playground::flask::project::check_files;
/// assert!(check_files([("static/a.css", "p {}")]).is_ok());
/// let err = check_files([("../secret", "")]).unwrap_err();
/// assert!(err.contains("'../secret'"), "{err}");
/// ```
pub fn check_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<(), String> {
    let files: Vec<(&str, &str)> = files.into_iter().collect();
    if files.len() > MAX_FILES {
        return Err(format!(
            "{} files (a project holds at most {MAX_FILES} besides app.py)",
            files.len()
        ));
    }
    for (path, text) in &files {
        check_path(path)
            .map_err(|why| format!("the file {} cannot be held: {why}", quoted(path)))?;
        if text.len() > MAX_FILE_BYTES {
            return Err(format!(
                "the file {} is {} bytes (the most a file may hold is {MAX_FILE_BYTES})",
                quoted(path),
                text.len()
            ));
        }
    }
    if let Some(path) = file_and_folder(files.iter().map(|(path, _)| *path)) {
        return Err(format!("{} is both a file and a folder", quoted(path)));
    }
    Ok(())
}

/// A path as the learner reads it in a message: quoted, control characters escaped, long ones
/// cut short.
fn quoted(path: &str) -> String {
    let short: String = path.chars().take(80).collect();
    let more = if short.len() < path.len() { "…" } else { "" };
    format!("{}{more}", crate::python::text::str_repr(&short))
}
