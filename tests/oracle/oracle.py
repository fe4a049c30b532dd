#!/usr/bin/env python3
"""The fidelity oracle: run a scenario (contract scenario-v1) through REAL Flask.

    python oracle.py SCENARIO.json            # transcript JSON on stdout
    python oracle.py SCENARIO.json -o OUT     # ... written to OUT

The scenario's app code is loaded as module ``app`` and its Flask instance is found
the way ``flask run`` finds it.  Requests are made by calling the WSGI callable
directly with an environ shaped like the one Werkzeug's development server builds
for a browser on ``http://localhost``.  A small browser model (one cookie jar per
profile, RFC 6265bis as the contract states it, redirects like Chromium) sits
between the steps and the app.  The clock is virtual: ``time.time`` and
``datetime.now`` (aware and naive, UTC) return the scenario's time during start-up
and during every request.

A malformed scenario exits 2 with one line on stderr; everything the app does
(including raising at import time) is part of the transcript and exits 0.
"""

from __future__ import annotations

import atexit
import base64
import calendar
import datetime as _datetime_module
import io
import json
import os
import re
import secrets
import shutil
import sys
import time as _time_module
import urllib.parse

# ---------------------------------------------------------------------------
# Scenario validation
# ---------------------------------------------------------------------------


class Malformed(Exception):
    """The scenario file breaks the contract; the message names what and where."""


