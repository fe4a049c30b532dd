"""Plays every built-in lesson's solution and quiz runs through REAL Flask 3.1.3 and writes what
happened to tests/lessons/oracle/<id>.json; tests/lessons/main.rs plays the same steps through the
simulated Flask and compares, so no lesson claims anything the real Flask does not do.

    tests/oracle/.venv/bin/python tests/lessons/oracle_lessons.py

(run tests/oracle/regenerate.sh once to create the venv). It reuses tests/oracle/oracle.py's
browser model (jar, redirects, clock) and adds the actions lessons have beyond scenario-v1:
open_browser, continue_where_left_off, copy_cookie, forge_session (signed with itsdangerous
exactly as Flask signs), edit_code (the app is re-imported; jars are kept, like the reloader)
and session_mode (the app is re-imported with the lines the playground adds for that mode,
read from src/scenario/mode_code.rs so both sides run the same code).

Each lesson's claims (the experiments behind its statements) are played the same way; for them
the file also keeps the final state goals are checked on (every profile's jar with its flags, the
last page, the cookies its first request carried, the session the real Flask opened for it, the
cookies the server ever set in it), so the Rust test checks each claim's `expect` against what
real Flask did, with the same code that checks goals. Each prediction (predict, then see) is
played the same way: the lesson's steps up to the one that answers it, and the final state, on
which exactly the option our runner shows must hold.
"""

import glob
import hashlib
import json
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "oracle"))

import oracle  # noqa: E402

DEFAULT_CLOCK = "2026-01-01T00:00:00Z"


def mode_snippets():
    """The code src/scenario/mode_code.rs appends to the app for each session mode."""
    with open(os.path.join(ROOT, "src", "scenario", "mode_code.rs"), encoding="utf-8") as handle:
        source = handle.read()
    found = dict(re.findall(r'pub const (\w+): &str = r#"(.*?)"#;', source, re.S))
    return {"signed": "", "unsigned": found["UNSIGNED_INTERFACE"], "server": found["SERVER_STORE"]}


MODES = None


def serve(code, mode):
    global MODES
    if MODES is None:
        MODES = mode_snippets()
    return code + MODES[mode]


def request_of(value):
    if isinstance(value, str):
        method, target = value.split(" ")
        return {"method": method, "target": target, "form": None, "headers": {}}
    return {"method": value["method"], "target": value["path"], "form": value.get("form"), "headers": value.get("headers", {})}


def forge(secret, data):
    from flask.json.tag import TaggedJSONSerializer
    from itsdangerous import URLSafeTimedSerializer

    serializer = URLSafeTimedSerializer(
        secret,
        salt="cookie-session",
        serializer=TaggedJSONSerializer(),
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    )
    return serializer.dumps(data)


def recorded_chromium_cases():
    """Chromium's recorded cookie decisions (tests/browser_layer/chromium/), by case name."""
    found = {}
    for name in ("cases.json", "sites.json"):
        with open(os.path.join(ROOT, "tests", "browser_layer", "chromium", name), encoding="utf-8") as handle:
            for case in json.load(handle)["cases"]:
                found[case["name"]] = case["cookie"]
    return found


CHROMIUM = None


def chromium_sends(cookie, by, now):
    """Whether real Chromium sent a cookie like this one on a request an attacker's page (another
    site) started against the app on localhost: read from the recorded case of that shape —
    the cookie's SameSite kind named as the cases name it (strict, lax, none, unset) and, for a
    form, whether the cookie was younger than Chromium's 2-minute Lax+POST window. Nothing about
    the browser is decided here."""
    global CHROMIUM
    if CHROMIUM is None:
        CHROMIUM = recorded_chromium_cases()
    kind = {"strict": "strict", "lax": "lax", "none": "none", "": "unset"}[cookie.get("same_site", "").lower()]
    young = now - cookie.get("created_at", now) < 120
    case = {
        ("form", True): "attacker_form_post_to_localhost",
        ("form", False): "cross_site_form_post_after_two_minutes",
        ("link", True): "attacker_link_to_localhost",
        ("link", False): "cross_site_link_after_two_minutes",
        ("image", True): "attacker_image_of_localhost",
        ("image", False): "attacker_image_of_localhost",
    }[(by, young)]
    return f"{kind}=1" in CHROMIUM[case].split("; ")


