//! The server-side session store behind the playground's Flask-Session 0.8 (`from flask_session
//! import Session`): what cachelib's `FileSystemCache`/`SimpleCache` keep, in memory, plus the
//! session-id generator.
//!
//! Differences from the real thing, on purpose:
//! - Values are kept as Flask's tagged JSON text instead of pickle. Everything a session
//!   normally holds (str, int, float, bool, None, list, dict with str keys, tuple, bytes,
//!   datetime, UUID, Markup) round-trips the same; a `set` or an object pickle could store makes
//!   `TypeError` here.
//! - Session ids come from [`SidStream`], a splitmix64 stream seeded by the interpreter's seed,
//!   not `secrets.token_urlsafe` (OS randomness, which the playground never reads). The ids have
//!   the real shape (`token_urlsafe(32)`: 43 URL-safe base64 characters). The fidelity oracle
//!   replaces `secrets.token_urlsafe` with the same stream (tests/oracle/oracle.py), so real
//!   Flask-Session's transcripts carry the very ids the playground produces.
//! - The store lives as long as the server object; "filesystem" survives a reload only if the
//!   host carries it over ([`ServerStore`] is plain data).

use base64::Engine;
use serde::{Deserialize, Serialize};

/// A deterministic stand-in for `secrets.token_bytes`: splitmix64, 8 little-endian bytes per
/// step.
///
/// ```
/// use session_playground::flask::store::SidStream;
/// let mut a = SidStream::new(0);
/// let mut b = SidStream::new(0);
/// let id = a.token_urlsafe(32);
/// assert_eq!(id.len(), 43);
/// assert_eq!(id, b.token_urlsafe(32));
/// assert_ne!(id, a.token_urlsafe(32));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidStream {
    state: u64,
}

impl SidStream {
    /// A stream starting from `seed`.
    pub fn new(seed: u64) -> SidStream {
        SidStream { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `n` bytes from the stream.
    pub fn token_bytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n + 8);
        while out.len() < n {
            out.extend_from_slice(&self.next_u64().to_le_bytes());
        }
        out.truncate(n);
        out
    }

    /// `secrets.token_urlsafe(n)`: URL-safe base64 of `n` bytes, padding stripped.
    pub fn token_urlsafe(&mut self, n: usize) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(self.token_bytes(n))
    }
}

/// One stored item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreEntry {
    /// The store key (Flask-Session's `key_prefix + sid`, e.g. `session:<sid>`).
    pub key: String,
    /// The value as Flask's tagged JSON.
    pub json: String,
    /// Unix second after which the item is gone; `None` = never (cachelib's timeout 0).
    pub expires: Option<i64>,
}

/// How a cache compares the expiry with the clock (cachelib differs between its backends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiryRule {
    /// `FileSystemCache`: alive while `expires >= now`.
    Inclusive,
    /// `SimpleCache`: alive while `expires > now`.
    Exclusive,
}

/// The server-side store of one running app.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerStore {
    /// Items in insertion order (a replaced key keeps its place).
    pub entries: Vec<StoreEntry>,
    /// The session-id generator.
    pub sids: SidStream,
}

impl ServerStore {
    /// An empty store whose ids come from `seed`.
    pub fn new(seed: u64) -> ServerStore {
        ServerStore {
            entries: Vec::new(),
            sids: SidStream::new(seed),
        }
    }

    /// The live value of `key` at `now`.
    pub fn get(&self, key: &str, now: i64, rule: ExpiryRule) -> Option<&str> {
        let entry = self.entries.iter().find(|e| e.key == key)?;
        let alive = match (entry.expires, rule) {
            (None, _) => true,
            (Some(at), ExpiryRule::Inclusive) => at >= now,
            (Some(at), ExpiryRule::Exclusive) => at > now,
        };
        alive.then_some(entry.json.as_str())
    }

    /// Stores `json` under `key` until `expires`.
    pub fn set(&mut self, key: &str, json: String, expires: Option<i64>) {
        match self.entries.iter_mut().find(|e| e.key == key) {
            Some(entry) => {
                entry.json = json;
                entry.expires = expires;
            }
            None => self.entries.push(StoreEntry {
                key: key.to_string(),
                json,
                expires,
            }),
        }
    }

    /// Removes `key`; true when it was there.
    pub fn delete(&mut self, key: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.key != key);
        before != self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_rules_differ_at_the_boundary_like_cachelib() {
        let mut store = ServerStore::new(0);
        store.set("k", "1".into(), Some(100));
        assert_eq!(store.get("k", 100, ExpiryRule::Inclusive), Some("1"));
        assert_eq!(store.get("k", 100, ExpiryRule::Exclusive), None);
        assert_eq!(store.get("k", 101, ExpiryRule::Inclusive), None);
        store.set("k", "2".into(), None);
        assert_eq!(store.get("k", i64::MAX, ExpiryRule::Exclusive), Some("2"));
        assert!(store.delete("k"));
        assert!(!store.delete("k"));
    }
}
