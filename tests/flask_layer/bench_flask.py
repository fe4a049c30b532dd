#!/usr/bin/env python3
"""The issue's benchmark, CPython side: the seed /count app, 10,000 requests through Flask's
own test client (open the session, run the view, sign, store the cookie).

    tests/oracle/.venv/bin/python tests/flask_layer/bench_flask.py

Compare with `cargo test --release --test flask_bench -- --ignored --nocapture`.
"""

import time

from flask import Flask, session

REQUESTS = 10_000

app = Flask(__name__)
app.secret_key = "secret"


@app.route("/count")
def count():
    session["visits"] = session.get("visits", 0) + 1
    return f"Visit number: {session['visits']}"


def main():
    client = app.test_client()
    start = time.perf_counter()
    for _ in range(REQUESTS):
        response = client.get("/count")
    elapsed = time.perf_counter() - start
    assert response.get_data(as_text=True) == f"Visit number: {REQUESTS}"
    print(
        f"Flask test client (CPython): {REQUESTS} requests in {elapsed:.3f} s"
        f" ({elapsed * 1e6 / REQUESTS:.1f} µs/request)"
    )


if __name__ == "__main__":
    main()
