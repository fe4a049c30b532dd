#!/usr/bin/env python3
"""Compare two scenario transcripts under the contract's comparison rules.

    python compare.py EXPECTED.json ACTUAL.json

Exit 0 when they are equal, 1 with a readable diff (one line per difference, each
naming its place, e.g. ``steps[2].headers: Set-Cookie``) when they are not, 2 when
a file can't be read.

Rules (contract scenario-v1, "Comparing two transcripts"):
- header names compare case-insensitively; the order of different header names does
  not matter, the order of headers with the same name (Set-Cookie) does;
- Content-Length and Date are ignored;
- the Allow value compares as a set of methods;
- jar order is ignored;
- everything else compares exactly.
The same rules apply to the headers of every recorded redirect.
"""

from __future__ import annotations

import json
import sys

IGNORED_HEADERS = {"content-length", "date"}


def normalize_headers(headers):
    """Headers as {lower name: [values in order]}, with Allow as a sorted set."""
    if not isinstance(headers, list):
        return headers
    grouped = {}
    for pair in headers:
        if not (isinstance(pair, list) and len(pair) == 2):
            return headers  # malformed: compare as-is
        name, value = pair
        lower = str(name).lower()
        if lower in IGNORED_HEADERS:
            continue
        if lower == "allow" and isinstance(value, str):
            value = sorted({m.strip() for m in value.split(",") if m.strip()})
        grouped.setdefault(lower, []).append(value)
    return grouped


def normalize_jar(jar):
    if not isinstance(jar, list):
        return jar
    return sorted(jar, key=lambda c: json.dumps(c, sort_keys=True, ensure_ascii=False))


def normalize_step(step):
    if not isinstance(step, dict):
        return step
    step = dict(step)
    if "headers" in step:
        step["headers"] = normalize_headers(step["headers"])
    if isinstance(step.get("redirects"), list):
        step["redirects"] = [
            dict(r, headers=normalize_headers(r.get("headers"))) if isinstance(r, dict) else r
            for r in step["redirects"]
        ]
    if "jar" in step:
        step["jar"] = normalize_jar(step["jar"])
    return step


def normalize(transcript):
    if not isinstance(transcript, dict):
        return transcript
    transcript = dict(transcript)
    if isinstance(transcript.get("steps"), list):
        transcript["steps"] = [normalize_step(s) for s in transcript["steps"]]
    return transcript


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def diff(expected, actual, where="transcript"):
    """Yield one human-readable line per difference."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            if key not in actual:
                yield f"{where}.{key}: missing (expected {_show(expected[key])})"
            else:
                yield from diff(expected[key], actual[key], f"{where}.{key}")
        for key in actual:
            if key not in expected:
                yield f"{where}.{key}: unexpected {_show(actual[key])}"
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            yield f"{where}: {len(expected)} items expected, {len(actual)} found"
            for index in range(len(actual), len(expected)):
                yield f"{where}[{index}]: missing {_show(expected[index])}"
            for index in range(len(expected), len(actual)):
                yield f"{where}[{index}]: unexpected {_show(actual[index])}"
        for index, (left, right) in enumerate(zip(expected, actual)):
            yield from diff(left, right, f"{where}[{index}]")
    elif expected != actual or type(expected) is not type(actual):
        if isinstance(expected, str) and isinstance(actual, str) and "\n" in expected + actual:
            import difflib

            lines = difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm=""
            )
            yield f"{where}:\n    " + "\n    ".join(lines)
        else:
            yield f"{where}:\n    expected {_show(expected)}\n    actual   {_show(actual)}"


def compare(expected, actual) -> list:
    return list(diff(normalize(expected), normalize(actual)))


def main(argv) -> int:
    if len(argv) != 3:
        print("usage: compare.py EXPECTED.json ACTUAL.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            expected = json.load(handle)
        with open(argv[2], encoding="utf-8") as handle:
            actual = json.load(handle)
    except (OSError, ValueError) as exc:
        print(f"compare.py: {exc}", file=sys.stderr)
        return 2
    differences = compare(expected, actual)
    for line in differences:
        print(line)
    if differences:
        print(f"{len(differences)} difference(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
