//! Store + retrieve with 50 cookies across 10 paths, per request: what the jar costs each time
//! the learner clicks "Go". Target: under 5 µs natively, negligible next to a handler run.
//! Two figures: the bare `Cookie` header (`CookieJar::cookie_header`) and the header plus a
//! decision with its reason for each of the 50 cookies (`CookieJar::retrieve`: the path
//! navigation uses, since every hop records its decisions). Also counts the heap allocations per
//! request of each (always, as a test: the decisions must not copy strings per cookie).
//!
//! Always runs once as a test (checking the header is right); set `BROWSER_BENCH=1` to time it:
//!
//!     BROWSER_BENCH=1 cargo test --release --test browser_layer bench -- --nocapture

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
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

/// Counts the allocations made on the current thread (the other tests of this binary run on
/// their own threads), so the bench can say how many heap allocations a request costs: the
/// figure that timing on a shared machine only shows through noise.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Allocations `work` makes on this thread.
fn allocations(work: impl FnOnce()) -> u64 {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
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

    // Allocations per request, averaged over the 10 request paths.
    let mut counts = [0u64; 2];
    for (count, with_decisions) in counts.iter_mut().zip([false, true]) {
        for url in &urls {
            *count += allocations(|| {
                black_box(one_request(&mut jar, url, DEFAULT_START, with_decisions));
            });
        }
    }
    let [header_only, with_decisions] = counts.map(|count| count as f64 / urls.len() as f64);
    println!(
        "browser jar, 50 cookies / 10 paths: allocations per request: {header_only:.1} (Cookie header), {with_decisions:.1} (with 50 decisions)"
    );
    // The decisions copy no string per cookie: they share each cookie's key, and the request's
    // facts their reasons name (host, path, method, site) are made once per request. So the
    // decisions cost one Vec plus at most those four, however many cookies the jar holds
    // (before sharing: 226 more for these 50 cookies).
    assert!(
        with_decisions - header_only <= 5.0,
        "{with_decisions} allocations with decisions vs {header_only} without"
    );

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
