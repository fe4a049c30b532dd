"""Print the arity of CPython 3.11's built-in functions and methods as `Native` table entries.

The interpreter declares each native's arity beside its Rust function (`src/python/native.rs`);
this tool asks CPython for the facts so no count or wording is guessed: it calls each callable
with a keyword only, with no argument and with twenty, and reads the TypeError CPython raises.

    python3 tests/python/tools/native_arity.py str upper split ...      # methods of a type
    python3 tests/python/tools/native_arity.py builtins len getattr ... # built-in functions
    python3 tests/python/tools/native_arity.py math sqrt ...            # a module's functions

Each line is `name: Arity...` (the Rust expression), or `name: ?` with what CPython said when
the tool cannot tell (the body then checks for itself: `Arity::ANY`).
"""

import importlib
import re
import sys

SAMPLES = {
    "str": "abc",
    "bytes": b"abc",
    "list": [],
    "dict": {},
    "set": set(),
    "frozenset": frozenset(),
    "tuple": (),
    "int": 1,
    "float": 1.0,
}
# Never called: they wait for input, end the process or open a debugger.
UNSAFE = {"input", "exit", "quit", "help", "breakpoint", "print", "open"}


def error_of(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except TypeError as e:
        return str(e)
    except Exception:
        return None
    return None


def arity(f):
    kw = error_of(f, zzz_probe=1)
    keywords = not (kw and "takes no keyword arguments" in kw)
    none = error_of(f)
    many = error_of(f, *([None] * 20))
    words = None
    lo, hi = 0, "MANY"
    if none is not None and (m := re.fullmatch(r"expected (\d+) arguments?, got 0", none)):
        return f"Arity::slot({m.group(1)})", None
    if many is not None and (m := re.fullmatch(r"expected (\d+) arguments?, got 20", many)):
        return f"Arity::slot({m.group(1)})", None
    if none is not None:
        if "takes exactly one argument (0 given)" in none:
            words, lo = "one", 1
        elif m := re.search(r"expected (?:at least )?(\d+) arguments?, got 0", none):
            words, lo = "clinic", int(m.group(1))
        elif m := re.search(r"takes at least (\d+) arguments? \(0 given\)", none):
            words, lo = "tuple", int(m.group(1))
        elif "keyword" in none or "missing" in none:
            return None, none
    if many is not None:
        if "takes no arguments (20 given)" in many:
            words, hi = "none", 0
        elif "takes exactly one argument (20 given)" in many:
            words, hi = "one", 1
        elif m := re.search(r"expected (?:at most )?(\d+) arguments?, got 20", many):
            words, hi = "clinic", int(m.group(1))
        elif m := re.search(r"takes at most (\d+) arguments? \(20 given\)", many):
            words, hi = "tuple", int(m.group(1))
        else:
            return None, many
    if words == "none":
        return "Arity::NONE", None
    if words == "one":
        return "Arity::ONE", None
    if words is None:
        return ("Arity::ANY" if keywords else "Arity::tuple(0, MANY)"), None
    expr = f"Arity::{words}({lo}, {hi})"
    return (expr + ".kw()" if keywords else expr), None


def main():
    owner, names = sys.argv[1], sys.argv[2:]
    for name in names:
        if name in UNSAFE:
            print(f"{name}: ? (not called)")
            continue
        if owner in SAMPLES:
            f = getattr(SAMPLES[owner], name)
        elif owner == "builtins":
            f = getattr(__builtins__, name)
        else:
            f = getattr(importlib.import_module(owner), name)
        expr, said = arity(f)
        print(f"{name}: {expr}" if expr else f"{name}: ? ({said})")


main()
