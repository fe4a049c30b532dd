#!/usr/bin/env python3
"""Differential fuzzer: random small Python programs run by the playground and by CPython 3.11.

Each program is a few statements that print the repr of random expressions over ints, floats,
strings, bytes, lists, tuples, dicts and sets (operators, methods, slicing, formatting,
comprehensions, exceptions, `match`, the standard modules). Every program runs through
`session-playground py prog.py` and through `python3 prog.py` (PYTHONHASHSEED=0), and stdout,
stderr and the exit status are compared. A program that differs is minimised (statements are
dropped while the difference stays) and written to the output folder with both results.

The run is reproducible: program N of seed S is always the same text.

    python3 tests/python/fuzz/difffuzz.py --binary target/release/session-playground \\
        --seed 1 --count 20000 --jobs 2 --out /tmp/difffuzz

Differences it may show on purpose are in KNOWN_DIFFERENCES.md next to this file; the
generator avoids them (no iteration order of sets of strings, no id(), no hash() of str).
"""

import argparse
import concurrent.futures
import os
import pathlib
import random
import subprocess
import sys
import tempfile

INTS = ["0", "1", "-1", "2", "3", "7", "-5", "10", "255", "1000", "2**40", "-(2**63)", "12345678901234567890"]
FLOATS = ["0.0", "-0.0", "1.5", "0.1", "2.5", "-3.75", "1e10", "1e-5", "3.0", "float('inf')", "1/3"]
STRS = ["''", "'a'", "'abc'", "'Hello World'", "'  pad  '", "'a,b,,c'", "'ÄÖü'", "'42'", "'x\\ny'", "'%s-%d'", "'{}-{}'"]
BYTES = ["b''", "b'abc'", "b'\\x00\\xff'", "b'a,b'"]


JSON_TEXTS = ["'[1, 2.5, null]'", "'{\"a\": true}'", "'1e400'", "'[1,'", "'\"caf\\\\u00e9\"'"]


def atom(r, kind):
    return r.choice({"int": INTS, "float": FLOATS, "str": STRS, "bytes": BYTES}[kind])


def gen_list(r, depth):
    kind = r.choice(["int", "str", "float"])
    return "[" + ", ".join(expr(r, kind, depth + 1) for _ in range(r.randint(0, 4))) + "]"


def expr(r, kind, depth=0):
    """An expression whose value is (usually) of `kind`; it may raise."""
    if depth > 2:
        return atom(r, kind)
    c = r.random()
    if kind == "int":
        if c < 0.3:
            return atom(r, "int")
        if c < 0.6:
            op = r.choice(["+", "-", "*", "//", "%", "**", "&", "|", "^", "<<", ">>"])
            right = expr(r, "int", depth + 1)
            if op in ("**", "<<"):
                right = r.choice(["0", "1", "2", "3", "5"])
            return f"({expr(r, 'int', depth + 1)} {op} {right})"
        if c < 0.8:
            return r.choice([f"len({expr(r, 'str', depth + 1)})", f"abs({expr(r, 'int', depth + 1)})",
                             f"int({expr(r, 'float', depth + 1)})", f"round({expr(r, 'float', depth + 1)})",
                             f"{expr(r, 'str', depth + 1)}.count('a')", f"{expr(r, 'str', depth + 1)}.find('b')",
                             f"sum({gen_list(r, depth)} if False else [1, 2, 3])",
                             f"max({expr(r, 'int', depth + 1)}, {expr(r, 'int', depth + 1)})",
                             f"divmod({expr(r, 'int', depth + 1)}, {expr(r, 'int', depth + 1)})[0]"])
        return f"int({r.choice(STRS)})"
    if kind == "float":
        if c < 0.4:
            return atom(r, "float")
        op = r.choice(["+", "-", "*", "/", "//", "%", "**"])
        right = expr(r, r.choice(["int", "float"]), depth + 1)
        left = expr(r, 'float', depth + 1)
        if op == "**":
            # abs(): a negative base to a fractional power is a complex number, which the
            # playground refuses (KNOWN_DIFFERENCES.md).
            right = r.choice(["0.5", "2", "-1", "3"])
            left = f"abs({left})"
        return f"({left} {op} {right})"
    if kind == "str":
        if c < 0.25:
            return atom(r, "str")
        s = expr(r, "str", depth + 1)
        if c < 0.6:
            m = r.choice(["upper()", "lower()", "title()", "strip()", "swapcase()", "capitalize()",
                          "replace('a', 'xy')", "center(9, '*')", "zfill(6)", "ljust(5)", "rjust(5, '.')",
                          "split(',')", "partition(',')", "rsplit(None, 1)", "casefold()", "expandtabs(4)",
                          "removeprefix('a')", "removesuffix('c')", "isdigit()", "startswith(('a', 'H'))"])
            return f"{s}.{m}"
        if c < 0.75:
            return f"{s}[{r.choice(['0', '-1', '1:', ':2', '::-1', '1:-1', '::2', '5'])}]"
        if c < 0.85:
            return f"({s} + {expr(r, 'str', depth + 1)})"
        if c < 0.92:
            return f"({s} * {r.choice(['0', '2', '-1', '3'])})"
        return f"', '.join({s})"
    if kind == "bytes":
        b = atom(r, "bytes")
        return r.choice([b, f"{b}.hex()", f"{b}.upper()", f"{b}[1:]", f"{b} + {atom(r, 'bytes')}",
                         f"{b}.split(b',')", f"list({b})", f"{b}.decode('latin-1')", f"bytes({r.choice(['[65, 66]', '3', 'range(3)'])})"])
    return atom(r, "int")


