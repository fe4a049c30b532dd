//! Store + retrieve with 50 cookies across 10 paths, per request: what the jar costs each time
//! the learner clicks "Go". Target: under 5 µs natively, negligible next to a handler run.
//! Two figures: the bare `Cookie` header (`CookieJar::cookie_header`) and the header plus a
//! worded decision for each of the 50 cookies (`CookieJar::retrieve`, what navigation records).
//!
//! Always runs once as a test (checking the header is right); set `BROWSER_BENCH=1` to time it:
//!
//!     BROWSER_BENCH=1 cargo test --release --test browser_layer bench -- --nocapture

use std::hint::black_box;
use std::time::Instant;

use session_playground::browser::clock::DEFAULT_START;
use session_playground::browser::{CookieJar, CookieRequest, SiteContext, Url};

const PATHS: [&str; 10] = [
    "/",
    "/a",
    "/a/b",
    "/a/b/c",
    "/shop",
    "/shop/cart",
    "/admin",
    "/admin/users",
    "/api",
    "/api/v1",
];

fn filled_jar() -> (CookieJar, Vec<Url>) {
    let mut jar = CookieJar::default();
    let site = SiteContext::SameSite;
    let urls: Vec<Url> = PATHS
        .iter()
        .map(|path| Url::localhost(&format!("{}/page", path.trim_end_matches('/'))).unwrap())
        .collect();
    for index in 0..50 {
        let path = PATHS[index % PATHS.len()];
        let header = format!(
            "cookie{index}=value{index}; Path={path}; Max-Age=3600; HttpOnly; SameSite=Lax"
        );
        jar.store(
            &header,
            &CookieRequest {
                url: &urls[0],
                method: "GET",
                site: &site,
            },
            DEFAULT_START,
        );
    }
    (jar, urls)
}

const SET_COOKIE: &str = "cookie0=v1; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax";

/// One request's worth of jar work: store the response's session cookie, build the next Cookie
/// header, with or without the per-cookie decisions.
fn one_request(jar: &mut CookieJar, url: &Url, now: i64, with_decisions: bool) -> Option<String> {
    let site = SiteContext::SameSite;
    let request = CookieRequest {
        url,
        method: "GET",
        site: &site,
    };
    black_box(jar.store(black_box(SET_COOKIE), &request, now));
    if with_decisions {
        let retrieval = jar.retrieve(&request, now);
        black_box(&retrieval.decisions);
        retrieval.header
    } else {
        jar.cookie_header(&request, now)
    }
}

#[test]
fn bench_store_and_retrieve_50_cookies_10_paths() {
    let (mut jar, urls) = filled_jar();
    assert_eq!(jar.all().len(), 50);
    let header = one_request(&mut jar, &urls[3], DEFAULT_START, true).unwrap();
    assert_eq!(
        one_request(&mut jar, &urls[3], DEFAULT_START, false).unwrap(),
        header
    );
    // /a/b/c/page sees the cookies of /a/b/c, /a/b, /a and / (5 each), longest path first.
    assert_eq!(header.split("; ").count(), 20);
    assert!(header.starts_with("cookie3=value3; cookie13=value13"));
    assert!(header.ends_with(
        "cookie0=v1; cookie10=value10; cookie20=value20; cookie30=value30; cookie40=value40"
    ));

    if std::env::var_os("BROWSER_BENCH").is_none() {
        return;
    }
    let rounds = 200_000;
    for with_decisions in [false, true] {
        let start = Instant::now();
        for round in 0..rounds {
            let url = &urls[round % urls.len()];
            black_box(one_request(
                &mut jar,
                url,
                DEFAULT_START + (round / 1000) as i64,
                with_decisions,
            ));
        }
        let per_request = start.elapsed().as_nanos() as f64 / rounds as f64 / 1000.0;
        let what = if with_decisions {
            "store + retrieve with 50 decisions"
        } else {
            "store + Cookie header"
        };
        println!("browser jar, 50 cookies / 10 paths: {what}: {per_request:.2} µs per request");
    }
}