_CLOCK_RE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z\Z")
_METHOD_RE = re.compile(r"\A[A-Z]+\Z")
# A request target: absolute path, optional query; no whitespace, controls or fragment.
_TARGET_RE = re.compile(r"\A/[^\x00-\x20\x7f#]*\Z")
_HEADER_NAME_RE = re.compile(r"\A[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
_ACTIONS = ("request", "close_browser", "advance_clock", "set_cookie", "delete_cookie")
DEFAULT_CLOCK = "2026-01-01T00:00:00Z"


def _no_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise Malformed(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_keys(obj: dict, where: str, allowed: tuple, required: tuple = ()) -> None:
    for key in obj:
        if key not in allowed:
            raise Malformed(f"{where}: unknown key {key!r}")
    for key in required:
        if key not in obj:
            raise Malformed(f"{where}: missing key {key!r}")


def parse_clock(text, where: str) -> int:
    if not isinstance(text, str):
        raise Malformed(f"{where}: expected a string like {DEFAULT_CLOCK!r}")
    match = _CLOCK_RE.match(text)
    if not match:
        raise Malformed(f"{where}: {text!r} is not YYYY-MM-DDTHH:MM:SSZ")
    try:
        moment = _datetime_module.datetime(*map(int, match.groups()))
    except ValueError as exc:
        raise Malformed(f"{where}: {text!r} is not a valid date ({exc})") from None
    return calendar.timegm(moment.timetuple())


def _parse_request_line(line: str, where: str) -> dict:
    parts = line.split(" ")
    if len(parts) != 2:
        raise Malformed(f"{where}: request line {line!r} is not 'METHOD /path[?query]'")
    method, target = parts
    if not _METHOD_RE.match(method):
        raise Malformed(f"{where}: bad method {method!r} (uppercase letters only)")
    if not _TARGET_RE.match(target):
        raise Malformed(f"{where}: bad path {target!r} (must start with '/', no spaces)")
    return {"method": method, "target": target, "form": None, "headers": {}, "json": None}


def _string_map(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise Malformed(f"{where}: expected an object of strings")
    for key, item in value.items():
        if not isinstance(item, str):
            raise Malformed(f"{where}.{key}: expected a string")
    return value


def _parse_request(value, where: str) -> dict:
    if isinstance(value, str):
        return _parse_request_line(value, where)
    if not isinstance(value, dict):
        raise Malformed(f"{where}: expected a request line string or an object")
    _check_keys(value, where, ("method", "path", "form", "headers", "json"), ("method", "path"))
    method, target = value["method"], value["path"]
    if not isinstance(method, str) or not _METHOD_RE.match(method):
        raise Malformed(f"{where}.method: bad method {method!r} (uppercase letters only)")
    if not isinstance(target, str) or not _TARGET_RE.match(target):
        raise Malformed(f"{where}.path: bad path {target!r} (must start with '/', no spaces)")
    form = None
    if "form" in value:
        form = _string_map(value["form"], f"{where}.form")
        if method in ("GET", "HEAD"):
            raise Malformed(f"{where}.form: a form is not allowed on {method}")
    body = None
    if "json" in value:
        if method in ("GET", "HEAD"):
            raise Malformed(f"{where}.json: a JSON body is not allowed on {method}")
        if form is not None:
            raise Malformed(f"{where}.json: a request has a form or a JSON body, not both")
        # Revision 2: the body is json.dumps(value) with its defaults.
        body = json.dumps(value["json"])
    headers = {}
    if "headers" in value:
        headers = _string_map(value["headers"], f"{where}.headers")
        for name, item in headers.items():
            if not _HEADER_NAME_RE.match(name):
                raise Malformed(f"{where}.headers: bad header name {name!r}")
            if re.search(r"[\x00-\x08\x0a-\x1f\x7f]", item):
                raise Malformed(f"{where}.headers.{name}: control character in value")
    return {"method": method, "target": target, "form": form, "headers": headers, "json": body}


def parse_step(step, where: str) -> dict:
    if not isinstance(step, dict):
        raise Malformed(f"{where}: expected an object")
    _check_keys(step, where, _ACTIONS + ("browser",))
    actions = [key for key in step if key in _ACTIONS]
    if len(actions) != 1:
        raise Malformed(f"{where}: expected exactly one of {', '.join(_ACTIONS)}")
    browser = step.get("browser", "default")
    if not isinstance(browser, str) or not browser:
        raise Malformed(f"{where}.browser: expected a non-empty string")
    action = actions[0]
    value = step[action]
    inner = f"{where}.{action}"
    if action == "request":
        value = _parse_request(value, inner)
    elif action == "close_browser":
        if value is not True:
            raise Malformed(f"{inner}: expected true")
    elif action == "advance_clock":
        if not _is_int(value) or value < 0:
            raise Malformed(f"{inner}: expected a non-negative integer number of seconds")
    elif action == "set_cookie":
        if not isinstance(value, dict):
            raise Malformed(f"{inner}: expected an object with name and value")
        _check_keys(value, inner, ("name", "value"), ("name", "value"))
        if not isinstance(value["name"], str) or not value["name"]:
            raise Malformed(f"{inner}.name: expected a non-empty string")
        if not isinstance(value["value"], str):
            raise Malformed(f"{inner}.value: expected a string")
    elif action == "delete_cookie":
        if not isinstance(value, str) or not value:
            raise Malformed(f"{inner}: expected a cookie name")
    return {"action": action, "value": value, "browser": browser}


def parse_scenario(text: str) -> dict:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except Malformed as exc:
        raise Malformed(f"invalid JSON: {exc}") from None
    except json.JSONDecodeError as exc:
        raise Malformed(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict):
        raise Malformed("top level: expected an object")
    _check_keys(
        data, "top level", ("version", "code", "files", "clock", "steps"), ("version", "code", "steps")
    )
    if not _is_int(data["version"]) or data["version"] != 1:
        raise Malformed(f"version: expected 1, got {data['version']!r}")
    if not isinstance(data["code"], str):
        raise Malformed("code: expected a string")
    clock = parse_clock(data.get("clock", DEFAULT_CLOCK), "clock")
    if not isinstance(data["steps"], list):
        raise Malformed("steps: expected a list")
    steps = [parse_step(step, f"steps[{i}]") for i, step in enumerate(data["steps"])]
    files = _parse_files(data["files"]) if "files" in data else {}
    return {"code": data["code"], "clock": clock, "steps": steps, "files": files}


def _path_problem(path: str):
    """Why `path` cannot name a project file (revision 2), or None."""
    if path == "app.py":
        return "'app.py' is the app's code, given as 'code'"
    if "\\" in path:
        return "a path uses '/' between folders, not '\\'"
    if any(segment in ("", ".", "..") for segment in path.split("/")):
        return "a path is relative with no empty, '.' or '..' segment"
    if re.search(r"[\x00-\x1f\x7f]", path):
        return "a path has no control characters"
    return None


def _parse_files(value) -> dict:
    files = _string_map(value, "files")
    for path in files:
        problem = _path_problem(path)
        if problem is not None:
            raise Malformed(f"files: bad path {path!r} ({problem})")
    for path in files:
        if any(other.startswith(path + "/") for other in files):
            raise Malformed(f"files: {path!r} is both a file and a folder")
    return files


# ---------------------------------------------------------------------------
# The virtual clock
# ---------------------------------------------------------------------------

_REAL_DATETIME = _datetime_module.datetime
_REAL_DATE = _datetime_module.date
_NOW = [0]  # Unix seconds; moved only by advance_clock.


class _FakeDatetimeMeta(type):
    # isinstance(real_datetime, FakeDatetime) must stay true: Flask's tagged JSON and
    # Werkzeug check isinstance against whatever name they imported.
    def __instancecheck__(cls, obj):
        return isinstance(obj, _REAL_DATETIME)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, _REAL_DATETIME)


class FakeDatetime(_REAL_DATETIME, metaclass=_FakeDatetimeMeta):
    @classmethod
    def now(cls, tz=None):
        if tz is None:
            # The machine is UTC for the app: a naive now() is UTC wall time.
            return cls.fromtimestamp(_NOW[0], _datetime_module.timezone.utc).replace(tzinfo=None)
        return cls.fromtimestamp(_NOW[0], tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_NOW[0], _datetime_module.timezone.utc).replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.utcnow()

    def __repr__(self):
        # CPython's repr uses the type's C name ("datetime.datetime"); ours would say "datetime".
        return repr(
            _REAL_DATETIME(
                self.year, self.month, self.day, self.hour, self.minute, self.second,
                self.microsecond, self.tzinfo, fold=self.fold,
            )
        )


class _FakeDateMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _REAL_DATE)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, _REAL_DATE)