def fmt_expr(r):
    v = expr(r, r.choice(["int", "float"]))
    spec = r.choice(["", ">8", "<6", "^7", "08.3f", ".2e", ",", "_", "+", "x", "o", "b", ".1%", "g", ".3g", "#x", "n"])
    return r.choice([f"format({v}, {spec!r})", f'f"{{{v}:{spec}}}"', f"'%r|%s' % ({v}, {v})",
                     f"'%5.2f|%-4d|%x' % ({expr(r, 'float')}, {expr(r, 'int')}, {expr(r, 'int')})",
                     f"str({v})", f"repr({v})"])


def container_expr(r):
    c = r.random()
    if c < 0.2:
        return f"sorted({gen_list(r, 0)})"
    if c < 0.35:
        return f"[x * 2 for x in range({r.randint(0, 6)}) if x % {r.randint(1, 3)}]"
    if c < 0.5:
        return f"{{k: v for k, v in zip({gen_list(r, 0)}, {gen_list(r, 0)})}}"
    if c < 0.6:
        return f"sorted({{{expr(r, 'int', 2)}, {expr(r, 'int', 2)}, 3}} {r.choice(['|', '&', '-', '^'])} {{1, 2, 3}})"
    if c < 0.7:
        return f"tuple(reversed({gen_list(r, 0)}))"
    if c < 0.8:
        return f"dict(a=1, b=[2, 3]) | {{'c': {expr(r, 'int', 2)}}}"
    if c < 0.9:
        return f"{gen_list(r, 0)}[{r.choice(['0', '-1', '1:3', '::-1', '10'])}]"
    return f"list(enumerate({atom(r, 'str')}, {r.randint(0, 2)}))"


def stdlib_expr(r):
    return r.choice([
        f"math.{r.choice(['floor', 'ceil', 'sqrt', 'fabs', 'trunc'])}({expr(r, 'float')})",
        f"math.gcd({expr(r, 'int')}, {expr(r, 'int')})",
        f"json.dumps({container_expr(r)})",
        "json.loads(" + r.choice(JSON_TEXTS) + ")",
        f"functools.reduce(lambda a, b: a + b, {gen_list(r, 0)}, 0)",
        f"collections.Counter({atom(r, 'str')}).most_common(2)",
        f"dataclasses.astuple(P({expr(r, 'int')}, {expr(r, 'int')}))",
        f"Color({r.choice(['1', '2', '3'])})",
        f"[c.name for c in Color]",
        f"textwrap.wrap({expr(r, 'str')}, {r.choice(['1', '3', '5', '8', '20'])})",
        f"textwrap.shorten({expr(r, 'str')}, {r.choice(['6', '8', '12'])})",
        f"textwrap.indent({expr(r, 'str')}, '> ')",
        f"html.escape({expr(r, 'str')})",
        f"base64.b64encode({atom(r, 'bytes')})",
        f"urllib.parse.quote({atom(r, 'str')})",
        f"hashlib.md5({atom(r, 'bytes')}).hexdigest()",
        f"re.sub('[aeiou]', '-', {atom(r, 'str')})",
        f"re.findall(r'\\w+', {atom(r, 'str')})",
    ])


def match_stmt(r):
    subject = r.choice([gen_list(r, 0), expr(r, "int"), atom(r, "str"), "{'k': 1, 'v': [2, 3]}",
                        "P(1, 2)", "(1, 'a')"])
    cases = r.sample([
        "case []: print('empty')",
        "case [x]: print('one', x)",
        "case [x, *rest]: print('many', x, rest)",
        "case int(n) if n > 3: print('big', n)",
        "case 0 | 1 as small: print('small', small)",
        "case str() as s: print('str', s)",
        "case {'k': k, **others}: print('map', k, others)",
        "case P(x=0): print('P on axis')",
        "case P(a, b): print('P', a, b)",
        "case (1, str(t)): print('pair', t)",
    ], r.randint(1, 4))
    body = "\n".join("    " + c for c in cases)
    return f"match {subject}:\n{body}\n    case _: print('other')"