class FlagJar(oracle.Jar):
    """oracle.Jar that also keeps each cookie's HttpOnly, Secure and SameSite flags and when it
    was first stored (a replaced cookie keeps it, as the playground's jar does); `withhold`
    names cookies the next request must leave out (a cross-site request, see chromium_sends)."""

    withhold = ()

    def header(self, request_path, now):
        if not self.withhold:
            return super().header(request_path, now)
        kept = self.cookies
        self.cookies = [c for c in kept if c["name"] not in self.withhold]
        try:
            return super().header(request_path, now)
        finally:
            self.cookies = kept + [c for c in self.cookies if c not in kept]

    def store(self, header_value, request_path, now):
        super().store(header_value, request_path, now)
        for cookie in self.cookies:
            cookie.setdefault("created_at", now)
        pair, _, attributes = header_value.partition(";")
        name, _, value = pair.partition("=")
        flags = {"http_only": False, "secure": False, "same_site": ""}
        for attribute in attributes.split(";") if attributes else []:
            key, _, attr_value = attribute.partition("=")
            key = key.strip().lower()
            if key == "httponly":
                flags["http_only"] = True
            elif key == "secure":
                flags["secure"] = True
            elif key == "samesite":
                flags["same_site"] = attr_value.strip()
        for cookie in self.cookies:
            if cookie["name"] == name.strip() and cookie["value"] == value.strip():
                cookie.update(flags)

    def full_snapshot(self, now):
        self._purge(now)
        return [
            {
                "name": c["name"],
                "value": c["value"],
                "path": c["path"],
                "expires": c["expires"],
                "http_only": c.get("http_only", False),
                "secure": c.get("secure", False),
                "same_site": c.get("same_site", ""),
            }
            for c in self.cookies
        ]


class HostJar(FlagJar):
    """FlagJar across host names (issue 20: an app at app.example.test beside evil.example.test):
    each cookie keeps the host that set it and, with a `Domain` attribute, the domain it is
    shared with. `host` is the host of the request being made. The rules it applies (a Domain
    must be the host or a parent of it below the public suffix; a host-only cookie goes to its
    host alone, a domain cookie to the domain and every host under it; Secure, and so the
    prefixes, only on localhost over http) are checked against every recorded Chromium case
    about them before any lesson is played (check_host_rules), so a rule Chromium does not
    follow stops the script."""

    host = "localhost"
    # Where the dev tools put a cookie (the app's host).
    home = "localhost"

    def store(self, header_value, request_path, now):
        pair, _, attributes = header_value.partition(";")
        domain = None
        secure = False
        kept = []
        for attribute in attributes.split(";") if attributes else []:
            key, _, value = attribute.partition("=")
            if key.strip().lower() == "domain":
                domain = value.strip().lstrip(".").lower() or None
            else:
                secure = secure or key.strip().lower() == "secure"
                kept.append(attribute)
        name = pair.partition("=")[0].strip().lower() if "=" in pair else ""
        if domain == self.host and "." not in domain:
            domain = None  # Domain=localhost on localhost: a host-only cookie
        if domain is not None:
            under = self.host == domain or self.host.endswith("." + domain)
            if not under or "." not in domain or name.startswith("__host-"):
                return
        if (secure or name.startswith("__secure-") or name.startswith("__host-")) and self.host != "localhost":
            return
        # A cookie is keyed by its domain too: a host-only cookie and a domain cookie of the
        # same name and path are two cookies. The base jar, keyed by name and path, works on
        # one such bucket at a time; the running creation count is shared, so order holds.
        bucket = ("domain", domain) if domain is not None else ("host", self.host)
        others = [c for c in self.cookies if c.get("bucket", ("host", self.home)) != bucket]
        self.cookies = [c for c in self.cookies if c.get("bucket", ("host", self.home)) == bucket]
        try:
            super().store(";".join([pair] + kept), request_path, now)
            for cookie in self.cookies:
                cookie["bucket"] = bucket
        finally:
            self.cookies = sorted(others + self.cookies, key=lambda c: c["created"])

    def header(self, request_path, now):
        kept = self.cookies
        self.cookies = [c for c in kept if self.applies(c)]
        try:
            return super().header(request_path, now)
        finally:
            self.cookies = [c for c in kept if c in self.cookies or not self.applies(c)]

    def applies(self, cookie):
        kind, name = cookie.get("bucket", ("host", self.home))
        if kind == "host":
            return name == self.host
        return self.host == name or self.host.endswith("." + name)