class FakeDate(_REAL_DATE, metaclass=_FakeDateMeta):
    @classmethod
    def today(cls):
        moment = _REAL_DATETIME.fromtimestamp(_NOW[0], _datetime_module.timezone.utc)
        return cls(moment.year, moment.month, moment.day)

    def __repr__(self):
        return repr(_REAL_DATE(self.year, self.month, self.day))


# App code sees these classes (type(x).__name__, repr): they must look like the real ones.
for _fake, _name in ((FakeDatetime, "datetime"), (FakeDate, "date")):
    _fake.__name__ = _fake.__qualname__ = _name
    _fake.__module__ = "datetime"


def _fake_time():
    return float(_NOW[0])


def _fake_time_ns():
    return _NOW[0] * 1_000_000_000


def _wrap_optional_seconds(real):
    def wrapper(*args):
        if not args or args[0] is None:
            return real(_NOW[0])
        return real(*args)

    return wrapper


def install_clock() -> None:
    """Patch time and datetime everywhere they are already imported (like freezegun)."""
    os.environ["TZ"] = "UTC"
    _time_module.tzset()
    real_time = _time_module.time
    _time_module.time = _fake_time
    _time_module.time_ns = _fake_time_ns
    _time_module.gmtime = _wrap_optional_seconds(_time_module.gmtime)
    _time_module.localtime = _wrap_optional_seconds(_time_module.localtime)
    _time_module.ctime = _wrap_optional_seconds(_time_module.ctime)
    _datetime_module.datetime = FakeDatetime
    _datetime_module.date = FakeDate
    own = sys.modules[__name__]
    for module in list(sys.modules.values()):
        # Our own module keeps the real classes (the fakes are defined in terms of them).
        if module is None or module is _datetime_module or module is own:
            continue
        namespace = getattr(module, "__dict__", {})
        for name, value in list(namespace.items()):
            if value is _REAL_DATETIME:
                setattr(module, name, FakeDatetime)
            elif value is real_time:
                # `from time import time` (Werkzeug's send_file computes Expires with it).
                setattr(module, name, _fake_time)
            elif value is _REAL_DATE:
                setattr(module, name, FakeDate)


