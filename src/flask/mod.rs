//! The simulated Flask/Werkzeug layer. So far: the primitives that need no Python
//! interpreter, each checked byte for byte against the real libraries.
//!
//! - [`signing`]: itsdangerous's `URLSafeTimedSerializer` as Flask's session uses it
//!   (key derivation, timestamps, zlib rule, verification results with reasons);
//! - [`dump_cookie`]: Werkzeug's `Set-Cookie` header values;
//! - [`base64_py`]: base64 with CPython's lenient decoding, which decides what verifies.

pub mod base64_py;
pub mod dump_cookie;
pub mod signing;
