//! The page's ties to the browser it runs in: saved work in `localStorage` (through
//! `gloo-storage`) and share links in the address's fragment. What to save and how to read it
//! back are the scenario layer's pure functions (`SavedWork::from_json`, `merge`); the rules
//! here are about never losing what storage holds:
//! - saved work this build cannot read is *set aside* under a backup key before anything is
//!   written, and the learner is told where it went (if even that fails, nothing is written);
//! - a failed write is reported with its reason (storage full, storage disabled), not swallowed;
//! - a "busy" mark is set while the page carries out an action, so a load after a tab that died
//!   mid-action (a frozen or crashed app) can open without running the work again;
//! - another tab's save reaches this tab (the `storage` event) so both keep each other's work;
//! - the page's one preference, "the welcome was put away", has a key of its own, so it never
//!   touches the saved work (and is never part of an export or a merge).
//!
//! Natively (tests) there is no storage and no address: the functions report nothing found.

use crate::scenario::saved::SavedWork;

/// The `localStorage` key of the saved work.
pub const STORAGE_KEY: &str = "flask-session-playground";

/// Where unreadable saved work is set aside: this, or this with `.2`, `.3`... if taken.
pub const BACKUP_KEY: &str = "flask-session-playground.unreadable";

/// Set while the page carries out an action; found at load, it means the last one never ended.
pub const BUSY_KEY: &str = "flask-session-playground.busy";

/// Present (`true`) once the learner put the welcome away; removed when they bring it back.
pub const WELCOME_HIDDEN_KEY: &str = "flask-session-playground.welcome-hidden";

/// What the page found in storage when it loaded.
// One value per page load, read once: boxing the large variant would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Found {
    /// No saved work (a first visit, or storage cannot be used at all).
    Nothing,
    /// Saved work this build reads.
    Work(SavedWork),
    /// Saved work this build cannot read (a newer build's, or damaged).
    Unreadable {
        /// Why it could not be read, in the learner's words.
        why: String,
        /// The key it was set aside under, or why it could not be (then nothing may be written).
        set_aside: Result<String, String>,
    },
}

/// The first free backup key, given which keys are `taken`.
///
/// ```
/// use session_playground::ui::storage::backup_key;
/// assert_eq!(backup_key(|_| false), "flask-session-playground.unreadable");
/// let taken = ["flask-session-playground.unreadable", "flask-session-playground.unreadable.2"];
/// assert_eq!(backup_key(|key| taken.contains(&key)), "flask-session-playground.unreadable.3");
/// ```
pub fn backup_key(taken: impl Fn(&str) -> bool) -> String {
    if !taken(BACKUP_KEY) {
        return BACKUP_KEY.to_string();
    }
    (2..)
        .map(|n| format!("{BACKUP_KEY}.{n}"))
        .find(|key| !taken(key))
        .expect("an unbounded search finds a free key")
}