# ---------------------------------------------------------------------------
# The browser model
# ---------------------------------------------------------------------------

MAX_AGE_LIMIT = 400 * 86400  # RFC 6265bis cookie-age-limit, as Chromium applies it.
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DELIMITER = re.compile(r"[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+")
_CTL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def parse_cookie_date(text: str):
    """RFC 6265bis 5.1.1; returns Unix seconds or None."""
    found_time = found_day = found_month = found_year = False
    hour = minute = second = day = month = year = 0
    for token in _DELIMITER.split(text):
        if not token:
            continue
        if not found_time:
            match = re.match(r"(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[^\d]|$)", token)
            if match:
                found_time = True
                hour, minute, second = (int(g) for g in match.groups())
                continue
        if not found_day:
            match = re.match(r"(\d{1,2})(?:[^\d]|$)", token)
            if match:
                found_day = True
                day = int(match.group(1))
                continue
        if not found_month and token[:3].lower() in _MONTHS:
            found_month = True
            month = _MONTHS.index(token[:3].lower()) + 1
            continue
        if not found_year:
            match = re.match(r"(\d{2,4})(?:[^\d]|$)", token)
            if match:
                found_year = True
                year = int(match.group(1))
                continue
    if 70 <= year <= 99:
        year += 1900
    elif 0 <= year <= 69 and found_year and year < 100:
        year += 2000
    if not (found_time and found_day and found_month and found_year):
        return None
    if not (1 <= day <= 31) or year < 1601 or hour > 23 or minute > 59 or second > 59:
        return None
    try:
        moment = _REAL_DATETIME(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return calendar.timegm(moment.timetuple())


def default_path(request_path: str) -> str:
    if not request_path.startswith("/") or request_path.count("/") == 1:
        return "/"
    return request_path[: request_path.rindex("/")]


def path_matches(request_path: str, cookie_path: str) -> bool:
    if request_path == cookie_path:
        return True
    if request_path.startswith(cookie_path):
        return cookie_path.endswith("/") or request_path[len(cookie_path)] == "/"
    return False


class Jar:
    """One browser profile's cookies, in creation order."""

    def __init__(self):
        self.cookies = []  # dicts: name, value, domain, path, expires, created
        self.counter = 0

    def _purge(self, now):
        self.cookies = [c for c in self.cookies if c["expires"] is None or now < c["expires"]]

    def store(self, header_value: str, request_path: str, now: int) -> None:
        raw = header_value.encode("latin-1", "replace").decode("utf-8", "replace")
        pair, _, attributes = raw.partition(";")
        if "=" in pair:
            name, _, value = pair.partition("=")
        else:
            name, value = "", pair
        name = name.strip(" \t")
        value = value.strip(" \t")
        if _CTL.search(name) or _CTL.search(value):
            return
        if not name and not value:
            return
        if len((name + value).encode("utf-8")) > 4096:
            return
        max_age = expires = domain = path = None
        secure = False
        for attribute in attributes.split(";") if attributes else []:
            key, _, attr_value = attribute.partition("=")
            key = key.strip(" \t").lower()
            attr_value = attr_value.strip(" \t")
            if len(attr_value.encode("utf-8")) > 1024:
                continue
            if key == "expires":
                parsed = parse_cookie_date(attr_value)
                if parsed is not None:
                    expires = min(parsed, now + MAX_AGE_LIMIT)
            elif key == "max-age":
                if re.fullmatch(r"-?\d+", attr_value):
                    delta = int(attr_value)
                    max_age = min(delta, MAX_AGE_LIMIT) if delta > 0 else 0
            elif key == "domain":
                domain = attr_value.lstrip(".").lower()
            elif key == "path":
                path = attr_value if attr_value.startswith("/") else None
            elif key == "secure":
                secure = True
        if domain not in (None, "", "localhost"):
            return
        if path is None:
            path = default_path(request_path)
        if max_age is not None:
            expiry = now + max_age if max_age > 0 else -(2**62)
        else:
            expiry = expires
        lower = name.lower()
        if lower.startswith("__secure-") and not secure:
            return
        if lower.startswith("__host-") and (not secure or domain or path != "/"):
            return
        existing = next(
            (c for c in self.cookies if c["name"] == name and c["path"] == path), None
        )
        if expiry is not None and now >= expiry:
            if existing is not None:
                self.cookies.remove(existing)
            return
        if existing is not None:
            existing["value"] = value
            existing["expires"] = expiry
        else:
            self.counter += 1
            self.cookies.append(
                {"name": name, "value": value, "path": path, "expires": expiry, "created": self.counter}
            )

    def header(self, request_path: str, now: int):
        self._purge(now)
        matching = [c for c in self.cookies if path_matches(request_path, c["path"])]
        matching.sort(key=lambda c: (-len(c["path"]), c["created"]))
        if not matching:
            return None
        return "; ".join(f"{c['name']}={c['value']}" if c["name"] else c["value"] for c in matching)

    def close(self):
        self.cookies = [c for c in self.cookies if c["expires"] is not None]

    def devtools_set(self, name: str, value: str):
        existing = next((c for c in self.cookies if c["name"] == name and c["path"] == "/"), None)
        if existing is not None:
            existing["value"] = value
        else:
            self.counter += 1
            self.cookies.append(
                {"name": name, "value": value, "path": "/", "expires": None, "created": self.counter}
            )

    def devtools_delete(self, name: str):
        self.cookies = [c for c in self.cookies if c["name"] != name]

    def snapshot(self, now: int):
        self._purge(now)
        return [{"name": c["name"], "value": c["value"], "expires": c["expires"]} for c in self.cookies]


# ---------------------------------------------------------------------------
# Driving the app
# ---------------------------------------------------------------------------

_REDIRECT_CODES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 20


def _form_urlencode(form: dict) -> bytes:
    """The WHATWG application/x-www-form-urlencoded serializer a browser uses."""

    def encode(text: str) -> str:
        return urllib.parse.quote(text, safe="*-._", encoding="utf-8").replace("%20", "+")

    return "&".join(f"{encode(k)}={encode(v)}" for k, v in form.items()).encode("ascii")


def _wsgi_str(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


class Server:
    def __init__(self, app):
        self.app = app
        self.current_error = None

        from flask import got_request_exception

        def record(sender, exception, **extra):
            self.current_error = exception

        self._receiver = record  # blinker keeps weak references
        got_request_exception.connect(record, app)

    def call(self, method: str, target: str, form, headers: dict, cookie, json_body=None):
        path, _, query = target.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": _wsgi_str(urllib.parse.unquote(path)),
            "QUERY_STRING": _wsgi_str(query),
            "REQUEST_URI": _wsgi_str(target),
            "RAW_URI": _wsgi_str(target),
            "REMOTE_ADDR": "127.0.0.1",
            "REMOTE_PORT": "50000",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            "HTTP_HOST": "localhost",
        }
        body = b""
        if form is not None:
            body = _form_urlencode(form)
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(body))
        elif json_body is not None:
            body = json_body.encode("utf-8")
            environ["CONTENT_TYPE"] = "application/json"
            environ["CONTENT_LENGTH"] = str(len(body))
        if cookie is not None:
            environ["HTTP_COOKIE"] = _wsgi_str(cookie)
        for name, value in headers.items():
            key = name.upper().replace("-", "_")
            if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                environ[key] = _wsgi_str(value)
            else:
                environ["HTTP_" + key] = _wsgi_str(value)
        environ["wsgi.input"] = io.BytesIO(body)

        self.current_error = None
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"] = status
            captured["headers"] = list(response_headers)
            return lambda data: None

        try:
            iterable = self.app(environ, start_response)
            try:
                data = b"".join(iterable)
            finally:
                if hasattr(iterable, "close"):
                    iterable.close()
        except Exception as exc:  # only if the app propagates (e.g. debug forced on)
            from werkzeug.exceptions import InternalServerError

            if self.current_error is None:
                self.current_error = exc
            captured = {}
            iterable = InternalServerError()(environ, start_response)
            data = b"".join(iterable)
        status = int(captured["status"].split(" ", 1)[0])
        return status, [[k, v] for k, v in captured["headers"]], data, self.current_error


