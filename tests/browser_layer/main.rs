//! Integration tests of the browser layer: the web-platform-tests cookie vectors, redirects and
//! profiles through a test-double server, a replay of the fidelity oracle's browser decisions,
//! serde round trips, the page's stylesheets as Chromium requested them, and a small store + retrieve benchmark.

mod audit;
mod bench;
mod chromium;
mod cross_site;
mod devtools;
mod navigation;
mod oracle_replay;
mod profiles;
mod robustness;
mod stylesheets;
mod url_resolve;
mod wpt;
