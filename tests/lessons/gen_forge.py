"""Writes tests/lessons/forge.json: session cookies signed by REAL Flask 3.1.3 / itsdangerous 2.2
for the dev tools' forging tools (src/flask/forge.rs) to match.

    tests/oracle/.venv/bin/python tests/lessons/gen_forge.py

Each case is the JSON text a learner types into "Sign a session", a secret key and a time; the
cookie is what Flask's own session serializer writes for that object with that key at that time
(inside an app context, as when Flask saves a session). "Guess the key" must find the key of
each cookie exactly when it is on the tool's list, which this script reads from forge.rs.
"""

import json
import os
import re
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

CASES = [
    ('{ "user": "mallory", "role": "admin" }', "dev", 1767225600),
    ('{"role":"admin"}', "secret", 1767225600 + 1860),
    ('{"name": "Zo\u00eb \U0001f36a", "n": 3, "ok": true, "items": [1, 2.5, null]}', "change-me", 1767225600),
    ('{"b": {"z": 1, "a": 2}, "a": []}', "flask", 1780000000),
    ('{"note": "' + "abc" * 300 + '"}', "k", 1767225600),
    ('{}', "password", 1767225600),
    ('{"x": 0.1, "y": -2, "big": 123456789012}', "a-long-random-key-nobody-guesses", 1767225600),
]


def common_keys():
    with open(os.path.join(ROOT, "src", "flask", "forge.rs"), encoding="utf-8") as handle:
        source = handle.read()
    block = re.search(r"pub const COMMON_KEYS: &\[&str\] = &\[(.*?)\];", source, re.S).group(1)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', block)


def main():
    from flask import Flask

    keys = common_keys()
    out = []
    for text, key, now in CASES:
        app = Flask("forge")
        app.secret_key = key
        serializer = app.session_interface.get_signing_serializer(app)
        with app.app_context(), mock.patch("time.time", return_value=float(now)):
            cookie = serializer.dumps(json.loads(text))
        out.append({"text": text, "key": key, "now": now, "cookie": cookie, "guessed": key if key in keys else None})
    with open(os.path.join(HERE, "forge.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print("wrote", len(out), "cases")


if __name__ == "__main__":
    main()