def _error_json(exc):
    if exc is None:
        return None
    return {"type": type(exc).__name__, "message": str(exc)}


def _location(headers):
    for name, value in headers:
        if name.lower() == "location":
            return value
    return None


def run_request(server: Server, jar: Jar, request: dict) -> dict:
    method, target, form = request["method"], request["target"], request["form"]
    json_body = request.get("json")
    # The browser sends non-ASCII characters of the address percent-encoded as UTF-8.
    target = "".join(c if ord(c) < 0x80 else urllib.parse.quote(c) for c in target)
    url = "http://localhost" + target
    redirects = []
    while True:
        split = urllib.parse.urlsplit(url)
        path = split.path or "/"
        target = path + ("?" + split.query if split.query else "")
        # Cookie paths match the URL's path as sent (percent-encoded), as browsers do.
        cookie = jar.header(path, _NOW[0])
        status, headers, data, error = server.call(
            method, target, form, request["headers"], cookie, json_body
        )
        for name, value in headers:
            if name.lower() == "set-cookie":
                jar.store(value, path, _NOW[0])
        location = _location(headers)
        follow = status in _REDIRECT_CODES and location is not None and len(redirects) < MAX_REDIRECTS
        if follow:
            next_url = urllib.parse.urljoin(url, location)
            next_split = urllib.parse.urlsplit(next_url)
            same_origin = (
                next_split.scheme == "http"
                and next_split.hostname == "localhost"
                and next_split.port in (None, 80)
            )
            follow = same_origin
        if not follow:
            return {
                "status": status,
                "body": data.decode("utf-8", "replace"),
                "headers": headers,
                "request_cookie": cookie,
                "redirects": redirects,
                "error": _error_json(error),
            }
        redirects.append({"status": status, "location": location, "headers": headers})
        if status in (301, 302) and method == "POST":
            method, form, json_body = "GET", None, None
        elif status == 303 and method not in ("GET", "HEAD"):
            method, form, json_body = "GET", None, None
        url = urllib.parse.urldefrag(next_url)[0]


