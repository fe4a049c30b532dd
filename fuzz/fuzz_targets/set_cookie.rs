//! Fuzz target: Set-Cookie parsing + storage + retrieval never panic, and the jar's invariants
//! hold whatever the headers, the clock and the request context.
//!
//! Input layout: byte 0 picks the request context, bytes 1..9 the virtual time (i64, LE), the
//! rest (lossy UTF-8) is split on `\u{1}` into successive `Set-Cookie` header values.
#![no_main]
#![allow(dead_code, unused_imports)]

#[path = "../../src/browser/mod.rs"]
mod browser;
#[path = "../../src/http.rs"]
mod http;

use browser::jar::{CookieJar, CookieRequest, StoreOutcome};
use browser::set_cookie::MAX_NAME_VALUE_BYTES;
use browser::{SiteContext, Url};
use libfuzzer_sys::fuzz_target;

const URLS: [&str; 6] = [
    "http://localhost/",
    "http://localhost/a/b/c?x=1",
    "https://localhost/admin",
    "http://example.com/shop/cart",
    "https://www.example.com/",
    "http://127.0.0.1/x",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (now_bytes, text) = rest.split_at(rest.len().min(8));
    let mut now_array = [0u8; 8];
    now_array[..now_bytes.len()].copy_from_slice(now_bytes);
    // Keep the clock where the playground can put it (years 0000-9999), plus the raw value.
    let raw_now = i64::from_le_bytes(now_array);
    let now = if selector & 0x80 == 0 {
        browser::VirtualClock::at(raw_now).now()
    } else {
        raw_now
    };

    let url = Url::parse(URLS[usize::from(selector) % URLS.len()]).expect("fixed URLs parse");
    let site = match (selector >> 3) % 4 {
        0 => SiteContext::SameSite,
        1 => SiteContext::cross_site_link("https://evil.example"),
        2 => SiteContext::cross_site_form("https://evil.example"),
        _ => SiteContext::cross_site_image("https://evil.example"),
    };
    let method = if selector & 0x40 == 0 { "GET" } else { "POST" };
    let request = CookieRequest {
        url: &url,
        method,
        site: &site,
    };

    let text = String::from_utf8_lossy(text);
    let mut jar = CookieJar::default();
    for header in text.split('\u{1}') {
        let decision = jar.store(header, &request, now);
        let _ = decision.to_string();
        if let StoreOutcome::Stored { key, .. } = &decision.outcome {
            let cookie = jar
                .all()
                .iter()
                .find(|cookie| cookie.key() == *key)
                .expect("stored cookie is in the jar");
            assert!(cookie.name.len() + cookie.value.len() <= MAX_NAME_VALUE_BYTES);
            assert!(cookie.path.starts_with('/'));
            assert!(!cookie.name.contains(';') && !cookie.value.contains(';'));
            assert!(
                !cookie
                    .name
                    .bytes()
                    .chain(cookie.value.bytes())
                    .any(|b| b < 0x20 && b != b'\t')
            );
        }
    }
    let retrieval = jar.retrieve(&request, now);
    for decision in &retrieval.decisions {
        let _ = decision.to_string();
    }
    if let Some(header) = &retrieval.header {
        assert!(!header.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)));
    }
    assert!(
        jar.all().iter().all(|cookie| !cookie.is_expired(now)),
        "expired cookies are evicted on retrieval"
    );
    assert_eq!(
        jar.cookie_header(&request, now),
        retrieval.header,
        "both retrieval paths agree"
    );

    let json = serde_json::to_string(&jar).expect("a jar serialises");
    let back: CookieJar = serde_json::from_str(&json).expect("and deserialises");
    assert_eq!(back, jar);
});
