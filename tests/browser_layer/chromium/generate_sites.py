"""Records what real Chromium does with cookies across host names (issue 20): subdomains and
the Domain attribute, cookie prefixes, and SameSite between different sites and between sibling
subdomains of one site. Beside generate.py (one host pair, localhost and 127.0.0.1), this one
gives Chromium several names for the loopback address with --host-resolver-rules, so a case can
set its cookies on one host, load a page on another and have that page start the read request
on a third.

For each case a fresh headless Chromium profile opens http://SET_HOST:PORT/set?case=N; the local
server answers with a redirect carrying the case's Set-Cookie headers to a page on FROM_HOST,
which follows a link, submits a form (POST) or loads an image to http://READ_HOST:PORT/read; the
server records the Cookie header that request carried. The result goes to sites.json next to this
script; tests/browser_layer/chromium.rs replays every case through the jar (the request's context
decided by SiteContext::between from FROM_HOST and READ_HOST) and must send the same header.

    python3 tests/browser_layer/chromium/generate_sites.py [/usr/bin/chromium]

Needs only Python 3 and Chromium. Re-run it to refresh the fixture; never edit sites.json by hand.
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
APP, EVIL, ATTACKER = "app.example.test", "evil.example.test", "attacker.test"
HOSTS = [APP, EVIL, ATTACKER]
SAME_SITE_SET = ["strict=1; SameSite=Strict", "lax=1; SameSite=Lax", "none=1; SameSite=None; Secure", "unset=1"]

# (name, set_host, [Set-Cookie values], from_host, how, read_host): `how` is what the page on
# from_host does to start the read request: "link" (a script navigation), "form" (an
# auto-submitted POST form) or "image" (an <img>).
CASES = [
    # Domain and host-only between sibling subdomains.
    ("domain_attribute_shared_with_sibling", APP, ["shared=1; Domain=example.test", "hostonly=1"], EVIL, "link", EVIL),
    ("sibling_plants_cookie_for_parent_domain", EVIL, ["planted=1; Domain=example.test; Path=/"], APP, "link", APP),
    ("domain_of_another_site_rejected", ATTACKER, ["foreign=1; Domain=example.test"], APP, "link", APP),
    ("domain_of_sibling_rejected", EVIL, ["sibling=1; Domain=app.example.test"], APP, "link", APP),
    ("domain_dot_prefixed_shared", APP, ["dotted=1; Domain=.example.test"], EVIL, "link", EVIL),
    # Secure and the prefixes on a plain-http host that is not localhost.
    ("secure_on_http_host_rejected", APP, ["secure=1; Secure", "plain=1"], APP, "link", APP),
    ("host_prefix_on_http_host_rejected", APP, ["__Host-id=1; Secure; Path=/", "plain=1"], APP, "link", APP),
    ("secure_prefix_on_http_host_rejected", APP, ["__Secure-id=1; Secure", "plain=1"], APP, "link", APP),
    # SameSite: another site, and a sibling subdomain of the same site.
    ("attacker_form_post_to_app", APP, SAME_SITE_SET, ATTACKER, "form", APP),
    ("attacker_link_to_app", APP, SAME_SITE_SET, ATTACKER, "link", APP),
    ("attacker_image_of_app", APP, SAME_SITE_SET, ATTACKER, "image", APP),
    ("sibling_form_post_is_same_site", APP, SAME_SITE_SET, EVIL, "form", APP),
    ("sibling_image_is_same_site", APP, SAME_SITE_SET, EVIL, "image", APP),
    ("same_host_form_post", APP, SAME_SITE_SET, APP, "form", APP),
    # The playground's own app is on localhost, where Secure cookies (and so SameSite=None) work
    # over http: an attacker's page on another host posts, links and embeds.
    ("attacker_form_post_to_localhost", "localhost", SAME_SITE_SET, ATTACKER, "form", "localhost"),
    ("attacker_link_to_localhost", "localhost", SAME_SITE_SET, ATTACKER, "link", "localhost"),
    ("attacker_image_of_localhost", "localhost", SAME_SITE_SET, ATTACKER, "image", "localhost"),
    ("localhost_form_post_to_itself", "localhost", SAME_SITE_SET, "localhost", "form", "localhost"),
]

RECORDED = {}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        port = self.server.server_address[1]
        if url.path == "/set":
            index = int(query["case"][0])
            _, _, headers, from_host, _, _ = CASES[index]
            self.send_response(302)
            for header in headers:
                self.send_header("Set-Cookie", header)
            self.send_header("Location", f"http://{from_host}:{port}/launch?case={index}")
            self.end_headers()
            return
        if url.path == "/launch":
            index = int(query["case"][0])
            _, _, _, _, how, read_host = CASES[index]
            target = f"http://{read_host}:{port}/read?read={index}"
            page = {
                "link": f'<script>location.href = "{target}";</script>',
                "form": f'<form method="POST" action="{target}"><input name="a" value="b"></form>'
                        "<script>document.forms[0].submit();</script>",
                "image": f'<img src="{target}">',
            }[how]
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page.encode())
            return
        if url.path == "/read":
            RECORDED[int(query["read"][0])] = self.headers.get("Cookie") or ""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")


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
            sys.exit(f"case {name}: Chromium never made the read request")
    server.shutdown()
    cases = []
    for index, (name, set_host, headers, from_host, how, read_host) in enumerate(CASES):
        cases.append({"name": name, "set_host": set_host, "set_cookie": headers, "from_host": from_host,
                      "how": how, "read_host": read_host, "cookie": RECORDED[index]})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sites.json")
    with open(out, "w") as file:
        json.dump({"chromium": version, "cases": cases}, file, indent=1)
        file.write("\n")
    print(f"{len(cases)} cases from {version} -> {out}")


if __name__ == "__main__":
    main()