def statement(r):
    c = r.random()
    if c < 0.1:
        return match_stmt(r)
    if c < 0.4:
        e = expr(r, r.choice(["int", "float", "str", "bytes"]))
    elif c < 0.6:
        e = fmt_expr(r)
    elif c < 0.8:
        e = container_expr(r)
    else:
        e = stdlib_expr(r)
    return f"try:\n    print(repr({e}))\nexcept Exception as e:\n    print(type(e).__name__, e)"


# What a program may use, each part included only when the program's text needs it (starting
# Python with every module imported would make each run several times slower).
PRELUDE_PARTS = [
    ("math.", "import math\n"),
    ("json.", "import json\n"),
    ("functools.", "import functools\n"),
    ("collections.", "import collections\n"),
    ("P(", "import dataclasses\n@dataclasses.dataclass\nclass P:\n    x: int\n    y: int\n"),
    ("Color", "import enum\nclass Color(enum.Enum):\n    RED = 1\n    GREEN = 2\n"),
    ("textwrap.", "import textwrap\n"),
    ("html.", "import html\n"),
    ("base64.", "import base64\n"),
    ("urllib.parse.", "import urllib.parse\n"),
    ("hashlib.", "import hashlib\n"),
    ("re.sub(", "import re\n"),
    ("re.findall(", "import re\n"),
]


def prelude(stmts):
    text = "\n".join(stmts)
    return "".join(part for needle, part in PRELUDE_PARTS if needle in text)


def program(seed, n):
    r = random.Random(f"{seed}:{n}")
    stmts = [statement(r) for _ in range(r.randint(1, 6))]
    if r.random() < 0.1:
        # End on an uncaught error: the traceback is compared too.
        stmts.append(f"print({expr(r, 'int')} / 0)")
    return stmts


def run(argv, source, workdir):
    path = os.path.join(workdir, "prog.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        done = subprocess.run(argv + ["prog.py"], cwd=workdir, env=env, capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return (b"", b"timeout", -1)
    # CPython names the script by its absolute path in tracebacks; the playground by its name.
    stderr = done.stderr.replace(f'File "{path}"'.encode(), b'File "prog.py"')
    return (done.stdout, stderr, done.returncode)


def differs(binary, stmts, workdir):
    source = prelude(stmts) + "\n".join(stmts) + "\n"
    ours = run([binary, "py"], source, workdir)
    # -S: no `site` (the programs import only the standard library); it halves CPython's start-up.
    theirs = run([sys.executable if sys.version_info[:2] == (3, 11) else "python3", "-S"], source, workdir)
    return ours != theirs, ours, theirs


def minimise(binary, stmts, workdir):
    """Drop statements one at a time while the programs still differ."""
    i = 0
    while i < len(stmts) and len(stmts) > 1:
        trial = stmts[:i] + stmts[i + 1:]
        if differs(binary, trial, workdir)[0]:
            stmts = trial
        else:
            i += 1
    return stmts


def check(args, n):
    stmts = program(args.seed, n)
    with tempfile.TemporaryDirectory() as workdir:
        bad, _, _ = differs(args.binary, stmts, workdir)
        if not bad:
            return None
        small = minimise(args.binary, stmts, workdir)
        _, ours, theirs = differs(args.binary, small, workdir)
        return n, prelude(small) + "\n".join(small) + "\n", ours, theirs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", required=True, help="the session-playground binary")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first program number")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", default="difffuzz-out", help="folder for minimised differences")
    ap.add_argument("--show", type=int, help="print program N of the seed and exit")
    args = ap.parse_args()
    if args.show is not None:
        stmts = program(args.seed, args.show)
        print(prelude(stmts) + "\n".join(stmts))
        return 0
    args.binary = os.path.abspath(args.binary)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    found = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for result in pool.map(lambda n: check(args, n), range(args.start, args.start + args.count)):
            if result is None:
                continue
            found += 1
            n, source, ours, theirs = result
            (out / f"diff-{args.seed}-{n}.py").write_text(source, encoding="utf-8")
            report = (f"# ours (status {ours[2]})\n{ours[0].decode(errors='replace')}{ours[1].decode(errors='replace')}"
                      f"# cpython (status {theirs[2]})\n{theirs[0].decode(errors='replace')}{theirs[1].decode(errors='replace')}")
            (out / f"diff-{args.seed}-{n}.txt").write_text(report, encoding="utf-8")
    print(f"difffuzz: seed {args.seed}, programs {args.start}..{args.start + args.count - 1}: "
          f"{args.count} run, {found} differ (minimised in {out})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