class SidStream:
    """The playground's deterministic stand-in for `secrets.token_bytes` (src/flask/store.rs):
    splitmix64 from the interpreter's seed (0 for scenarios), 8 little-endian bytes per step.
    Flask-Session draws its session ids from `secrets.token_urlsafe`; the oracle replaces that
    function with this stream, so real Flask-Session's transcripts carry exactly the ids the
    playground produces and compare byte for byte. Nothing else in the reference stack reads
    `secrets`."""

    MASK = (1 << 64) - 1

    def __init__(self, seed: int = 0):
        self.state = seed

    def next_u64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def token_bytes(self, n=None) -> bytes:
        n = 32 if n is None else n
        out = b""
        while len(out) < n:
            out += self.next_u64().to_bytes(8, "little")
        return out[:n]

    def token_urlsafe(self, n=None) -> str:
        return base64.urlsafe_b64encode(self.token_bytes(n)).rstrip(b"=").decode("ascii")


def install_sid_stream() -> None:
    stream = SidStream(0)
    secrets.token_bytes = stream.token_bytes
    secrets.token_urlsafe = stream.token_urlsafe


# The project is written to one fixed folder, not a fresh temporary one: the static route's
# ETag hashes the file's absolute path (Werkzeug's send_file), so the path must be the same on
# every run and machine for the transcript to be. The playground's static route hashes this
# same string (src/flask/static_files.rs). A lock keeps two oracle runs from sharing the folder.
PROJECT_FOLDER = "/tmp/flask-playground/project"
_LOCK = []


def _project_folder() -> str:
    """The fixed project folder, emptied, with this process holding its lock."""
    import fcntl

    parent = os.path.dirname(PROJECT_FOLDER)
    os.makedirs(parent, exist_ok=True)
    if not _LOCK:
        handle = open(os.path.join(parent, "lock"), "w")
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the process ends
        _LOCK.append(handle)
        atexit.register(shutil.rmtree, PROJECT_FOLDER, ignore_errors=True)
    shutil.rmtree(PROJECT_FOLDER, ignore_errors=True)
    os.makedirs(PROJECT_FOLDER)
    return PROJECT_FOLDER


