//! The editor's buffers: the app's source and the project's other files as the learner types
//! them, and which tab is on screen. The server runs its own copy (the world's served code and
//! files), which lags these while the learner types; the workspace compares the two to know
//! whether it must restart the server.
//!
//! The fields are private so one rule holds everywhere: the tab on screen is `app.py` or a file
//! the buffers hold (a change that removes the open file shows `app.py` again).

use crate::flask::project::{FileChanges, ProjectFiles};

/// The name of the app's own tab.
pub const APP_FILE: &str = "app.py";

/// What the editor holds: the code, the other files, the tab on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditorBuffers {
    code: String,
    files: ProjectFiles,
    /// `None` for `app.py`, else a path of `files`.
    open_file: Option<String>,
}

impl EditorBuffers {
    /// Buffers holding `code` and `files`, with `app.py` on screen.
    pub fn new(code: String, files: ProjectFiles) -> EditorBuffers {
        EditorBuffers {
            code,
            files,
            open_file: None,
        }
    }

    /// The app's source.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The project's other files.
    pub fn files(&self) -> &ProjectFiles {
        &self.files
    }

    /// The project file on screen, or `None` for `app.py`.
    pub fn open_file(&self) -> Option<&str> {
        self.open_file.as_deref()
    }

    /// The name of the tab on screen (`app.py` or a project file's path).
    pub fn open_file_name(&self) -> &str {
        self.open_file.as_deref().unwrap_or(APP_FILE)
    }

    /// The text of the tab on screen.
    pub fn open_text(&self) -> &str {
        match &self.open_file {
            Some(path) => self.files.get(path).unwrap_or_default(),
            None => &self.code,
        }
    }

    /// The app's source becomes `code`.
    pub fn set_code(&mut self, code: String) {
        self.code = code;
    }

    /// Writes (`Some`) or deletes (`None`) files; returns whether any file changed. A deleted
    /// open file gives its place on screen to `app.py`.
    pub fn change_files(&mut self, changes: &FileChanges) -> bool {
        let files = self.files.with_changes(changes);
        let changed = files != self.files;
        self.files = files;
        if let Some(path) = &self.open_file
            && self.files.get(path).is_none()
        {
            self.open_file = None;
        }
        changed
    }

    /// Shows the tab `name` (`app.py` or a file the buffers hold); returns whether it is on
    /// screen now (a name of no file changes nothing).
    pub fn open(&mut self, name: &str) -> bool {
        if name == APP_FILE {
            self.open_file = None;
        } else if self.files.get(name).is_some() {
            self.open_file = Some(name.to_string());
        } else {
            return false;
        }
        true
    }

    /// These buffers showing `name` if they hold it, else `app.py` (a past state's files with the
    /// tab the learner has open now).
    pub fn showing(mut self, name: &str) -> EditorBuffers {
        if !self.open(name) {
            self.open_file = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_template() -> EditorBuffers {
        EditorBuffers::new(
            "print(1)\n".into(),
            ProjectFiles::new([("templates/a.html".to_string(), "<p>a</p>".to_string())]),
        )
    }

    #[test]
    fn a_new_editor_shows_app_py_and_its_code() {
        let editor = with_template();
        assert_eq!(
            (
                editor.open_file(),
                editor.open_file_name(),
                editor.open_text()
            ),
            (None, "app.py", "print(1)\n")
        );
    }

    #[test]
    fn only_a_held_file_opens_and_its_text_is_on_screen() {
        let mut editor = with_template();
        assert!(!editor.open("templates/b.html"));
        assert_eq!(editor.open_file_name(), "app.py");
        assert!(editor.open("templates/a.html"));
        assert_eq!(
            (editor.open_file(), editor.open_text()),
            (Some("templates/a.html"), "<p>a</p>")
        );
        assert!(editor.open("app.py"));
        assert_eq!(editor.open_file(), None);
    }

    #[test]
    fn changing_files_says_whether_anything_changed_and_closes_a_deleted_tab() {
        let mut editor = with_template();
        editor.open("templates/a.html");
        let same: FileChanges = [("templates/a.html".to_string(), Some("<p>a</p>".into()))].into();
        assert!(!editor.change_files(&same));
        assert_eq!(editor.open_file(), Some("templates/a.html"));
        let added: FileChanges = [("b.txt".to_string(), Some("b".into()))].into();
        assert!(editor.change_files(&added));
        assert_eq!(editor.files().get("b.txt"), Some("b"));
        let deleted: FileChanges = [("templates/a.html".to_string(), None)].into();
        assert!(editor.change_files(&deleted));
        assert_eq!(
            (editor.open_file(), editor.open_text()),
            (None, "print(1)\n")
        );
    }

    #[test]
    fn showing_keeps_a_held_tab_and_falls_back_to_app_py() {
        let editor = with_template().showing("templates/a.html");
        assert_eq!(editor.open_file(), Some("templates/a.html"));
        let editor = editor.showing("gone.txt");
        assert_eq!(editor.open_file(), None);
    }

    #[test]
    fn set_code_changes_only_the_code() {
        let mut editor = with_template();
        editor.open("templates/a.html");
        editor.set_code("print(2)\n".into());
        assert_eq!(editor.code(), "print(2)\n");
        assert_eq!(editor.open_text(), "<p>a</p>");
    }
}
