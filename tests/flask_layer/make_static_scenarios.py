#!/usr/bin/env python3
"""Writes the static-route scenarios (tests/flask_layer/scenarios/static_*.json): the files
under a project's `static/` folder served as Flask 3.1.3 serves them (Werkzeug's send_file:
Content-Type, Content-Disposition, Last-Modified, ETag, Cache-Control, conditional and range
requests), the folder options, and `url_for('static', ...)`.

Only inputs live here; the expected transcripts come from REAL Flask through the oracle
(tests/flask_layer/regenerate.sh), never from this file. The oracle writes the project under
one fixed folder with every file's mtime at the scenario's starting clock, so an ETag a step
sends back (If-None-Match, If-Range) can be written down here from those inputs: it is what
Werkzeug makes of the path, the mtime and the size.

    python3 tests/flask_layer/make_static_scenarios.py && tests/flask_layer/regenerate.sh
"""

import json
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
# The oracle's fixed project folder (tests/oracle/oracle.py, PROJECT_FOLDER).
FOLDER = "/tmp/flask-playground/project"
CLOCK = "2026-03-04T05:06:07Z"
MTIME = 1772600767  # CLOCK in Unix seconds
SCENARIOS = {}


def etag_of(path, text):
    """The request-side ETag for a project file (an input a step sends back)."""
    size = len(text.encode("utf-8"))
    check = zlib.adler32(f"{FOLDER}/{path}".encode()) & 0xFFFFFFFF
    return f'"{float(MTIME)}-{size}-{check}"'


def scenario(name, code, steps, files):
    data = {"version": 1, "code": code.lstrip("\n"), "files": files, "clock": CLOCK, "steps": steps}
    SCENARIOS["static_" + name] = data


def get(path, headers=None, method="GET"):
    if not headers and method == "GET":
        return {"request": "GET " + path}
    request = {"method": method, "path": path}
    if headers:
        request["headers"] = headers
    return {"request": request}


FILES = {
    "static/style.css": "body { color: #333; }\nh1 { font-size: 2em; }\n",
    "static/app.js": "console.log('hi');\n",
    "static/data.json": '{"ok": true}\n',
    "static/notes.txt": "plain text, é and ü\n",
    "static/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
    "static/page.html": "<p>static page</p>\n",
    "static/feed.xml": "<feed/>\n",
    "static/README": "no extension\n",
    "static/archive.tar.gz": "not really gzip\n",
    "static/Photo.PNG": "upper-case extension\n",
    "static/font.woff2": "wOF2\n",
    "static/café menu.txt": "a name with a space and an accent\n",
    "static/css/deep/site.css": "p { margin: 0 }\n",
    "static/empty.txt": "",
    "templates/index.html": "<link rel=stylesheet href=\"{{ url_for('static', filename='style.css') }}\">\n",
}

scenario("route_types_headers_and_missing", '''
from flask import Flask, url_for, render_template

app = Flask(__name__)


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/urls")
def urls():
    return "\\n".join([
        url_for("static", filename="style.css"),
        url_for("static", filename="css/deep/site.css"),
        url_for("static", filename="café menu.txt"),
        url_for("static", filename="style.css", v=3),
        url_for("static", filename="style.css", _external=True),
        app.static_url_path,
        str(app.has_static_folder),
    ])
''', [
    get("/"),
    get("/urls"),
    get("/static/style.css"),
    get("/static/app.js"),
    get("/static/data.json"),
    get("/static/notes.txt"),
    get("/static/logo.svg"),
    get("/static/page.html"),
    get("/static/feed.xml"),
    get("/static/README"),
    get("/static/archive.tar.gz"),
    get("/static/Photo.PNG"),
    get("/static/font.woff2"),
    get("/static/caf%C3%A9%20menu.txt"),
    get("/static/css/deep/site.css"),
    get("/static/empty.txt"),
    get("/static/missing.css"),
    get("/static/css"),
    get("/static/css/"),
    get("/static/"),
    get("/static"),
    get("/static/../app.py"),
    get("/static/%2E%2E/app.py"),
    get("/static/css/../style.css"),
    get("/static/style.css?v=3"),
    get("/static/style.css", method="HEAD"),
    get("/static/style.css", method="POST"),
    get("/static/style.css", method="OPTIONS"),
], FILES)

CSS = FILES["static/style.css"]
TAG = etag_of("static/style.css", CSS)
WEAK = "W/" + TAG
OTHER = '"1-2-3"'
LAST = "Wed, 04 Mar 2026 05:06:07 GMT"