def pin_mimetypes() -> None:
    """Guess types from CPython 3.11's own table only, never the machine's /etc/mime.types
    (Debian's says text/javascript for .js, CPython's application/javascript): the static
    route's Content-Type must not depend on where the oracle runs."""
    import mimetypes

    mimetypes.knownfiles = []
    mimetypes.init()


def load_app(code: str, files: dict):
    """Import the code as module `app`; return (app, None) or (None, startup_error)."""
    import importlib

    import flask
    from flask.cli import find_best_app

    flask.Flask.run = lambda self, *args, **kwargs: None  # debug off, no server
    directory = _project_folder()
    with open(os.path.join(directory, "app.py"), "w", encoding="utf-8") as handle:
        handle.write(code)
    for path, text in files.items():
        target = os.path.join(directory, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        # The static route's Last-Modified and ETag come from the file's mtime: every file
        # was last written when the scenario's clock starts.
        os.utime(target, (_NOW[0], _NOW[0]))
    sys.path.insert(0, directory)
    sys.modules.pop("app", None)
    # Flask-Session's "filesystem" store defaults to ./flask_session: keep it in the temporary
    # directory, fresh for every scenario like the playground's in-memory store.
    os.chdir(directory)
    install_sid_stream()
    try:
        module = importlib.import_module("app")
        return find_best_app(module), None
    except BaseException as exc:  # noqa: BLE001 - any start-up failure is data
        return None, {"type": type(exc).__name__, "message": str(exc)}


def run_scenario(scenario: dict) -> dict:
    for key in list(os.environ):
        if key.startswith("FLASK_"):
            del os.environ[key]
    import flask  # noqa: F401  - import before patching so the patch reaches it
    import itsdangerous  # noqa: F401
    import werkzeug.http  # noqa: F401

    _NOW[0] = scenario["clock"]
    install_clock()
    pin_mimetypes()
    app, startup_error = load_app(scenario["code"], scenario["files"])
    if startup_error is not None:
        return {"startup_error": startup_error, "steps": []}
    server = Server(app)
    jars = {}
    steps = []
    for step in scenario["steps"]:
        jar = jars.setdefault(step["browser"], Jar())
        action, value = step["action"], step["value"]
        record = {
            "status": None,
            "body": None,
            "headers": [],
            "request_cookie": None,
            "redirects": [],
            "error": None,
        }
        if action == "request":
            record.update(run_request(server, jar, value))
        elif action == "close_browser":
            jar.close()
        elif action == "advance_clock":
            _NOW[0] += value
        elif action == "set_cookie":
            jar.devtools_set(value["name"], value["value"])
        elif action == "delete_cookie":
            jar.devtools_delete(value)
        record["jar"] = jar.snapshot(_NOW[0])
        steps.append(record)
    return {"startup_error": None, "steps": steps}


def _pretty(value, indent: str) -> str:
    # json.dumps(indent=2), except that lists of scalars (header pairs) stay on one line.
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {_pretty(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        items = [inner + _pretty(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def dump_transcript(transcript: dict) -> str:
    return _pretty(transcript, "") + "\n"


def main(argv) -> int:
    args = argv[1:]
    out = None
    if len(args) == 3 and args[1] == "-o":
        out = os.path.abspath(args[2])  # the run changes directory (load_app)
        args = args[:1]
    if len(args) != 1:
        print("usage: oracle.py SCENARIO.json [-o OUT.json]", file=sys.stderr)
        return 2
    path = args[0]
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Malformed(f"not UTF-8 (byte {exc.start})") from None
        scenario = parse_scenario(text)
    except OSError as exc:
        print(f"{path}: cannot read: {exc.strerror}", file=sys.stderr)
        return 2
    except Malformed as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return 2
    # App code may print(); keep stdout for the transcript only, and stderr quiet.
    real_stdout, real_stderr = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = io.StringIO()
    try:
        transcript = dump_transcript(run_scenario(scenario))
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
    if out is None:
        sys.stdout.write(transcript)
    else:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(transcript)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
