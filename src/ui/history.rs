//! The workspace's history as data: where it started ([`Start`]) and every effective step since,
//! as the scenario layer's [`Step`]s (the same steps lesson files script and share links carry).
//! Replaying the steps from the start on a fresh server rebuilds the same state — the jars, the
//! pages, the server's module globals, the log — because every layer below is deterministic
//! (one virtual clock, a seeded RNG). Rewind, "continue from here", share links and the saved
//! workspace are all built on that, so the derived state is never serialised, only this.
//!
//! Code edits are not steps (typing is not an action on the timeline); what the server ran is:
//! each restart of the app on new code is an `edit_code` step. The start's own code is served
//! without a step, which keeps links short.

use crate::flask::project::ProjectFiles;
pub use crate::scenario::Step;
use crate::scenario::lesson::Settings;
use crate::scenario::share::{SHARE_VERSION, SharedState};

/// Where a workspace starts: the code in the editor, the settings (clock, profiles, session
/// mode), and the lesson it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    /// The app's source at the start.
    pub code: String,
    /// The project's other files at the start (templates, static, data).
    pub files: ProjectFiles,
    /// The virtual time, the profiles (the first active), the session mode.
    pub settings: Settings,
    /// The built-in lesson this workspace follows, if any.
    pub lesson: Option<String>,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            code: super::SEED_APP.to_string(),
            files: ProjectFiles::default(),
            settings: Settings::default(),
            lesson: None,
        }
    }
}

impl Start {
    /// The share-link form of a workspace that started here and took `steps`: the code and
    /// settings are left out when they are the lesson's (or the playground's) own.
    pub fn share(&self, own: &Start, steps: &[Step]) -> SharedState {
        SharedState {
            version: SHARE_VERSION,
            lesson: self.lesson.clone(),
            code: (self.code != own.code).then(|| self.code.clone()),
            files: (self.files != own.files).then(|| self.files.to_map()),
            settings: (self.settings != own.settings).then(|| self.settings.clone()),
            actions: steps.to_vec(),
            ..SharedState::default()
        }
    }

    /// The start a shared state describes, given the start of its lesson (or the default one).
    pub fn from_shared(shared: &SharedState, own: &Start) -> Start {
        Start {
            code: shared.code.clone().unwrap_or_else(|| own.code.clone()),
            files: shared.files.as_ref().map_or_else(
                || own.files.clone(),
                |files| ProjectFiles::new(files.clone()),
            ),
            settings: shared
                .settings
                .clone()
                .unwrap_or_else(|| own.settings.clone()),
            lesson: shared.lesson.clone(),
        }
    }
}