scenario("conditional_and_range_requests", '''
from flask import Flask

app = Flask(__name__)
''', [
    get("/static/style.css"),
    get("/static/style.css", {"If-None-Match": TAG}),
    get("/static/style.css", {"If-None-Match": WEAK}),
    get("/static/style.css", {"If-None-Match": f"{OTHER}, {TAG}"}),
    get("/static/style.css", {"If-None-Match": "*"}),
    get("/static/style.css", {"If-None-Match": OTHER}),
    get("/static/style.css", {"If-Modified-Since": LAST}),
    get("/static/style.css", {"If-Modified-Since": "Wed, 04 Mar 2026 05:06:06 GMT"}),
    get("/static/style.css", {"If-Modified-Since": "Thu, 01 Jan 2037 00:00:00 GMT"}),
    get("/static/style.css", {"If-Modified-Since": "not a date"}),
    get("/static/style.css", {"If-None-Match": OTHER, "If-Modified-Since": LAST}),
    get("/static/style.css", {"If-None-Match": TAG}, method="HEAD"),
    get("/static/style.css", {"If-Match": TAG}),
    get("/static/style.css", {"If-Match": OTHER, "If-None-Match": TAG}),
    {"advance_clock": 86400},
    get("/static/style.css", {"If-Modified-Since": LAST}),
    get("/static/style.css", {"Range": "bytes=0-3"}),
    get("/static/style.css", {"Range": "bytes=-5"}),
    get("/static/style.css", {"Range": "bytes=10-"}),
    get("/static/style.css", {"Range": "bytes=40-1000"}),
    get("/static/style.css", {"Range": "bytes=100-200"}),
    get("/static/style.css", {"Range": "bytes=0-1,4-5"}),
    get("/static/style.css", {"Range": "bytes=abc"}),
    get("/static/style.css", {"Range": "items=0-3"}),
    get("/static/style.css", {"Range": "bytes=0-3", "If-Range": TAG}),
    get("/static/style.css", {"Range": "bytes=0-3", "If-Range": OTHER}),
    get("/static/style.css", {"Range": "bytes=0-3", "If-Range": LAST}),
    get("/static/style.css", {"Range": "bytes=0-3", "If-None-Match": TAG}),
    get("/static/empty.txt", {"Range": "bytes=0-3"}),
    get("/static/style.css", {"Range": "bytes=0-3"}, method="HEAD"),
], FILES)

scenario("folder_options_max_age_and_send_helpers", '''
from datetime import timedelta

from flask import Flask, send_from_directory, send_file, url_for

app = Flask(__name__, static_folder="public", static_url_path="/assets")
app.config["SEND_FILE_MAX_AGE_DEFAULT"] = timedelta(hours=1)


@app.route("/")
def index():
    return "\\n".join([url_for("static", filename="site.css"), app.static_folder.rsplit("/", 1)[-1],
                      app.static_url_path, str(app.has_static_folder),
                      str(app.get_send_file_max_age("x.css"))])


@app.route("/download/<path:name>")
def download(name):
    return send_from_directory("public", name, as_attachment=True)


@app.route("/inline/<path:name>")
def inline(name):
    return send_from_directory("public", name, max_age=0)


@app.route("/file")
def file():
    return send_file("public/site.css", download_name="renamed.txt", mimetype="text/x-custom",
                     etag=False, last_modified=86400)


@app.route("/tagged")
def tagged():
    return send_file("public/site.css", etag="v1", conditional=False)
''', [
    get("/"),
    get("/assets/site.css"),
    get("/static/site.css"),
    get("/assets/missing.css"),
    get("/download/site.css"),
    get("/download/caf%C3%A9%20menu.txt"),
    get("/download/../app.py"),
    get("/inline/site.css"),
    get("/file"),
    get("/tagged"),
    get("/tagged", {"If-None-Match": '"v1"'}),
], {
    "public/site.css": "body { margin: 0 }\n",
    "public/café menu.txt": "menu\n",
    "static/site.css": "not served: the folder is public/\n",
})

scenario("folder_none_has_no_route", '''
from flask import Flask, url_for

app = Flask(__name__, static_folder=None)


@app.route("/")
def index():
    try:
        return url_for("static", filename="site.css")
    except Exception as e:
        return f"{type(e).__name__}: {e} | {app.has_static_folder} {app.static_url_path}"


@app.route("/send")
def send():
    app.send_static_file("site.css")
''', [
    get("/"),
    get("/static/site.css"),
    get("/send"),
], {"static/site.css": "body {}\n"})


scenario("blueprint_static_folders", '''
from flask import Blueprint, Flask, url_for

app = Flask(__name__)
admin = Blueprint("admin", __name__, static_folder="admin/static", static_url_path="/admin/static")
shop = Blueprint("shop", __name__, url_prefix="/shop", static_folder="shop/assets/")
plain = Blueprint("plain", __name__)


@admin.route("/admin/")
def index():
    return "\\n".join([
        url_for("admin.static", filename="admin.css"),
        url_for(".static", filename="css/deep.css", v=2),
        url_for("shop.static", filename="shop.css"),
        url_for("static", filename="style.css"),
    ])


@plain.route("/info")
def info():
    try:
        url_for("plain.static", filename="x.css")
    except Exception as e:
        missing = f"{type(e).__name__}: {e}"
    root = len(app.root_path)
    return repr([admin.static_url_path, shop.static_url_path, plain.static_url_path,
                 admin.has_static_folder, plain.has_static_folder, admin.static_folder[root:],
                 shop.static_folder[root:], plain.static_folder, missing])


app.register_blueprint(admin)
app.register_blueprint(shop)
app.register_blueprint(plain)
''', [
    get("/admin/"),
    get("/info"),
    get("/admin/static/admin.css"),
    get("/admin/static/css/deep.css"),
    get("/shop/assets/shop.css"),
    get("/static/style.css"),
    get("/admin/static/missing.css"),
    get("/admin/static/../../app.py"),
    get("/shop/static/shop.css"),
    get("/admin/static/admin.css", method="HEAD"),
], {
    "admin/static/admin.css": "h1 { color: rebeccapurple; }\n",
    "admin/static/css/deep.css": "p { margin: 0 }\n",
    "shop/assets/shop.css": ".price { font-weight: bold }\n",
    "static/style.css": "body { color: #333; }\n",
})


def main():
    for name, data in SCENARIOS.items():
        path = os.path.join(HERE, "scenarios", name + ".json")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(SCENARIOS)} static scenarios")


if __name__ == "__main__":
    main()
