//! Seeded random Set-Cookie headers (a deterministic generator, no OS randomness) through store
//! and retrieve in every request context: nothing panics and the jar's invariants hold. The
//! cargo-fuzz target in `fuzz/` explores the same surface with coverage guidance.

use session_playground::browser::jar::{CookieJar, CookieRequest, StoreOutcome};
use session_playground::browser::set_cookie::MAX_NAME_VALUE_BYTES;
use session_playground::browser::{SiteContext, Url};

/// xorshift64*: a fixed, tiny generator so every run sees the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "a",
    "=",
    ";",
    " ",
    "\t",
    "\"",
    ",",
    "session",
    "1",
    "Path=/",
    "Path=",
    "path=/a/b",
    "Domain=localhost",
    "Domain=.example.com",
    "Domain=",
    "Expires=Fri, 01 Jan 2038 00:00:00 GMT",
    "expires=99:99:99 32 foo 1",
    "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    "Max-Age=0",
    "Max-Age=-1",
    "max-age=99999999999999999999999",
    "Max-Age=12",
    "Secure",
    "HttpOnly",
    "SameSite=None",
    "SameSite=Lax",
    "samesite=strict",
    "SameSite=bogus",
    "Partitioned",
    "__Host-",
    "__Secure-",
    "é",
    "\u{0}",
    "\r\n",
    "\u{7f}",
    "\u{1}",
    "%00",
    "😀",
];

fn random_header(rng: &mut Rng) -> String {
    let mut header = String::new();
    for _ in 0..rng.below(24) {
        header.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
    }
    if rng.below(50) == 0 {
        header.push_str(&"x".repeat(rng.below(6_000)));
    }
    header
}

#[test]
fn random_set_cookie_headers_never_break_the_jar() {
    let urls: Vec<Url> = [
        "http://localhost/",
        "http://localhost/a/b/c",
        "https://www.example.com/x",
        "http://example.com/",
    ]
    .iter()
    .map(|url| Url::parse(url).unwrap())
    .collect();
    let sites = [
        SiteContext::SameSite,
        SiteContext::cross_site_link("https://evil.example"),
        SiteContext::cross_site_form("https://evil.example"),
        SiteContext::cross_site_image("https://evil.example"),
    ];
    let mut rng = Rng(0x05EE_DC00_C1E5);
    let mut stored = 0;
    for round in 0..3_000 {
        let mut jar = CookieJar::default();
        let now = [0, 1_767_225_600, i64::MIN, i64::MAX][round % 4];
        for _ in 0..8 {
            let url = &urls[rng.below(urls.len())];
            let site = &sites[rng.below(sites.len())];
            let method = ["GET", "POST"][rng.below(2)];
            let request = CookieRequest { url, method, site };
            let decision = jar.store(&random_header(&mut rng), &request, now);
            let _ = decision.to_string();
            if let StoreOutcome::Stored { key, .. } = &decision.outcome {
                stored += 1;
                let cookie = jar
                    .all()
                    .iter()
                    .find(|cookie| cookie.key() == *key)
                    .unwrap();
                assert!(cookie.name.len() + cookie.value.len() <= MAX_NAME_VALUE_BYTES);
                assert!(cookie.path.starts_with('/'));
                assert!(
                    !format!("{}{}", cookie.name, cookie.value).contains([';', '\r', '\n', '\0'])
                );
            }
            let retrieval = jar.retrieve(&request, now);
            for decision in &retrieval.decisions {
                let _ = decision.to_string();
            }
            assert!(jar.all().iter().all(|cookie| !cookie.is_expired(now)));
        }
    }
    assert!(
        stored > 1_000,
        "the generator must reach the storing paths too ({stored})"
    );
}
