"""Records what a script on a page would see and send in real Chromium (issue 20, "what a script
would see"): `document.cookie` for the page, and the Cookie header of a request the page's own
script makes (a same-origin `fetch` POST, i.e. "sending a request as the user").

For each case a fresh headless Chromium profile opens http://SET_HOST:PORT/set?case=N; the local
server answers with a redirect carrying the case's Set-Cookie headers to a page on FROM_HOST,
whose script navigates (a link, top-level) to http://READ_HOST:PORT/READ_PATH. That page's
script reads `document.cookie` and POSTs it with `fetch` to /record on its own origin; the server
keeps the posted text and the Cookie header the fetch carried. Host names other than localhost
reach the loopback address through --host-resolver-rules, as in generate_sites.py.

The result goes to script_view.json next to this script; tests/browser_layer/chromium.rs replays
every case through the jar and `browser::script_view` and must see the same two strings.

    python3 tests/browser_layer/chromium/generate_script_view.py [/usr/bin/chromium]

Needs only Python 3 and Chromium. Re-run it to refresh the fixture; never edit the JSON by hand.
"""

import http.server
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

CHROMIUM = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/chromium"
APP, EVIL, ATTACKER, LOCAL = "app.example.test", "evil.example.test", "attacker.test", "localhost"
HOSTS = [APP, EVIL, ATTACKER]
SAME_SITE_SET = ["strict=1; SameSite=Strict", "lax=1; SameSite=Lax", "none=1; SameSite=None; Secure", "unset=1"]
FLASK_SESSION = "session=eyJ1c2VyIjoiYWxpY2UifQ.aVZmgA.sig; HttpOnly; Path=/"

# (name, set_host, [Set-Cookie values], from_host, read_host, read_path)
CASES = [
    ("httponly_hidden_from_script", LOCAL, [FLASK_SESSION, "theme=dark; Path=/"], LOCAL, LOCAL, "/"),
    ("httponly_off_is_readable", LOCAL, ["session=eyJ1c2VyIjoiYWxpY2UifQ.aVZmgA.sig; Path=/", "theme=dark"], LOCAL, LOCAL, "/"),
    ("path_scoped_cookie_on_its_path", LOCAL, ["b=2; Path=/", "a=1; Path=/admin"], LOCAL, LOCAL, "/admin/users"),
    ("path_scoped_cookie_elsewhere", LOCAL, ["b=2; Path=/", "a=1; Path=/admin"], LOCAL, LOCAL, "/search"),
    ("secure_cookie_on_localhost", LOCAL, ["s=1; Secure", "p=1"], LOCAL, LOCAL, "/"),
    ("nameless_cookie", LOCAL, ["justvalue", "a=1"], LOCAL, LOCAL, "/"),
    ("expired_cookie_gone", LOCAL, ["kept=1", "gone=1; Max-Age=0"], LOCAL, LOCAL, "/"),
    ("same_site_kinds_same_site_page", LOCAL, SAME_SITE_SET, LOCAL, LOCAL, "/"),
    ("same_site_kinds_after_cross_site_link", LOCAL, SAME_SITE_SET, ATTACKER, LOCAL, "/"),
    ("reflected_page_with_session", LOCAL, [FLASK_SESSION], LOCAL, LOCAL, "/search?q=%3Cscript%3E"),
    ("domain_cookie_on_sibling_page", APP, ["shared=1; Domain=example.test", "hostonly=1"], EVIL, EVIL, "/"),
    ("domain_cookie_on_setting_host", APP, ["shared=1; Domain=example.test", "hostonly=1"], APP, APP, "/"),
    ("secure_cookie_on_http_host", APP, ["s=1; Secure", "p=1"], APP, APP, "/"),
]

RECORDED = {}

READER = """<!doctype html><script>
fetch("/record?case=%d", {method: "POST", body: document.cookie}).then(() => { document.title = "done"; });
</script>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/record":
            RECORDED[int(query["case"][0])] = {"document_cookie": body, "script_request_cookie": self.headers.get("Cookie") or ""}
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        port = self.server.server_address[1]
        if url.path == "/set":
            index = int(query["case"][0])
            headers, from_host = CASES[index][2], CASES[index][3]
            self.send_response(302)
            for header in headers:
                self.send_header("Set-Cookie", header)
            self.send_header("Location", f"http://{from_host}:{port}/launch?case={index}")
            self.end_headers()
            return
        if url.path == "/launch":
            index = int(query["case"][0])
            _, _, _, _, read_host, read_path = CASES[index]
            separator = "&" if "?" in read_path else "?"
            target = f"http://{read_host}:{port}{read_path}{separator}case={index}"
            page = f'<script>location.href = "{target}";</script>'
        elif "case" in query:
            page = READER % int(query["case"][0])
        else:
            # The favicon Chromium asks for.
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(page.encode())


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    rules = ", ".join(f"MAP {host} 127.0.0.1" for host in HOSTS)
    for index, (name, set_host, *_rest) in enumerate(CASES):
        profile = tempfile.mkdtemp()
        chromium = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--host-resolver-rules={rules}", f"--user-data-dir={profile}",
             "--dump-dom", f"http://{set_host}:{port}/set?case={index}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while index not in RECORDED and chromium.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if chromium.poll() is None:
            os.killpg(chromium.pid, signal.SIGKILL)
        chromium.wait()
        time.sleep(0.2)
        shutil.rmtree(profile, ignore_errors=True)
        if index not in RECORDED:
            sys.exit(f"case {name}: the page's script never reported")
    server.shutdown()
    cases = []
    for index, (name, set_host, headers, from_host, read_host, read_path) in enumerate(CASES):
        cases.append({"name": name, "set_host": set_host, "set_cookie": headers, "from_host": from_host,
                      "read_host": read_host, "read_path": read_path, **RECORDED[index]})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "script_view.json")
    with open(out, "w") as file:
        json.dump({"chromium": version, "cases": cases}, file, indent=1)
        file.write("\n")
    print(f"{len(cases)} cases from {version} -> {out}")


if __name__ == "__main__":
    main()