def check_host_rules():
    """HostJar against Chromium's recorded cases about Domain, host-only cookies, Secure and the
    prefixes across host names (tests/browser_layer/chromium/sites.json): cookies set by a
    top-level page, then read by a link (where SameSite lets every such cookie through)."""
    with open(os.path.join(ROOT, "tests", "browser_layer", "chromium", "sites.json"), encoding="utf-8") as handle:
        cases = json.load(handle)["cases"]
    checked = 0
    for case in cases:
        if case["how"] != "link" or any("samesite" in header.lower() for header in case["set_cookie"]):
            continue
        jar = HostJar()
        jar.host = case["set_host"]
        for header in case["set_cookie"]:
            jar.store(header, "/set", 0)
        jar.host = case["read_host"]
        got = jar.header("/read", 0) or ""
        if got != case["cookie"]:
            raise SystemExit(f"HostJar differs from Chromium in {case['name']}: {got!r}, Chromium {case['cookie']!r}")
        checked += 1
    assert checked >= 8, checked


class SeenInterface:
    """Wraps an app's session interface to keep what it opened for the last request: whether
    a cookie came, whether it verified, and the data (Flask's tagged JSON form)."""

    def __init__(self, inner, box):
        self.inner = inner
        self.box = box

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def open_session(self, app, request):
        from flask.json.tag import TaggedJSONSerializer
        from flask.sessions import SecureCookieSessionInterface
        from itsdangerous import BadSignature

        session = self.inner.open_session(app, request)
        value = request.cookies.get(app.config["SESSION_COOKIE_NAME"])
        if value is None:
            verdict = "no_cookie"
        elif session is None or not app.secret_key:
            verdict = "no_secret_key"
        elif type(self.inner) is SecureCookieSessionInterface:
            try:
                max_age = int(app.permanent_session_lifetime.total_seconds())
                self.inner.get_signing_serializer(app).loads(value, max_age=max_age)
                verdict = "accepted"
            except BadSignature:
                verdict = "rejected"
        else:
            verdict = "accepted"
        data = json.loads(TaggedJSONSerializer().dumps(dict(session))) if session is not None else {}
        self.box[0] = {"verdict": verdict, "data": data}
        return session


def load(code, mode, box):
    app, startup_error = oracle.load_app(serve(code, mode), {})
    if app is not None:
        app.session_interface = SeenInterface(app.session_interface, box)
    return app, startup_error


def cookie_names(header):
    if not header:
        return []
    return [part.split("=", 1)[0].strip() for part in header.split(";") if "=" in part]


