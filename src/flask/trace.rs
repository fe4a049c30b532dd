//! The session as the server saw it during one request, for the UI's server view: the data when
//! the request opened it and when Flask saved it, the flags Flask's save rule reads, whether a
//! `Set-Cookie` for the session was written, and why (not) — plus the key diff between the two.
//!
//! What a learner sees: every key and value is the `repr()` the app itself would print (for the
//! default session that is the tagged-JSON-*decoded* value, e.g. `(1, 2)` for a tuple, not the
//! wire form `{" t":[1,2]}`), taken *at that moment*: the "opened" picture is rendered before the
//! view runs, so a nested mutation (`session['cart'].append(...)`) shows up as a changed value
//! even though `modified` stays `False` — exactly the trap the lessons teach.

use serde::{Deserialize, Serialize};

/// One session key and its value, both as Python reprs (`'visits'`, `3`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionEntry {
    /// `repr(key)`.
    pub key: String,
    /// `repr(value)`.
    pub value: String,
}

/// Where the session the request opened came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionSource {
    /// No `SECRET_KEY`: Flask used a `NullSession` (reads work, writes raise).
    NoSecretKey,
    /// The request carried no session cookie: a new, empty session.
    NoCookie,
    /// The signed cookie verified: its data.
    Cookie,
    /// The cookie was there but did not verify (tampered, wrong key, too old): an empty session.
    Rejected(String),
    /// The app installed its own `session_interface` (e.g. Flask-Session): its `open_session`
    /// decided; the name is the interface's class.
    Interface(String),
    /// The session could not be opened (its `open_session` raised).
    OpenFailed,
}

/// What `save_session` did about the cookie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CookieOutcome {
    /// A `Set-Cookie` carrying the session was written.
    Written(WriteReason),
    /// The session was emptied by this request: a `Set-Cookie` deleting the cookie was written.
    Deleted,
    /// No `Set-Cookie` for the session.
    NotWritten(SkipReason),
}

/// Why the session cookie was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WriteReason {
    /// `session.modified` was true.
    Modified,
    /// Not modified, but the session is permanent and `SESSION_REFRESH_EACH_REQUEST` is on:
    /// Flask re-sends it to push the expiry forward.
    RefreshPermanent,
    /// A custom session interface wrote it.
    Interface,
}

/// Why no session cookie was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// A `NullSession` (no secret key) is never saved.
    NullSession,
    /// The session is empty and this request did not change it.
    EmptyNotModified,
    /// The session has data but was not modified (and is not a permanent session being
    /// refreshed).
    NotModified,
    /// An error escaped Flask's handling, so `save_session` never ran.
    NotSaved,
    /// A custom session interface chose not to write one.
    Interface,
}

impl std::fmt::Display for CookieOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CookieOutcome::Written(WriteReason::Modified) => {
                f.write_str("Set-Cookie written: the session was modified")
            }
            CookieOutcome::Written(WriteReason::RefreshPermanent) => f.write_str(
                "Set-Cookie written: not modified, but a permanent session is re-sent on every request (SESSION_REFRESH_EACH_REQUEST)",
            ),
            CookieOutcome::Written(WriteReason::Interface) => {
                f.write_str("Set-Cookie written by the app's session interface")
            }
            CookieOutcome::Deleted => f.write_str(
                "Set-Cookie deletes the cookie: the session was emptied during this request",
            ),
            CookieOutcome::NotWritten(reason) => write!(f, "no Set-Cookie: {reason}"),
        }
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SkipReason::NullSession => "no secret key, so the session is a NullSession and is never saved",
            SkipReason::EmptyNotModified => "the session is empty and was not modified",
            SkipReason::NotModified => "the session was not modified",
            SkipReason::NotSaved => "an error escaped the app before the session was saved",
            SkipReason::Interface => "the app's session interface did not set one",
        })
    }
}

impl std::fmt::Display for SessionSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionSource::NoSecretKey => f.write_str("no secret key: NullSession"),
            SessionSource::NoCookie => f.write_str("no session cookie: a new, empty session"),
            SessionSource::Cookie => f.write_str("from the signed session cookie"),
            SessionSource::Rejected(why) => {
                write!(f, "the session cookie was rejected ({why}): an empty session")
            }
            SessionSource::Interface(name) => write!(f, "opened by {name}.open_session"),
            SessionSource::OpenFailed => f.write_str("open_session raised: no session"),
        }
    }
}

/// One request's session, before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTrace {
    /// The session class the handler saw (`SecureCookieSession`, `NullSession`,
    /// `FileSystemSession`, ...).
    pub class_name: String,
    /// Where the opened session came from.
    pub source: SessionSource,
    /// The session id, for a server-side session (Flask-Session's `sid`).
    pub sid: Option<String>,
    /// The data when the request opened the session, before any app code ran.
    pub opened: Vec<SessionEntry>,
    /// The data when Flask saved it (or at the end of the request when it was not saved).
    pub saved: Vec<SessionEntry>,
    /// Whether `save_session` ran.
    pub save_ran: bool,
    /// `session.modified` at save time.
    pub modified: bool,
    /// `session.permanent` at save time.
    pub permanent: bool,
    /// `session.new` (always `False` for Flask's cookie session).
    pub new: bool,
    /// `session.accessed` at save time (Flask adds `Vary: Cookie` when true).
    pub accessed: bool,
    /// What happened to the cookie.
    pub cookie: CookieOutcome,
}

impl SessionTrace {
    /// The key diff between [`SessionTrace::opened`] and [`SessionTrace::saved`].
    pub fn diff(&self) -> SessionDiff {
        diff_entries(&self.opened, &self.saved)
    }
}

