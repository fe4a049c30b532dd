//! Store + retrieve with 50 cookies across 10 paths, per request: what the jar costs each time
//! the learner clicks "Go". Target: well under 5 µs natively, negligible next to a handler run.
//!
//! Always runs once as a test (checking the header is right); set `BROWSER_BENCH=1` to time it:
//!
//!     BROWSER_BENCH=1 cargo test --release --test browser_layer bench -- --nocapture

use std::hint::black_box;
use std::time::Instant;

use session_playground::browser::clock::DEFAULT_START;
use session_playground::browser::{CookieJar, CookieRequest, SiteContext, Url};

const PATHS: [&str; 10] = ["/", "/a", "/a/b", "/a/b/c", "/shop", "/shop/cart", "/admin", "/admin/users", "/api", "/api/v1"];

fn filled_jar() -> (CookieJar, Vec<Url>) {
    let mut jar = CookieJar::default();
    let site = SiteContext::SameSite;
    let urls: Vec<Url> = PATHS.iter().map(|path| Url::localhost(&format!("{}/page", path.trim_end_matches('/'))).unwrap()).collect();
    for index in 0..50 {
        let path = PATHS[index % PATHS.len()];
        let header = format!("cookie{index}=value{index}; Path={path}; Max-Age=3600; HttpOnly; SameSite=Lax");
        jar.store(&header, &CookieRequest { url: &urls[0], method: "GET", site: &site }, DEFAULT_START);
    }
    (jar, urls)
}

/// One request's worth of jar work: store the response's session cookie, build the next Cookie header.
fn one_request(jar: &mut CookieJar, url: &Url, round: usize, now: i64) -> Option<String> {
    let site = SiteContext::SameSite;
    let request = CookieRequest { url, method: "GET", site: &site };
    jar.store(&format!("cookie0=v{round}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax"), &request, now);
    jar.retrieve(&request, now).header
}

#[test]
fn bench_store_and_retrieve_50_cookies_10_paths() {
    let (mut jar, urls) = filled_jar();
    assert_eq!(jar.all().len(), 50);
    let header = one_request(&mut jar, &urls[3], 0, DEFAULT_START).unwrap();
    // /a/b/c/page sees the cookies of /a/b/c, /a/b, /a and / (5 each), longest path first.
    assert_eq!(header.split("; ").count(), 20);
    assert!(header.starts_with("cookie3=value3; cookie13=value13"));

    if std::env::var_os("BROWSER_BENCH").is_none() {
        return;
    }
    let rounds = 200_000;
    let start = Instant::now();
    for round in 0..rounds {
        let url = &urls[round % urls.len()];
        black_box(one_request(&mut jar, url, round, DEFAULT_START + (round / 1000) as i64));
    }
    let per_request = start.elapsed().as_nanos() as f64 / rounds as f64;
    println!("browser jar: store + retrieve, 50 cookies / 10 paths: {:.2} µs per request", per_request / 1000.0);
}
