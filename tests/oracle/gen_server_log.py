#!/usr/bin/env python3
"""Write primitives/server_log.json: what `flask run` prints for each request, from REAL
Flask/Werkzeug's development server (regenerate.sh runs this with the pinned venv).

    python gen_server_log.py OUT_DIR

A real app is served by werkzeug.serving.make_server on 127.0.0.1; each case sends one request
with http.client (the request target exactly as given), lets the server handle it in a thread,
and keeps what the server wrote to stderr: Werkzeug's access line and, for a view that raised,
the first line of Flask's error log (its traceback names the machine's files, so it is left
out). The clock is frozen at each case's instant with TZ=UTC, as the playground's virtual clock
is UTC; stderr is not a terminal, so Werkzeug adds no colours.

Each case: {"instant", "method", "target", "status", "access", "error"}.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import sys
import threading
import time
from datetime import datetime, timezone

os.environ["TZ"] = "UTC"
time.tzset()

CASES = [
    ("2026-01-01T00:00:00Z", "GET", "/count"),
    ("2026-01-01T00:00:09Z", "GET", "/count?x=1&y=%C3%A9"),
    ("2026-02-28T23:59:59Z", "POST", "/login"),
    ("2026-03-05T07:08:09Z", "GET", "/go"),
    ("2026-12-31T12:00:00Z", "GET", "/missing"),
    ("2026-06-15T10:30:00Z", "GET", "/boom"),
    ("2026-06-15T10:30:00Z", "HEAD", "/count"),
    ("2026-06-15T10:30:00Z", "DELETE", "/count"),
    ("2026-06-15T10:30:00Z", "GET", "/caf%C3%A9"),
    ("2026-06-15T10:30:00Z", "GET", "/a%2Fb%20c"),
    ("2026-06-15T10:30:00Z", "GET", "/ctl%01x%7F"),
    ("2026-06-15T10:30:00Z", "GET", "/bad%FFbyte"),
    ("2026-06-15T10:30:00Z", "GET", "/q?next=%2Fcount%3Fa%3D1&s=a+b%2B%26%ZZ"),
    ("2026-06-15T10:30:00Z", "GET", "/x%c3%a9%2f%C3%28%E6%97"),
    ("2026-09-09T09:09:09Z", "GET", "/%E6%97%A5%E6%9C%AC"),
]


def build_app():
    from flask import Flask, redirect

    app = Flask("app")

    @app.route("/count")
    def count():
        return "1"

    @app.route("/login", methods=["POST"])
    def login():
        return redirect("/count")

    @app.route("/go")
    def go():
        return redirect("/count", 307)

    @app.route("/boom")
    def boom():
        raise ValueError("no")

    return app


def main(out_dir: str) -> None:
    captured = io.StringIO()
    real_stderr = sys.stderr
    sys.stderr = captured
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, build_app())
    port = server.server_port
    frozen = [0.0]
    real_time = time.time
    time.time = lambda: frozen[0]
    time.time_ns = lambda: int(frozen[0] * 1_000_000_000)
    results = []
    try:
        for instant, method, target in CASES:
            frozen[0] = datetime.strptime(instant, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()
            captured.seek(0)
            captured.truncate()
            handler = threading.Thread(target=server.handle_request)
            handler.start()
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.putrequest(method, target, skip_host=False, skip_accept_encoding=True)
            connection.putheader("Connection", "close")
            connection.endheaders()
            status = connection.getresponse().status
            connection.close()
            handler.join()
            lines = captured.getvalue().splitlines()
            access = [line for line in lines if line.startswith("127.0.0.1 - - [")]
            errors = [line for line in lines if " ERROR in " in line]
            results.append({
                "instant": instant,
                "method": method,
                "target": target,
                "status": status,
                "access": access[0] if len(access) == 1 else None,
                "error": errors[0] if errors else None,
            })
    finally:
        time.time = real_time
        sys.stderr = real_stderr
        server.server_close()
    with open(os.path.join(out_dir, "server_log.json"), "w") as out:
        json.dump(results, out, indent=1, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