/// A key whose value changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedEntry {
    /// `repr(key)`.
    pub key: String,
    /// The value before.
    pub before: String,
    /// The value after.
    pub after: String,
}

/// Added, changed and removed keys, each in the order the session holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDiff {
    /// Keys only in the later picture.
    pub added: Vec<SessionEntry>,
    /// Keys in both whose value repr differs.
    pub changed: Vec<ChangedEntry>,
    /// Keys only in the earlier picture.
    pub removed: Vec<SessionEntry>,
}

impl SessionDiff {
    /// True when nothing was added, changed or removed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Compares two pictures of a session by key (reprs compare as text: `1` and `True` differ,
/// as they would to a learner reading them).
pub fn diff_entries(before: &[SessionEntry], after: &[SessionEntry]) -> SessionDiff {
    let find = |list: &[SessionEntry], key: &str| {
        list.iter()
            .find(|e| e.key == key)
            .map(|e| e.value.clone())
    };
    let mut diff = SessionDiff::default();
    for entry in after {
        match find(before, &entry.key) {
            None => diff.added.push(entry.clone()),
            Some(old) if old != entry.value => diff.changed.push(ChangedEntry {
                key: entry.key.clone(),
                before: old,
                after: entry.value.clone(),
            }),
            Some(_) => {}
        }
    }
    for entry in before {
        if find(after, &entry.key).is_none() {
            diff.removed.push(entry.clone());
        }
    }
    diff
}

/// The flags and facts Flask's `save_session` rule reads, for [`cookie_outcome`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveFacts {
    /// A NullSession.
    pub null: bool,
    /// `save_session` ran.
    pub save_ran: bool,
    /// The session had no data at save time.
    pub empty: bool,
    /// `session.modified`.
    pub modified: bool,
    /// `session.permanent`.
    pub permanent: bool,
    /// `SESSION_REFRESH_EACH_REQUEST`.
    pub refresh_each_request: bool,
    /// The default `SecureCookieSessionInterface` (whose rule is known); false for custom ones.
    pub default_interface: bool,
    /// The final response has a `Set-Cookie` for the session cookie's name.
    pub set_cookie: bool,
    /// ... and that `Set-Cookie` deletes it (empty value with `Max-Age=0` / past `Expires`).
    pub set_cookie_deletes: bool,
}

/// Flask's `SecureCookieSessionInterface.save_session` decision, explained. The response is
/// the final word: if an `after_request` function set or removed the cookie itself, what the
/// response carries wins over what the rule predicts.
pub fn cookie_outcome(facts: SaveFacts) -> CookieOutcome {
    if facts.set_cookie_deletes {
        return CookieOutcome::Deleted;
    }
    if facts.set_cookie {
        if !facts.default_interface {
            return CookieOutcome::Written(WriteReason::Interface);
        }
        return CookieOutcome::Written(if facts.modified || !facts.permanent {
            WriteReason::Modified
        } else {
            WriteReason::RefreshPermanent
        });
    }
    CookieOutcome::NotWritten(if facts.null {
        SkipReason::NullSession
    } else if !facts.save_ran {
        SkipReason::NotSaved
    } else if !facts.default_interface {
        SkipReason::Interface
    } else if facts.empty {
        SkipReason::EmptyNotModified
    } else {
        SkipReason::NotModified
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(key: &str, value: &str) -> SessionEntry {
        SessionEntry {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn diff_lists_added_changed_removed_in_session_order() {
        let before = [e("'a'", "1"), e("'b'", "[1]"), e("'c'", "'x'")];
        let after = [e("'b'", "[1, 2]"), e("'c'", "'x'"), e("'d'", "True")];
        let diff = diff_entries(&before, &after);
        assert_eq!(diff.added, vec![e("'d'", "True")]);
        assert_eq!(
            diff.changed,
            vec![ChangedEntry {
                key: "'b'".into(),
                before: "[1]".into(),
                after: "[1, 2]".into()
            }]
        );
        assert_eq!(diff.removed, vec![e("'a'", "1")]);
        assert!(diff_entries(&after, &after).is_empty());
    }

    #[test]
    fn outcome_follows_flasks_rule_and_the_response() {
        let base = SaveFacts {
            save_ran: true,
            default_interface: true,
            refresh_each_request: true,
            ..SaveFacts::default()
        };
        let written = SaveFacts {
            set_cookie: true,
            ..base
        };
        assert_eq!(
            cookie_outcome(SaveFacts {
                modified: true,
                ..written
            }),
            CookieOutcome::Written(WriteReason::Modified)
        );
        assert_eq!(
            cookie_outcome(SaveFacts {
                permanent: true,
                ..written
            }),
            CookieOutcome::Written(WriteReason::RefreshPermanent)
        );
        assert_eq!(
            cookie_outcome(SaveFacts { empty: true, ..base }),
            CookieOutcome::NotWritten(SkipReason::EmptyNotModified)
        );
        assert_eq!(
            cookie_outcome(base),
            CookieOutcome::NotWritten(SkipReason::NotModified)
        );
        assert_eq!(
            cookie_outcome(SaveFacts { null: true, ..base }),
            CookieOutcome::NotWritten(SkipReason::NullSession)
        );
        assert_eq!(
            cookie_outcome(SaveFacts {
                set_cookie_deletes: true,
                set_cookie: true,
                ..base
            }),
            CookieOutcome::Deleted
        );
        assert_eq!(
            CookieOutcome::NotWritten(SkipReason::EmptyNotModified).to_string(),
            "no Set-Cookie: the session is empty and was not modified"
        );
    }
}
