"""Issue 5, CPython side: the seed /count app under Flask 3.1.3's test client, 10,000 requests.

The app source is read from the playground's own SEED_APP constant (src/ui/mod.rs), so both
sides run the same file. The test client keeps the session cookie between requests, as the
Rust side does by hand. Prints the fastest of 3 rounds in microseconds per request.
"""
import pathlib
import re
import sys

import flask

REQUESTS = 10_000
ROUNDS = 3

root = pathlib.Path(__file__).resolve().parent.parent
ui = (root / "src" / "ui" / "mod.rs").read_text()
source = re.search(r'pub const SEED_APP: &str = r#"(.*?)"#;', ui, re.S).group(1)


def load():
    namespace = {"__name__": "app"}
    exec(compile(source, "app.py", "exec"), namespace)
    return namespace["app"]


def one_round():
    import time

    client = load().test_client()
    start = time.perf_counter()
    for _ in range(REQUESTS):
        response = client.get("/count")
    elapsed = time.perf_counter() - start
    assert response.get_data(as_text=True) == f"Visit number: {REQUESTS}", response.get_data()
    return elapsed


best = min(one_round() for _ in range(ROUNDS))
print(f"BENCH flask_request_us {best * 1e6 / REQUESTS:.2f}")
from importlib.metadata import version
print(f"BENCH flask_version {version('flask')}")
print(f"BENCH python_version {sys.version.split()[0]}")
