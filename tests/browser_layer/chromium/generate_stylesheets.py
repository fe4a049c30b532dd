"""Records what real Chromium does with a page's stylesheets when the page comes from real Flask
(issue 18/13: a response's `<link rel=stylesheet>` is loaded from the simulated app): the
request it sends for each stylesheet (its headers in order: Accept, Sec-Fetch-*, Referer,
Cookie), whether a Set-Cookie on the stylesheet's response is stored (the next navigation
carries it), and whether the sheet applied (the computed colour of the page's h1) for a
text/css 200, a text/plain 200 and a text/css 404.

Each case is a fresh headless Chromium profile opening http://localhost:PORT/PAGE of a Flask
app served by Werkzeug's own server; the request handler keeps every request's raw header lines.
After the page's `load`, a script navigates to /read?color=<computed colour>, so the last request
carries the cookies the stylesheet's response set. The result goes to stylesheets.json next to
this script; src/scenario/world.rs's tests compare the playground's stylesheet requests with it.

    tests/oracle/.venv/bin/python tests/browser_layer/chromium/generate_stylesheets.py [/usr/bin/chromium]

Needs the oracle's venv (Flask 3.1.3, tests/oracle/regenerate.sh makes it) and Chromium. Re-run
it to refresh the fixture; never edit stylesheets.json by hand.
"""

import importlib.metadata
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from flask import Flask, make_response, request
from werkzeug.serving import WSGIRequestHandler, make_server

CHROMIUM = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/chromium"
CSS = "h1 { color: rgb(1, 2, 3); }\n"
READ = (
    "<script>addEventListener('load', () => { const c = getComputedStyle("
    "document.querySelector('h1')).color; location.href = '/read?color=' + encodeURIComponent(c); });"
    "</script>"
)

# (name, page path, the page's <head> links): each page sets `page=1; Path=/` and
# `strict=1; SameSite=Strict` before its stylesheets are requested.
CASES = [
    ("absolute_path_from_static", "/", ['<link rel="stylesheet" href="/static/style.css">']),
    ("relative_to_the_page_url", "/lessons/one", ['<link rel="stylesheet" href="style.css">']),
    ("stylesheet_sets_a_cookie", "/", ['<link rel="stylesheet" href="/sets-cookie.css">']),
    ("text_plain_is_not_applied", "/", ['<link rel="stylesheet" href="/plain.css">']),
    ("not_found_is_not_applied", "/", ['<link rel="stylesheet" href="/missing.css">']),
]

RECORDED = {}
CURRENT = {"case": None}

app = Flask(__name__, static_folder=None)


@app.route("/")
@app.route("/lessons/one")
def page():
    name, _path, links = CASES[CURRENT["case"]]
    response = make_response(
        "<!DOCTYPE html><html><head>" + "".join(links) + "</head><body><h1>Hi</h1>" + READ + "</body></html>"
    )
    response.set_cookie("page", "1")
    response.set_cookie("strict", "1", samesite="Strict")
    return response


@app.route("/static/style.css")
@app.route("/lessons/style.css")
def style():
    return CSS, 200, {"Content-Type": "text/css; charset=utf-8"}


@app.route("/sets-cookie.css")
def sets_cookie():
    response = make_response(CSS, 200, {"Content-Type": "text/css; charset=utf-8"})
    response.set_cookie("css", "1")
    return response


@app.route("/plain.css")
def plain():
    return CSS, 200, {"Content-Type": "text/plain; charset=utf-8"}


@app.route("/missing.css")
def missing():
    return CSS, 404, {"Content-Type": "text/css; charset=utf-8"}


@app.route("/read")
def read():
    RECORDED.setdefault(CURRENT["case"], {})["color"] = request.args.get("color", "")
    return "ok"


class Recording(WSGIRequestHandler):
    """Werkzeug's handler, keeping each request's header lines as Chromium sent them."""

    def log_request(self, *args, **kwargs):
        pass

    def run_wsgi(self):
        case = RECORDED.setdefault(CURRENT["case"], {})
        port = self.server.server_address[1]
        headers = [[name, value.replace(f":{port}", "")] for name, value in self.headers.items()]
        path = urllib.parse.urlsplit(self.path).path
        if path != "/favicon.ico":
            case.setdefault("requests", []).append({"path": path, "headers": headers})
        return super().run_wsgi()


def main():
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Recording)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    for index, (name, path, _links) in enumerate(CASES):
        CURRENT["case"] = index
        profile = tempfile.mkdtemp()
        chromium = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--dump-dom",
             f"http://localhost:{port}{path}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while "color" not in RECORDED.get(index, {}) and chromium.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if chromium.poll() is None:
            os.killpg(chromium.pid, signal.SIGKILL)
        chromium.wait()
        time.sleep(0.2)
        shutil.rmtree(profile, ignore_errors=True)
        if "color" not in RECORDED.get(index, {}):
            sys.exit(f"case {name}: the page never reported its colour")
    server.shutdown()
    cases = []
    for index, (name, path, links) in enumerate(CASES):
        recorded = RECORDED[index]
        cases.append({"name": name, "page": path, "links": links, "requests": recorded["requests"],
                      "h1_color": recorded["color"]})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stylesheets.json")
    with open(out, "w") as file:
        json.dump({"chromium": version, "flask": importlib.metadata.version("flask"), "css": CSS,
                   "cases": cases}, file, indent=1)
        file.write("\n")
    print(f"{len(cases)} cases from {version} -> {out}")


if __name__ == "__main__":
    main()