def play(code, profiles, clock, steps, mode="signed", final=None, environment=None, sites=(), app_host="localhost"):
    """The record of every step: what the page got and what the profile's jar holds after.
    With `final` (a dict), it is filled with the state after the last step. `environment` is
    put into os.environ while the app runs (a lesson's hidden secret key), then taken out."""
    saved = {name: os.environ.get(name) for name in environment or {}}
    os.environ.update(environment or {})
    try:
        return play_in_environment(code, profiles, clock, steps, mode, final, sites, app_host)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def play_in_environment(code, profiles, clock, steps, mode, final, sites, app_host):
    oracle._NOW[0] = clock
    box = [None]
    app, startup_error = load(code, mode, box)
    server = oracle.Server(app) if app is not None else None
    # Further sites that are Flask apps: real Flask too, each at its host.
    site_servers = {}
    for site in sites:
        if "code" in site:
            site_app, site_error = oracle.load_app(site["code"], {})
            if site_error:
                raise SystemExit(f"the site {site['host']} failed to start: {site_error}")
            site_servers[site["host"]] = oracle.Server(site_app)
    def new_jar():
        if app_host == "localhost" and not site_servers:
            return FlagJar()
        jar = HostJar()
        jar.home = jar.host = app_host
        return jar

    jars = {name: new_jar() for name in profiles}
    keep_session = {name: False for name in profiles}
    seen = {}  # per profile: open, navigations, last page, session seen, cookies received
    log = [startup_error["type"] + ": " + startup_error["message"]] if startup_error else []

    def profile_state(name):
        return seen.setdefault(name, {"open": True, "navigations_since_open": 0, "last_page": None, "session_seen": None, "received": [], "deleted": []})

    records = []
    for step in steps:
        browser = step.get("browser", profiles[0])
        jar = jars.setdefault(browser, new_jar())
        state = profile_state(browser)
        keep_session.setdefault(browser, False)
        record = {"browser": browser, "status": None, "body": None, "set_cookie": [], "note": None}
        site_host = step["request"].get("host") if "request" in step and isinstance(step["request"], dict) else None
        if site_host == app_host:
            site_host = None
        request_host = site_host or app_host
        if isinstance(jar, HostJar):
            jar.host = request_host
        if site_host in site_servers:
            # A further site that is a Flask app: the jar sends it what applies to its host.
            request = request_of(step["request"])
            request["headers"] = {**request["headers"], "Host": site_host}
            first_cookie = jar.header(urllib.parse.urlsplit(request["target"]).path or "/", oracle._NOW[0])
            result = oracle.run_request(site_servers[site_host], jar, request)
            record["status"] = result["status"]
            record["body"] = result["body"]
            for hop in result["redirects"] + [result]:
                record["set_cookie"] += [v for k, v in hop["headers"] if k.lower() == "set-cookie"]
            state["open"] = True
            state["navigations_since_open"] += 1
            state["last_page"] = {"status": result["status"], "body": result["body"], "set_cookies": record["set_cookie"], "sent_cookies": cookie_names(first_cookie)}
            state["session_seen"] = None
        elif site_host is not None:
            # One of the lesson's further sites: a static page, no cookies either way.
            page = next(site["page"] for site in sites if site["host"] == site_host)
            record["status"] = 200
            record["body"] = page
            state["open"] = True
            state["navigations_since_open"] += 1
            state["last_page"] = {"status": 200, "body": page, "set_cookies": [], "sent_cookies": []}
            state["session_seen"] = None
        elif "request" in step:
            if server is None:
                record["note"] = "app not running"
            else:
                request = request_of(step["request"])
                if app_host != "localhost":
                    request["headers"] = {**request["headers"], "Host": app_host}
                initiator = step["request"].get("from") if isinstance(step["request"], dict) else None
                if initiator is not None and initiator["host"] != "localhost" and app_host == "localhost":
                    jar.snapshot(oracle._NOW[0])  # drops expired cookies
                    jar.withhold = {c["name"] for c in jar.cookies if not chromium_sends(c, initiator["by"], oracle._NOW[0])}
                first_path = "".join(c if ord(c) < 0x80 else urllib.parse.quote(c) for c in request["target"])
                first_cookie = jar.header(urllib.parse.urlsplit("http://localhost" + first_path).path or "/", oracle._NOW[0])
                box[0] = None
                result = oracle.run_request(server, jar, request)
                record["status"] = result["status"]
                record["body"] = result["body"]
                for hop in result["redirects"] + [result]:
                    record["set_cookie"] += [v for k, v in hop["headers"] if k.lower() == "set-cookie"]
                state["open"] = True
                state["navigations_since_open"] += 1
                state["last_page"] = {
                    "status": result["status"],
                    "body": result["body"],
                    "set_cookies": record["set_cookie"],
                    "sent_cookies": cookie_names(first_cookie),
                }
                # The mode travels with the session seen: a goal about one mode judges only a
                # request made in it.
                state["session_seen"] = None if box[0] is None else {**box[0], "mode": mode}
                for header in record["set_cookie"]:
                    name = header.split(";", 1)[0].split("=", 1)[0].strip()
                    if name not in state["received"]:
                        state["received"].append(name)
                if result["error"]:
                    log.append(result["error"]["type"] + ": " + result["error"]["message"])
                if initiator is not None and initiator["host"] != "localhost":
                    state["last_page"]["started_by"] = "http://" + initiator["host"]
                jar.withhold = ()
        elif "close_browser" in step:
            state["open"] = False
            state["navigations_since_open"] = 0
            state["last_page"] = None
            if not keep_session[browser]:
                jar.close()
        elif "open_browser" in step:
            state["open"] = True
        elif "open_private_window" in step:
            raise NotImplementedError("private windows are not modelled here yet")
        elif "continue_where_left_off" in step:
            keep_session[browser] = step["continue_where_left_off"]
        elif "advance_clock" in step:
            oracle._NOW[0] += step["advance_clock"]
        elif "set_cookie" in step:
            jar.devtools_set(step["set_cookie"]["name"], step["set_cookie"]["value"])
        elif "delete_cookie" in step:
            if any(c["name"] == step["delete_cookie"] for c in jar.snapshot(oracle._NOW[0])) and step["delete_cookie"] not in state["deleted"]:
                state["deleted"].append(step["delete_cookie"])
            jar.devtools_delete(step["delete_cookie"])
        elif "copy_cookie" in step:
            name, to = step["copy_cookie"]["name"], step["copy_cookie"]["to"]
            jar.snapshot(oracle._NOW[0])  # drops expired cookies
            for cookie in [c for c in jar.cookies if c["name"] == name][:1]:
                target = jars.setdefault(to, new_jar())
                target.counter += 1
                target.cookies = [c for c in target.cookies if not (c["name"] == name and c["path"] == cookie["path"])]
                target.cookies.append({**cookie, "created": target.counter})
        elif "forge_session" in step:
            name = app.config["SESSION_COOKIE_NAME"] if app is not None else "session"
            jar.devtools_set(name, forge(step["forge_session"]["secret"], step["forge_session"]["data"]))
        elif "edit_code" in step:
            code = step["edit_code"]
            app, startup_error = load(code, mode, box)
            server = oracle.Server(app) if app is not None else None
            if startup_error:
                log.append(startup_error["type"] + ": " + startup_error["message"])
        elif "session_mode" in step:
            mode = step["session_mode"]
            app, startup_error = load(code, mode, box)
            server = oracle.Server(app) if app is not None else None
        record["startup_error"] = startup_error["type"] if startup_error else None
        record["jar"] = jar.snapshot(oracle._NOW[0])
        records.append(record)
    if final is not None:
        final["code"] = code
        final["clock"] = oracle._NOW[0]
        final["session_mode"] = mode
        final["startup_error"] = startup_error
        final["server_log"] = "\n".join(log)
        final["profiles"] = []
        for name in list(profiles) + [n for n in jars if n not in profiles]:
            state = profile_state(name)
            final["profiles"].append({"name": name, **state, "jar": jars.setdefault(name, new_jar()).full_snapshot(oracle._NOW[0])})
    return records