/// The learner's words for a refused write: `name` is the DOMException's name.
///
/// ```
/// use session_playground::ui::storage::refusal;
/// assert!(refusal("QuotaExceededError").contains("full"));
/// assert!(refusal("SecurityError").contains("does not allow"));
/// ```
pub fn refusal(name: &str) -> String {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => "the browser's storage for this site is full".to_string(),
        "SecurityError" => "the browser does not allow this page to store anything (private mode or a blocked site)".to_string(),
        other => format!("the browser refused to store it ({other})"),
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use gloo_storage::errors::StorageError;
    use gloo_storage::{LocalStorage, Storage};
    use wasm_bindgen::JsCast;

    use super::{BUSY_KEY, Found, STORAGE_KEY, WELCOME_HIDDEN_KEY, backup_key, refusal};
    use crate::scenario::saved::SavedWork;

    /// Whether `localStorage` can be used at all: gloo-storage throws when it cannot (a sandboxed
    /// frame, storage blocked), so every call below asks this first.
    fn usable() -> bool {
        web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))))
    }

    fn why_refused(error: StorageError) -> String {
        match error {
            StorageError::JsError(error) => refusal(&error.name),
            other => format!("it could not be written ({other})"),
        }
    }

    pub fn load() -> Found {
        if !usable() {
            return Found::Nothing;
        }
        let why = match LocalStorage::get::<serde_json::Value>(STORAGE_KEY) {
            Err(StorageError::KeyNotFound(_)) => return Found::Nothing,
            Ok(value) => match SavedWork::from_json(value) {
                Ok(work) => return Found::Work(work),
                Err(error) => error.to_string().replace(" Nothing was changed.", ""),
            },
            Err(StorageError::SerdeError(error)) => format!("it is not complete JSON: {error}"),
            Err(StorageError::JsError(error)) => refusal(&error.name),
        };
        Found::Unreadable {
            why,
            set_aside: set_aside(),
        }
    }

    /// Copies what the storage key holds to a free backup key, then frees the key.
    fn set_aside() -> Result<String, String> {
        let raw = LocalStorage::raw();
        let text = raw.get_item(STORAGE_KEY).ok().flatten().unwrap_or_default();
        let key = backup_key(|key| raw.get_item(key).ok().flatten().is_some());
        LocalStorage::set(&key, serde_json::Value::String(text)).map_err(why_refused)?;
        LocalStorage::delete(STORAGE_KEY);
        Ok(key)
    }

    pub fn save(work: &SavedWork) -> Result<(), String> {
        if !usable() {
            return Err(refusal("SecurityError"));
        }
        LocalStorage::set(STORAGE_KEY, work).map_err(why_refused)
    }

    pub fn set_aside_text(key: &str) -> Option<String> {
        if !usable() {
            return None;
        }
        LocalStorage::get::<String>(key).ok()
    }

    thread_local! {
        /// Actions under way, whether the busy mark is in storage, and whether its removal is
        /// scheduled: a burst of actions writes the mark once and removes it once, a task after
        /// the last (two storage writes an action cost up to a few ms on a loaded machine).
        static BUSY: std::cell::Cell<(u32, bool, bool)> = const { std::cell::Cell::new((0, false, false)) };
    }

    pub fn mark_busy(busy: bool) {
        let (depth, marked, scheduled) = BUSY.get();
        if busy {
            if !marked && usable() {
                let _ = LocalStorage::set(BUSY_KEY, true);
            }
            BUSY.set((depth + 1, true, scheduled));
            return;
        }
        let depth = depth.saturating_sub(1);
        BUSY.set((depth, marked, scheduled || (depth == 0 && marked)));
        if depth == 0 && marked && !scheduled {
            yew::platform::spawn_local(async {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
                let (depth, marked, _) = BUSY.get();
                // An action that began meanwhile keeps the mark; its own end schedules again.
                if depth == 0 && marked && usable() {
                    LocalStorage::delete(BUSY_KEY);
                }
                BUSY.set((depth, marked && depth > 0, false));
            });
        }
    }

    pub fn was_busy() -> bool {
        usable() && LocalStorage::get::<bool>(BUSY_KEY).unwrap_or(false)
    }

    pub fn welcome_hidden() -> bool {
        usable() && LocalStorage::get::<bool>(WELCOME_HIDDEN_KEY).unwrap_or(false)
    }

    pub fn set_welcome_hidden(hidden: bool) {
        if usable() {
            if hidden {
                // A refused write only means the welcome shows again next time: nothing of the
                // learner's is lost, so it is not worth a banner.
                let _ = LocalStorage::set(WELCOME_HIDDEN_KEY, true);
            } else {
                LocalStorage::delete(WELCOME_HIDDEN_KEY);
            }
        }
    }

    pub fn on_other_tab(mut receive: impl FnMut(SavedWork) + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        gloo_events::EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if event.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            if let Some(work) = event
                .new_value()
                .and_then(|text| SavedWork::import(&text).ok())
            {
                receive(work);
            }
        })
        .forget();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Found;
    use crate::scenario::saved::SavedWork;

    pub fn load() -> Found {
        Found::Nothing
    }
    pub fn save(_: &SavedWork) -> Result<(), String> {
        Ok(())
    }
    pub fn set_aside_text(_: &str) -> Option<String> {
        None
    }
    pub fn mark_busy(_: bool) {}
    pub fn was_busy() -> bool {
        false
    }
    pub fn welcome_hidden() -> bool {
        false
    }
    pub fn set_welcome_hidden(_: bool) {}
    pub fn on_other_tab(_: impl FnMut(SavedWork) + 'static) {}
}

/// The saved work found in storage; unreadable work is set aside first (see the module doc).
pub fn load() -> Found {
    if read_only() {
        return Found::Nothing;
    }
    imp::load()
}

thread_local! {
    static READ_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From now on this page neither reads nor writes storage (an embedded page: the learner's saved
/// work on this site is never touched by a lesson embedded elsewhere).
pub fn set_read_only() {
    READ_ONLY.with(|flag| flag.set(true));
}

fn read_only() -> bool {
    READ_ONLY.with(std::cell::Cell::get)
}

/// Writes `work` to storage; the error says why it could not be kept, in the learner's words.
pub fn save(work: &SavedWork) -> Result<(), String> {
    if read_only() {
        return Ok(());
    }
    imp::save(work)
}

/// The text set aside under `key` (for the learner to download).
pub fn set_aside_text(key: &str) -> Option<String> {
    imp::set_aside_text(key)
}

/// Marks the page busy (an action under way) or idle again.
pub fn mark_busy(busy: bool) {
    if !read_only() {
        imp::mark_busy(busy)
    }
}

/// Whether the page was still busy when it was last left: the previous load or action never
/// ended (the tab froze or crashed).
pub fn was_busy() -> bool {
    imp::was_busy()
}

/// Whether the learner put the welcome away on an earlier visit (an embedded page never reads it).
pub fn welcome_hidden() -> bool {
    !read_only() && imp::welcome_hidden()
}

/// Remembers that the welcome was put away (`true`) or brought back (`false`).
pub fn set_welcome_hidden(hidden: bool) {
    if !read_only() {
        imp::set_welcome_hidden(hidden)
    }
}

/// Calls `receive` with what another tab of the playground saves.
pub fn on_other_tab(receive: impl FnMut(SavedWork) + 'static) {
    if !read_only() {
        imp::on_other_tab(receive)
    }
}

/// The share payload in the address (`#v1.…`), removed from the address so a reload does not
/// open it again over newer work.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let payload = hash.strip_prefix('#').unwrap_or(&hash).to_string();
    if payload.is_empty() {
        return None;
    }
    let path = window.location().pathname().ok()?;
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
    Some(payload)
}

/// The address a share link starts with: this page's origin and path.
pub fn page_address() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let location = window.location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}
