"""Plays every built-in lesson's solution and quiz runs through REAL Flask 3.1.3 and writes what
happened to tests/lessons/oracle/<id>.json; tests/lessons/main.rs plays the same steps through the
simulated Flask and compares, so no lesson claims anything the real Flask does not do.

    tests/oracle/.venv/bin/python tests/lessons/oracle_lessons.py

(run tests/oracle/regenerate.sh once to create the venv). It reuses tests/oracle/oracle.py's
browser model (jar, redirects, clock) and adds the actions lessons have beyond scenario-v1:
open_browser, continue_where_left_off, copy_cookie, forge_session (signed with itsdangerous
exactly as Flask signs), edit_code (the app is re-imported; jars are kept, like the reloader)
and session_mode (the oracle keeps Flask's signed cookie, as the playground does until the
other modes exist).
"""

import glob
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "oracle"))

import oracle  # noqa: E402

DEFAULT_CLOCK = "2026-01-01T00:00:00Z"


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


def play(code, profiles, clock, steps):
    """The record of every step: what the page got and what the profile's jar holds after."""
    oracle._NOW[0] = clock
    app, startup_error = oracle.load_app(code)
    server = oracle.Server(app) if app is not None else None
    jars = {name: oracle.Jar() for name in profiles}
    keep_session = {name: False for name in profiles}
    records = []
    for step in steps:
        browser = step.get("browser", profiles[0])
        jar = jars.setdefault(browser, oracle.Jar())
        keep_session.setdefault(browser, False)
        record = {"browser": browser, "status": None, "body": None, "set_cookie": [], "note": None}
        if "request" in step:
            if server is None:
                record["note"] = "app not running"
            else:
                result = oracle.run_request(server, jar, request_of(step["request"]))
                record["status"] = result["status"]
                record["body"] = result["body"]
                for hop in result["redirects"] + [result]:
                    record["set_cookie"] += [v for k, v in hop["headers"] if k.lower() == "set-cookie"]
        elif "close_browser" in step:
            if not keep_session[browser]:
                jar.close()
        elif "open_private_window" in step:
            raise NotImplementedError("private windows are not modelled here yet")
        elif "continue_where_left_off" in step:
            keep_session[browser] = step["continue_where_left_off"]
        elif "advance_clock" in step:
            oracle._NOW[0] += step["advance_clock"]
        elif "set_cookie" in step:
            jar.devtools_set(step["set_cookie"]["name"], step["set_cookie"]["value"])
        elif "delete_cookie" in step:
            jar.devtools_delete(step["delete_cookie"])
        elif "copy_cookie" in step:
            name, to = step["copy_cookie"]["name"], step["copy_cookie"]["to"]
            jar.snapshot(oracle._NOW[0])  # drops expired cookies
            for cookie in [c for c in jar.cookies if c["name"] == name][:1]:
                target = jars.setdefault(to, oracle.Jar())
                target.counter += 1
                target.cookies = [c for c in target.cookies if not (c["name"] == name and c["path"] == cookie["path"])]
                target.cookies.append({**cookie, "created": target.counter})
        elif "forge_session" in step:
            name = app.config["SESSION_COOKIE_NAME"] if app is not None else "session"
            jar.devtools_set(name, forge(step["forge_session"]["secret"], step["forge_session"]["data"]))
        elif "edit_code" in step:
            code = step["edit_code"]
            app, startup_error = oracle.load_app(code)
            server = oracle.Server(app) if app is not None else None
        record["startup_error"] = startup_error["type"] if startup_error else None
        record["jar"] = jar.snapshot(oracle._NOW[0])
        records.append(record)
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
    out_dir = os.path.join(HERE, "oracle")
    os.makedirs(out_dir, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(ROOT, "lessons", "*.json"))):
        with open(path, encoding="utf-8") as handle:
            lesson = json.load(handle)
        settings = lesson.get("settings", {})
        profiles = settings.get("profiles", ["Alice", "Bob"])
        clock = oracle.parse_clock(lesson.get("clock", DEFAULT_CLOCK), "clock")
        solution = lesson.get("solution", lesson.get("steps", []))
        result = {"solution": play(lesson["code"], profiles, clock, solution), "quiz": []}
        quiz = lesson.get("quiz")
        for option in quiz["options"] if quiz else []:
            code = option_code(quiz["template"], option["code"]) if "code" in option else lesson["code"]
            result["quiz"].append(play(code, profiles, clock, quiz.get("steps", [])))
        with open(os.path.join(out_dir, lesson["id"] + ".json"), "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1, ensure_ascii=False)
            handle.write("\n")
        print("wrote", lesson["id"])


if __name__ == "__main__":
    os.environ["PYTHONHASHSEED"] = "0"
    main()
