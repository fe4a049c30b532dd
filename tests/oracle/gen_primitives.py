#!/usr/bin/env python3
"""Write the fixtures for the Rust flask primitives, computed by REAL itsdangerous/Werkzeug.

    python gen_primitives.py OUT_DIR        (regenerate.sh runs this with the pinned venv)

Files (each a JSON list of cases; every expected value comes from the real library):
- signing_dumps.json   itsdangerous URLSafeTimedSerializer(secret, salt="cookie-session",
                       signer_kwargs={"key_derivation": "hmac", "digest_method": sha1})
                       .dumps(...) of a JSON text at a frozen time, plus the derived key.
- signing_loads.json   .loads(cookie, max_age) at a frozen time: the JSON text, or the
                       exception's class name and str().
- dump_cookie.json     werkzeug.http.dump_cookie(...) at a frozen time: the header value
                       (as bytes decoded as UTF-8, i.e. what goes on the wire), or the
                       exception's class name and str().
The cases are drawn with a fixed random seed, so re-running gives identical files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone

from flask.json.tag import TaggedJSONSerializer
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from markupsafe import Markup

import werkzeug.http  # noqa: E402

# The oracle's virtual clock: time.time and datetime.now everywhere (isinstance still works
# for real datetimes, which dump_cookie relies on).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

oracle.install_clock()
_NOW = oracle._NOW

TAGGED = TaggedJSONSerializer()


class _TextPassThrough:
    """A text serializer that hands back the JSON text: the fixtures test the layers
    below JSON (signing, base64, zlib, UTF-8), exactly as Flask runs them."""

    @staticmethod
    def dumps(obj):
        return obj if isinstance(obj, str) else "{}"

    @staticmethod
    def loads(text):
        return text


def serializer(secret):
    return URLSafeTimedSerializer(
        secret,
        salt="cookie-session",
        serializer=_TextPassThrough,
        signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
    )


def derived_key(secret) -> str:
    return serializer(secret).make_signer().derive_key().hex()


SECRETS = [
    "secret",
    "dev",
    "",
    "sécret",
    "ключ 🔑",
    "a" * 100,
    "x" * 64,
    "\u0000nul",
    "correct horse battery staple",
    "日本語の秘密",
]


def random_text(rng: random.Random) -> str:
    alphabet = rng.choice(
        [
            "ab",
            "abcdefghijklmnopqrstuvwxyz ",
            "0123456789",
            "héllo wörld ",
            "👋🎉✓",
            "".join(chr(c) for c in range(32, 127)),
        ]
    )
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def random_value(rng: random.Random, depth: int = 0):
    kind = rng.randint(0, 12 if depth < 2 else 6)
    if kind == 0:
        return rng.randint(-(10**6), 10**6)
    if kind == 1:
        return rng.choice([True, False, None])
    if kind == 2:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 4))
    if kind in (3, 4, 5):
        return random_text(rng)
    if kind == 6:
        return rng.choice(["hello " * rng.randint(1, 300), "ab" * rng.randint(1, 200), "x" * rng.randint(1, 500)])
    if kind == 7:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    if kind == 8:
        return tuple(random_value(rng, depth + 1) for _ in range(rng.randint(0, 4)))
    if kind == 9:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 20)))
    if kind == 10:
        return datetime(2020 + rng.randint(0, 10), rng.randint(1, 12), rng.randint(1, 28), tzinfo=timezone.utc)
    if kind == 11:
        return Markup("<b>%s</b>") % random_text(rng)
    return {random_text(rng)[:10]: random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def session_json(rng: random.Random) -> str:
    session = {random_text(rng)[:12] or "k": random_value(rng) for _ in range(rng.randint(0, 6))}
    if rng.random() < 0.3:
        session["_permanent"] = True
    return TAGGED.dumps(session)


def gen_dumps(rng: random.Random) -> list:
    cases = []
    fixed = [
        ("secret", '{"visits":1}', 1767225600),
        ("secret", '{"note":"hello"}', 1767225600),
        ("secret", json.dumps({"note": "hello " * 200}, separators=(",", ":")), 1767225600),
        ("secret", "{}", 0),
        ("secret", "{}", 255),
        ("secret", "{}", 256),
        ("secret", "{}", 2**32 - 1),
        ("secret", "{}", 2**32),
        ("secret", "{}", 2**40 + 7),
    ]
    for secret, text, timestamp in fixed:
        cases.append((secret, text, timestamp))
    # Payload lengths around the point where compression starts to pay off.
    for n in range(1, 60):
        cases.append(("secret", json.dumps({"v": "ab" * n}, separators=(",", ":")), 1767225600))
    for _ in range(300):
        secret = rng.choice(SECRETS)
        timestamp = rng.choice([1767225600, rng.randint(0, 2**31), rng.randint(1, 2**34)])
        cases.append((secret, session_json(rng), timestamp))
    out = []
    for secret, text, timestamp in cases:
        _NOW[0] = timestamp
        cookie = serializer(secret).dumps(text)
        out.append(
            {
                "secret": secret,
                "json": text,
                "timestamp": timestamp,
                "derived_key_hex": derived_key(secret),
                "compressed": cookie.startswith("."),
                "cookie": cookie,
            }
        )
    return out


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def gen_loads(rng: random.Random) -> list:
    cases = []  # (secret, cookie, now, max_age)
    day = 86400
    base = 1767225600
    good = {}
    for secret in ["secret", "sécret", ""]:
        for text in ['{"visits":1}', json.dumps({"note": "hello " * 200}), '{"user":"alice","_permanent":true}']:
            _NOW[0] = base
            cookie = serializer(secret).dumps(text)
            good[(secret, text)] = cookie
            for age in [0, 1, 31 * day - 1, 31 * day, 31 * day + 1, -1, -100]:
                cases.append((secret, cookie, base + age, 31 * day))
            cases.append((secret, cookie, base + 10**9, None))
            cases.append(("wrong", cookie, base, 31 * day))
            payload, ts, sig = cookie.rsplit(".", 2)
            # Tampering: edited payload, edited signature, edited timestamp, truncations.
            cases.append((secret, b64(b'{"visits":99}') + "." + ts + "." + sig, base, 31 * day))
            cases.append((secret, payload + "." + ts + "." + sig[:-1] + ("A" if sig[-1] != "A" else "B"), base, 31 * day))
            cases.append((secret, payload + "." + b64(b"\x01") + "." + sig, base, 31 * day))
            cases.append((secret, payload + "." + ts, base, 31 * day))
            cases.append((secret, payload, base, 31 * day))
            cases.append((secret, cookie + "!", base, 31 * day))
            cases.append((secret, cookie[:-1] + "!" + cookie[-1], base, 31 * day))
            cases.append((secret, cookie.replace("-", "+").replace("_", "/"), base, 31 * day))
            cases.append((secret, cookie + "==", base, 31 * day))
            cases.append((secret, cookie + "=", base, 31 * day))
            cases.append((secret, "é" + cookie, base, 31 * day))
            cases.append((secret, cookie + "é", base, 31 * day))
            cases.append((secret, "." + cookie, base, 31 * day))
    # Crafted payloads signed with the real signer: bad base64, bad zlib, bad UTF-8,
    # odd timestamps.
    signer = serializer("secret").make_signer()
    _NOW[0] = base
    crafted = [
        "!!!!",
        "a",
        "abcde",
        "." + b64(b"not zlib"),
        "." + b64(zlib.compress(b'{"a":1}') + b"trailing"),
        "." + b64(zlib.compress(b'{"a":1}')[:-3]),
        "." + b64(zlib.compress(b'{"a":1}', 9)),
        "." + b64(zlib.compress(b'{"a":1}', 0)),
        "." + b64(zlib.compress(b"\xff\xfe")),
        b64(b"\xff\xfe"),
        b64("é".encode("latin-1")),
        b64("ok é 👋".encode("utf-8")),
        "",
        ".",
        "..",
        b64(b"{}") + "=",
        b64(b"{}") + "==",
        b64(b"{}") + "=x",
        b64(b"{\"x\":1}") + "=====",
        "e30",
    ]
    for payload in crafted:
        cases.append(("secret", signer.sign(payload.encode("ascii")).decode("ascii"), base, 31 * day))
    # Timestamps: empty, zero, huge, beyond datetime's range, with a bad signature too.
    for ts in ["", b64(b"\x00"), b64(b"\x00\x00\x01"), b64(b"\xff" * 8), b64(b"\xff" * 20), "!!", "A"]:
        value = b64(b"{}") + "." + ts
        sig = signer.get_signature(value.encode()).decode()
        cases.append(("secret", value + "." + sig, base, 31 * day))
        cases.append(("secret", value + "." + sig, base, None))
        cases.append(("secret", value + ".AAAA", base, 31 * day))
    for garbage in ["", ".", "..", "...", "abc", "a.b", "a.b.c", "session", "eyJ2aXNpdHMiOjF9", " ", "é.é.é"]:
        cases.append(("secret", garbage, base, 31 * day))
    for _ in range(120):
        secret = rng.choice(SECRETS)
        text = session_json(rng)
        signed_at = rng.randint(0, 2**32)
        _NOW[0] = signed_at
        cookie = serializer(secret).dumps(text)
        if rng.random() < 0.3:
            index = rng.randrange(len(cookie))
            cookie = cookie[:index] + rng.choice("A_-.x=!") + cookie[index + 1 :]
        cases.append((secret, cookie, signed_at + rng.choice([0, 5, 3600, 31 * day, 31 * day + 1]), rng.choice([31 * day, 3600, None])))
    out = []
    for secret, cookie, now, max_age in cases:
        _NOW[0] = now
        entry = {"secret": secret, "cookie": cookie, "now": now, "max_age": max_age}
        try:
            entry["json"] = serializer(secret).loads(cookie, max_age=max_age)
        except Exception as exc:  # noqa: BLE001 - the error is the expected value
            entry["error"] = {"type": type(exc).__name__, "message": str(exc)}
        out.append(entry)
    return out


COOKIE_VALUES = [
    "",
    "plain",
    "hello world",
    "hello world; ok",
    'say "hi"',
    "a\\b",
    "café",
    "👋",
    "a,b",
    "a\tb",
    "\x00\x01\x19\x1a\x1f\x7f",
    "A-z0_9!#$%&'()*+-./:<=>?@[]^`{|}~",
    "eyJ2aXNpdHMiOjF9.aVW5AA.Sc9n50flgXt-MUZkX1-3ZifnZIY",
    "=",
    "a=b",
    "x" * 50,
    "ÿ\u0100",
]
COOKIE_KEYS = ["session", "theme", "my_app_session", "ключ", "a b"]


def gen_dump_cookie(rng: random.Random) -> list:
    now = 1767225600
    cases = [
        dict(key="session", value="v"),
        dict(key="session", value="v", httponly=True),
        dict(key="theme", value="dark", max_age=60),
        dict(key="theme", value="dark", max_age=60, sync_expires=False),
        dict(key="theme", value="", max_age=0, expires={"kind": "timestamp", "value": 0}),
        dict(key="until", value="new-year", expires={"kind": "datetime", "unix": 1798761600}),
        dict(key="x", value="1", expires={"kind": "raw", "value": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        dict(key="x", value="1", expires={"kind": "raw", "value": ""}),
        dict(key="x", value="1", expires={"kind": "timestamp", "value": 1.9}),
        dict(key="x", value="1", expires={"kind": "timestamp", "value": 1.9999999}),
        dict(key="x", value="1", expires={"kind": "timestamp", "value": -1.5}),
        dict(key="x", value="1", expires={"kind": "timestamp", "value": 253402300799}),
        dict(key="x", value="1", expires={"kind": "timestamp", "value": 253402300800}),
        dict(key="x", value="1", expires={"kind": "datetime", "unix": -62135596800}),
        dict(key="x", value="1", expires={"kind": "datetime", "unix": -59011459200}),
        dict(key="x", value="1", max_age=-5),
        dict(key="x", value="1", max_age=10**10),
        dict(key="x", value="1", domain="localhost"),
        dict(key="x", value="1", domain=".Example.COM:8080"),
        dict(key="x", value="1", domain=""),
        dict(key="x", value="1", domain="a..b"),
        dict(key="x", value="1", domain="a" * 64 + ".com"),
        dict(key="x", value="1", domain="com." + "a" * 64),
        dict(key="x", value="1", path=None),
        dict(key="x", value="1", path=""),
        dict(key="x", value="1", path="/admin"),
        dict(key="x", value="1", path="/a b/ü/%41/;x/[y]/~z/\"q\""),
        dict(key="x", value="1", secure=True),
        dict(key="x", value="1", partitioned=True),
        dict(key="x", value="1", partitioned=True, secure=True, samesite="none"),
        dict(key="x", value="1", samesite="lax"),
        dict(key="x", value="1", samesite="STRICT"),
        dict(key="x", value="1", samesite="None"),
        dict(key="x", value="1", samesite="sTrict"),
        dict(key="x", value="1", samesite="\u017ftrict"),
        dict(key="x", value="1", samesite="Sometimes"),
        dict(key="x", value="1", samesite=""),
        dict(key="x", value="1", samesite="lax "),
    ]
    for key in COOKIE_KEYS:
        for value in COOKIE_VALUES:
            cases.append(dict(key=key, value=value))
    for _ in range(250):
        case = dict(key=rng.choice(COOKIE_KEYS), value=rng.choice(COOKIE_VALUES + [random_text(rng)]))
        if rng.random() < 0.5:
            case["max_age"] = rng.choice([0, 1, 60, 3600, 31 * 86400, -1])
        if rng.random() < 0.3:
            case["expires"] = rng.choice(
                [
                    {"kind": "timestamp", "value": rng.randint(0, 2**33)},
                    {"kind": "timestamp", "value": round(rng.uniform(0, 2**31), 3)},
                    {"kind": "datetime", "unix": rng.randint(-(2**35), 2**37)},
                    {"kind": "raw", "value": "Thu, 01 Jan 1970 00:00:00 GMT"},
                ]
            )
        if rng.random() < 0.3:
            case["path"] = rng.choice([None, "/", "/x", "/ä", "/a b"])
        if rng.random() < 0.2:
            case["domain"] = rng.choice(["localhost", ".localhost", "example.com", "EXAMPLE.com"])
        for flag in ("secure", "httponly", "partitioned"):
            if rng.random() < 0.3:
                case[flag] = True
        if rng.random() < 0.3:
            case["samesite"] = rng.choice(["Lax", "strict", "NONE", "bogus"])
        if rng.random() < 0.1:
            case["sync_expires"] = False
        cases.append(case)
    out = []
    for case in cases:
        case.setdefault("max_age", None)
        case.setdefault("expires", None)
        case.setdefault("path", "/")
        case.setdefault("domain", None)
        for flag in ("secure", "httponly", "partitioned"):
            case.setdefault(flag, False)
        case.setdefault("sync_expires", True)
        case.setdefault("samesite", None)
        case["now"] = now
        _NOW[0] = now
        expires = case["expires"]
        if expires is None:
            py_expires = None
        elif expires["kind"] == "timestamp":
            py_expires = expires["value"]
        elif expires["kind"] == "datetime":
            py_expires = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=expires["unix"])
        else:
            py_expires = expires["value"]
        entry = dict(case)
        try:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                header = werkzeug.http.dump_cookie(
                    case["key"],
                    case["value"],
                    max_age=case["max_age"],
                    expires=py_expires,
                    path=case["path"],
                    domain=case["domain"],
                    secure=case["secure"],
                    httponly=case["httponly"],
                    sync_expires=case["sync_expires"],
                    samesite=case["samesite"],
                    partitioned=case["partitioned"],
                )
            # WSGI tunnels the header's bytes through latin-1; record the bytes as UTF-8.
            entry["header"] = header.encode("latin-1").decode("utf-8")
        except Exception as exc:  # noqa: BLE001 - the error is the expected value
            entry["error"] = {"type": type(exc).__name__, "message": str(exc)}
        out.append(entry)
    return out


def write(path: str, cases: list) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(cases, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def main(argv) -> int:
    out_dir = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "primitives")
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20260101)
    files = {
        "signing_dumps.json": gen_dumps(rng),
        "signing_loads.json": gen_loads(rng),
        "dump_cookie.json": gen_dump_cookie(rng),
    }
    for name, cases in files.items():
        write(os.path.join(out_dir, name), cases)
        print(f"{name}: {len(cases)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