def option_code(template, snippet):
    out = []
    for line in template.splitlines(keepends=True):
        if line.strip() == "{option}":
            indent = line[: len(line) - len(line.lstrip())]
            out += [indent + s + "\n" for s in snippet.splitlines()]
        else:
            out.append(line)
    return "".join(out)


def main():
    import flask  # noqa: F401  - imported before the clock is patched, as oracle.py does
    import itsdangerous  # noqa: F401

    oracle.install_clock()
    check_host_rules()
    out_dir = os.path.join(HERE, "oracle")
    os.makedirs(out_dir, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(ROOT, "lessons", "*.json"))):
        with open(path, encoding="utf-8") as handle:
            lesson = json.load(handle)
        settings = lesson.get("settings", {})
        profiles = settings.get("profiles", ["Alice", "Bob"])
        clock = oracle.parse_clock(lesson.get("clock", DEFAULT_CLOCK), "clock")
        solution = lesson.get("solution", lesson.get("steps", []))
        mode = settings.get("session_mode", "signed")
        environment = settings.get("environment", {})
        sites = settings.get("sites", [])
        app_host = settings.get("host", "localhost")
        if app_host != "localhost" and any("from" in step.get("request", {}) for step in solution if isinstance(step.get("request"), dict)):
            raise NotImplementedError(lesson["id"] + ": cross-site requests to an app off localhost are not modelled here yet")
        result = {"solution": play(lesson["code"], profiles, clock, solution, mode, environment=environment, sites=sites, app_host=app_host), "quiz": []}
        quiz = lesson.get("quiz")
        for option in quiz["options"] if quiz else []:
            code = option_code(quiz["template"], option["code"]) if "code" in option else lesson["code"]
            result["quiz"].append(play(code, profiles, clock, quiz.get("steps", []), mode, environment=environment, sites=sites, app_host=app_host))
        result["claims"] = []
        for claim in lesson.get("claims", []):
            final = {}
            records = play(claim.get("code", lesson["code"]), profiles, clock, claim["steps"], mode, final, environment, sites, app_host)
            result["claims"].append({"id": claim["id"], "records": records, "state": final})
        result["predictions"] = []
        for prediction in lesson.get("predictions", []):
            final = {}
            records = play(lesson["code"], profiles, clock, lesson["steps"][: prediction["step"] + 1], mode, final, environment, sites, app_host)
            result["predictions"].append({"id": prediction["id"], "records": records, "state": final})
        with open(os.path.join(out_dir, lesson["id"] + ".json"), "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1, ensure_ascii=False)
            handle.write("\n")
        print("wrote", lesson["id"])


if __name__ == "__main__":
    os.environ["PYTHONHASHSEED"] = "0"
    main()
