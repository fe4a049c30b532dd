#!/usr/bin/env python3
"""Generate the fixtures for `crate::python::text` from the real CPython.

Run with CPython 3.11 from the repository root:

    python3 tests/python_text/generate.py

Every expected value in the JSON files beside this script comes from the
interpreter running this script; none is typed by hand. The inputs are drawn
from a seeded `random.Random`, so re-running the script reproduces the files
byte for byte.

Encoding conventions shared with the Rust tests:
- a float is the 16-hex-digit string of its IEEE-754 bits (exact, and it
  carries inf, nan and -0.0 through JSON unchanged);
- an int is its decimal string (ints are arbitrary precision);
- an outcome is either {"ok": value} or {"err": [exception name, message]}.
"""

import json
import math
import os
import random
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def outcome(fn):
    try:
        return {"ok": fn()}
    except Exception as exc:  # the exception is the expected result
        return {"err": [type(exc).__name__, str(exc)]}


def write(name, cases):
    path = os.path.join(HERE, name)
    # One case per line: compact, and a regeneration diffs case by case.
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(case, ensure_ascii=True, separators=(",", ":")) for case in cases))
        f.write("\n]\n")
    print("%s: %d cases" % (name, len(cases)))


# ---------------------------------------------------------------- floats

def interesting_floats(rng, n):
    out = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, 0.2,
           0.1 + 0.2, 100.0, 1e16, 1e15, 1e-4, 1e-5, 1e22, 1e23, 2e16 + 8,
           5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
           123456789.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1e100, 1e-100,
           9.999999999999999e22, 12345678901234567890.0, 3.141592653589793,
           2.718281828459045, 1 / 3, 2 / 3, 999999.5, 9999999.0, 0.0001,
           0.00001234, 1234.5, 99.99, 0.05, 0.15, 0.25, 0.35, 1e300 * 10]
    for e in range(-25, 25):
        out.append(10.0 ** e)
        out.append(-(10.0 ** e))
        out.append(10.0 ** e * 9.5)
    while len(out) < n:
        kind = rng.randrange(6)
        if kind == 0:
            bits = rng.getrandbits(64)
            x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        elif kind == 1:
            x = rng.randrange(-10**6, 10**6) / 10 ** rng.randrange(0, 8)
        elif kind == 2:
            x = float(rng.randrange(-10**18, 10**18))
        elif kind == 3:
            x = rng.uniform(-1, 1) * 10.0 ** rng.randrange(-30, 30)
        elif kind == 4:
            x = round(rng.uniform(-1000, 1000), rng.randrange(0, 4)) + 0.5 * 10 ** -rng.randrange(0, 4)
        else:
            x = rng.choice([0.5, 1.5, 2.5, 0.05, 0.005, 12.5]) * rng.choice([1, -1, 10, 100])
        out.append(x)
    return out


def repr_ties(rng, n):
    """Floats whose shortest repr has two candidates equally near (999999999999999.25 is
    `...999.2` or `...999.3` to 16 digits; CPython takes the even one): an integer of 13 to 17
    digits plus a binary fraction, and doubles just around powers of two."""
    out = [999999999999999.25, -0.75 + 1000 ** 5]
    while len(out) < n:
        if rng.random() < 0.8:
            whole = rng.randrange(10 ** rng.randrange(12, 17), 10 ** 17)
            x = whole + rng.choice([0.25, 0.75, 0.125, 0.375, 0.625, 0.875, 0.0625, 0.5])
        else:
            x = math.nextafter(2.0 ** rng.randrange(-1074, 1024), rng.choice([0.0, math.inf]))
        out.append(x * rng.choice([1, -1]))
    return out


def gen_float_repr(rng):
    cases = []
    for x in interesting_floats(rng, 4000) + repr_ties(random.Random(16), 1500):
        cases.append([fbits(x), repr(x)])
    write("float_repr.json", cases)


def gen_float_round(rng):
    cases = []
    for x in interesting_floats(rng, 1500):
        for nd in rng.sample([-400, -309, -20, -5, -2, -1, 0, 1, 2, 3, 5, 10, 17, 20, 300, 330], 4):
            res = outcome(lambda: fbits(round(x, nd)))
            cases.append([fbits(x), nd, res])
        res = outcome(lambda: str(round(x)))
        cases.append([fbits(x), None, res])
    write("float_round.json", cases)


# ---------------------------------------------------------------- format()

FILL_ALIGN = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "0=", "x=", "0<", "\u00e9>"]
SIGN = ["", "", "+", "-", " "]
Z = ["", "", "", "z"]
ALT = ["", "", "#"]
ZERO = ["", "", "0"]
WIDTH = ["", "", "1", "5", "10", "17"]
GROUP = ["", "", "", ",", "_"]
PREC = ["", "", ".0", ".1", ".2", ".3", ".6", ".12", ".20"]
FLOAT_TYPES = ["", "e", "E", "f", "F", "g", "G", "n", "%"]
INT_TYPES = ["", "d", "b", "o", "x", "X", "c", "n"]
STR_TYPES = ["", "s"]
BAD_TYPES = ["d", "s", "q", "j", "\x01", "\u00e9", "r", "i", "u"]


def random_spec(rng, types):
    return "".join([rng.choice(FILL_ALIGN), rng.choice(SIGN), rng.choice(Z),
                    rng.choice(ALT), rng.choice(ZERO), rng.choice(WIDTH),
                    rng.choice(GROUP), rng.choice(PREC), rng.choice(types)])


def interesting_ints(rng, n):
    out = [0, 1, -1, 7, -7, 10, 255, -255, 1000, 1234567, -1234567, 10**20,
           -10**30, 65, 97, 0x10FFFF, 0x110000, 2**63, 2**64 - 1, 1 << 100]
    while len(out) < n:
        k = rng.randrange(4)
        if k == 0:
            out.append(rng.randrange(-1000, 1000))
        elif k == 1:
            out.append(rng.randrange(-10**9, 10**9))
        elif k == 2:
            out.append(rng.randrange(-10**40, 10**40))
        else:
            out.append(rng.randrange(32, 0x300))
    return out


def gen_format_spec(rng):
    floats = interesting_floats(rng, 600)
    ints = interesting_ints(rng, 300)
    strs = ["", "a", "abc", "hello world", "\u00e9t\u00e9", "\U0001F600x", "tab\there", "0123456789abcdef"]
    float_cases, int_cases, str_cases = [], [], []
    for _ in range(9000):
        x = rng.choice(floats)
        spec = random_spec(rng, FLOAT_TYPES if rng.random() < 0.95 else BAD_TYPES)
        float_cases.append([fbits(x), spec, outcome(lambda: format(x, spec))])
    for _ in range(6000):
        x = rng.choice(ints)
        types = INT_TYPES + ["e", "f", "g", "%", "E", "F", "G"] if rng.random() < 0.9 else BAD_TYPES
        spec = random_spec(rng, types)
        int_cases.append([str(x), spec, outcome(lambda: format(x, spec))])
    for _ in range(2500):
        x = rng.choice(strs)
        spec = random_spec(rng, STR_TYPES if rng.random() < 0.85 else BAD_TYPES)
        str_cases.append([x, spec, outcome(lambda: format(x, spec))])
    # Malformed specs: leftovers, huge widths, missing precision, double grouping.
    odd = [",,", ",_", "_,", "__", ".", ".x", "10.", "+ ", "0x0", "99999999999999999999", "<<<",
           ".99999999999999999999", "=+", "x", "xx", ">10x", ",d", "_x", ",b", "_c", ",c", ",s", "_s",
           "+c", "#c", "z", "zd", "zs", ".3d", ".3", "=s", "#s", "+s", "0s", "05", "<05", "^08,",
           "010,", "012_", "#010x", "#_b", "#,x", "_o", ".2%", "010.3%", " 10", "z.1f", "-z.1f",
           "%", ".0%", "0<5", "0=10.2f", "\x00", "\x00<3", "{}", "abc", ".-1f", "_n", ",n", "z,"]
    for spec in odd:
        for x in [0.0, -0.0, 1.5, -1234.5678, math.inf, math.nan]:
            float_cases.append([fbits(x), spec, outcome(lambda: format(x, spec))])
        for x in [0, -5, 1234567, 97]:
            int_cases.append([str(x), spec, outcome(lambda: format(x, spec))])
        for x in ["", "ab"]:
            str_cases.append([x, spec, outcome(lambda: format(x, spec))])
    write("format_float.json", float_cases)
    write("format_int.json", int_cases)
    write("format_str.json", str_cases)


# ---------------------------------------------------------------- Unicode tables

def code_ranges(pred):
    out, start = [], None
    for c in range(0x110000):
        ok = pred(chr(c))
        if ok and start is None:
            start = c
        if not ok and start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def rust_ranges(name, doc, ranges):
    body = "".join("(0x%x, 0x%x)," % r + ("\n    " if i % 6 == 5 else " ") for i, r in enumerate(ranges))
    return "/// %s\npub(super) static %s: &[(u32, u32)] = &[\n    %s\n];\n\n" % (doc, name, body.rstrip())


def rust_str_map(name, doc, pairs):
    def lit(text):
        return "".join("\\u{%x}" % ord(ch) for ch in text)
    body = "".join('(0x%x, "%s"),\n    ' % (c, lit(t)) for c, t in pairs)
    return "/// %s\npub(super) static %s: &[(u32, &str)] = &[\n    %s\n];\n\n" % (doc, name, body.rstrip())


# Code points whose case mappings or case properties differ between CPython
# 3.11's Unicode 14.0 and the newer Unicode of Rust's standard library (found
# by the case_maps.json test). Only the code points are listed here; their
# CPython values are generated below.
CASE_DRIFT = [0x19B, 0x264, 0x295, 0xA7D3, 0xA7D5]


def gen_unicode_tables():
    import unicodedata
    decimal_starts = []
    for lo, hi in code_ranges(str.isdecimal):
        assert (hi - lo + 1) % 10 == 0
        for start in range(lo, hi + 1, 10):
            assert all(unicodedata.decimal(chr(start + k)) == k for k in range(10))
            decimal_starts.append(start)
    title_exceptions = [(c, chr(c).title()) for c in range(0x110000)
                        if 0xD800 > c or c > 0xDFFF
                        if chr(c).title() != chr(c).upper()]
    fold_exceptions = [(c, chr(c).casefold()) for c in range(0x110000)
                       if 0xD800 > c or c > 0xDFFF
                       if chr(c).casefold() != chr(c).lower()]
    text = ["//! Unicode character classes and case exceptions exactly as CPython %s\n"
            "//! (Unicode %s) defines them, as sorted code point ranges.\n//!\n"
            "//! GENERATED by `tests/python_text/generate.py` from CPython's own `str`\n"
            "//! predicates and `unicodedata`; do not edit by hand. Kept as ranges\n"
            "//! rather than a crate because Python's classes (`isalpha` is the L*\n"
            "//! categories, `isspace` includes U+001C..U+001F, `isnumeric` includes CJK\n"
            "//! numerals) differ from Rust's `char` methods and from the Unicode\n"
            "//! version Rust ships.\n\n" % (sys.version.split()[0], unicodedata.unidata_version)]
    text.append(rust_ranges("PRINTABLE", "`str.isprintable()` per character (what `repr` leaves unescaped).",
                            code_ranges(str.isprintable)))
    text.append(rust_ranges("ALPHA", "`str.isalpha()`: categories Lm, Lt, Lu, Ll, Lo.", code_ranges(str.isalpha)))
    text.append(rust_ranges("DIGIT", "`str.isdigit()`: characters with a digit value.", code_ranges(str.isdigit)))
    text.append(rust_ranges("NUMERIC", "`str.isnumeric()`: characters with a numeric value.", code_ranges(str.isnumeric)))
    text.append(rust_ranges("SPACE", "`str.isspace()`: bidirectional WS, B, S or category Zs.", code_ranges(str.isspace)))
    text.append(rust_ranges("TITLE", "Category Lt (titlecase letters).",
                            code_ranges(lambda ch: unicodedata.category(ch) == "Lt")))
    text.append(rust_ranges("ID_START", "Valid first characters of an identifier (XID_Start and `_`).",
                            code_ranges(lambda ch: (ch + "a").isidentifier())))
    text.append(rust_ranges("WIDE", "East Asian Width W or F: two columns wide where tracebacks place their carets.",
                            code_ranges(lambda ch: unicodedata.east_asian_width(ch) in "WF")))
    text.append(rust_ranges("ID_CONTINUE", "Valid later characters of an identifier (XID_Continue).",
                            code_ranges(lambda ch: ("a" + ch).isidentifier())))
    text.append("/// First code point (digit zero) of each run of ten decimal digits\n"
                "/// (category Nd); `isdecimal` and the digit values `int()` accepts.\n"
                "pub(super) static DECIMAL_ZEROS: &[u32] = &[\n    %s\n];\n\n"
                % " ".join("0x%x," % c for c in decimal_starts))
    text.append(rust_str_map("TITLE_EXCEPTIONS", "Characters whose title case differs from their upper case.",
                             title_exceptions))
    text.append(rust_str_map("CASEFOLD_EXCEPTIONS", "Characters whose case fold differs from their lower case.",
                             fold_exceptions))
    overrides = []
    for c in CASE_DRIFT:
        ch = chr(c)
        overrides.append("(0x%x, \"%s\", \"%s\", \"%s\", %s, %s),\n    " % (
            c, "".join("\\u{%x}" % ord(x) for x in ch.upper()), "".join("\\u{%x}" % ord(x) for x in ch.lower()),
            "".join("\\u{%x}" % ord(x) for x in ch.title()), str(ch.isupper()).lower(), str(ch.islower()).lower()))
    text.append("/// CPython's (upper, lower, title, isupper, islower) for the characters whose\n"
                "/// case data changed after Unicode %s in the Unicode version of Rust's std.\n"
                "pub(super) static CASE_OVERRIDES: &[(u32, &str, &str, &str, bool, bool)] = &[\n    %s\n];\n\n"
                % (unicodedata.unidata_version, "".join(overrides).rstrip()))
    path = os.path.join(HERE, "..", "..", "src", "python", "text", "unicode_tables.rs")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(text).rstrip() + "\n")
    print("unicode_tables.rs written")


# ---------------------------------------------------------------- str repr and case

def tricky_strings(rng, n):
    import unicodedata
    base = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\n\r\t", "\x00\x7f\x80\x9f\xa0\xad",
            "\u2028\u2029", "\ud7ff\ue000\uffff", "\U0001F600", "\U000E0001", "\U0010FFFF", "caf\u00e9",
            "\u0378", "\u200b\u200d", "\u3000x", "\x1b[0m", "\xff", "\u0100", "\u00a0"]
    pool = [chr(c) for c in list(range(0, 0x250)) + list(range(0x2000, 0x2070)) + [0x3a3, 0x3c2, 0x130, 0x131, 0xdf, 0x1e9e, 0xfb00, 0x1c5, 0x345, 0x307]]
    while len(base) < n:
        k = rng.randrange(3)
        if k == 0:
            base.append("".join(rng.choice(pool) for _ in range(rng.randrange(1, 8))))
        elif k == 1:
            cs = []
            while len(cs) < rng.randrange(1, 6):
                c = rng.randrange(0x110000)
                if not 0xD800 <= c <= 0xDFFF:
                    cs.append(chr(c))
            base.append("".join(cs))
        else:
            base.append("".join(rng.choice("aA'\" \\\n\tz\u00e9\u03a3") for _ in range(rng.randrange(1, 10))))
    return base


def gen_str_repr(rng):
    cases = [[s, repr(s)] for s in tricky_strings(rng, 3000)]
    for c in range(0x110000):
        if not 0xD800 <= c <= 0xDFFF and c % 197 == 0:
            cases.append([chr(c), repr(chr(c))])
    write("str_repr.json", cases)
    bcases = []
    for _ in range(1500):
        b = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 8)))
        bcases.append([list(b), repr(b)])
    for b in [b"", b"'", b'"', b"'\"", b"\\", bytes(range(256))]:
        bcases.append([list(b), repr(b)])
    write("bytes_repr.json", bcases)


# ---------------------------------------------------------------- number parsing

def number_strings(rng, n, alphabet):
    fixed = ["", " ", "0", "-0", "+0", "00", "010", "0_0", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0x_1f",
             "0x", "0b101", "0o17", "0b", "0o8", "-0x10", " 42 ", "\t42\n", "4 2", "ten", "1e5", "1.5", "+",
             "-", "+-1", "--1", "\u0663\u0664", "\uff11\uff12", "\u00b2", "\u2003 7 \u3000", "9" * 50,
             "12345678901234567890123", "z", "Z", "zz", "0z", "1" * 250, "\x00", "0_x1", "0x__1", "١٢٣",
             "inf", "-inf", "Infinity", "-iNF", "nan", "-nan", "+NaN", "infinit", "nana", ".5", "5.", ".", "1.e5",
             "1e", "e5", "1e+5", "1E-5", "1_000.000_1", "1._5", "1_.5", "1e_5", "1e5_", "0x1p3", "1.5j",
             "  -1.25e-3  ", "1,5", "\u0663.\u0665", "1" * 400, "9" * 4301, "1" + "_1" * 2200, "0b" + "1" * 5000,
             "0" * 5000, "1e400", "-1e400", "1e-400", "2.5e-324", "\xa0 5", "5\x1c"]
    out = list(fixed)
    while len(out) < n:
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9))))
    return out


def gen_number_parse(rng):
    int_cases = []
    for text in number_strings(rng, 2500, "0123456789abcdefxobXOB_ +-z\u0663"):
        for base in rng.sample([0, 0, 2, 8, 10, 10, 10, 16, 36, 1, 37, -1, 3, 7], 3 if len(text) < 100 else 1):
            int_cases.append([text, base, outcome(lambda: str(int(text, base)))])
    write("int_parse.json", int_cases)
    float_cases = []
    for text in number_strings(rng, 3000, "0123456789._eE+-infatyINFAN \u0663"):
        float_cases.append([text, outcome(lambda: fbits(float(text)))])
    write("float_parse.json", float_cases)
    to_str = []
    for x in interesting_ints(rng, 1500) + [10**4299, 10**4300, -10**4300, 2**20000]:
        to_str.append([str(x) if abs(x) < 10**4000 else hex(x), outcome(lambda: str(x)), hex(x), oct(x), bin(x)])
    write("int_to_str.json", to_str)


# ---------------------------------------------------------------- %-formatting

def encode_value(v):
    """Tags a Python value for the Rust test's small value type."""
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": fbits(v)}
    if isinstance(v, str):
        return {"s": v}
    if v is None:
        return {"n": None}
    if isinstance(v, list):
        return {"l": [encode_value(x) for x in v]}
    if isinstance(v, dict):
        return {"d": [[k, encode_value(x)] for k, x in v.items()]}
    raise TypeError(v)


def random_value(rng, want):
    pick = want if rng.random() < 0.8 else rng.choice("ifsbnlx")
    if pick in "diuxXoc" or pick == "i":
        return rng.choice([0, 1, -1, 42, -42, 255, 65, 0x1F600, 10**20, -(10**25), 0x110000, rng.randrange(-10**6, 10**6)])
    if pick in "eEfFgG" or pick == "f":
        return rng.choice([0.0, -0.0, 1.5, -2.25, 1e16, 1e-7, 3.14159265, 123456.789, math.inf, -math.inf, math.nan,
                           rng.uniform(-1e6, 1e6)])
    if pick in "sra":
        return rng.choice(["", "a", "hello", "caf\u00e9", "it's", "tab\t", "\U0001F600", 7, 2.5, None, True, [1, "x"], {"k": 1}])
    if pick == "b":
        return rng.choice([True, False])
    if pick == "n":
        return None
    if pick == "l":
        return [1, 2.5, "s"]
    return rng.choice(["x", 3, 1.25, "longer text"])


def gen_percent(rng):
    cases = []
    fixed = [("%", ()), ("abc%", ()), ("%(", {}), ("%(a", {"a": 1}), ("%(a)", {"a": 1}), ("%5%", ()),
             ("%-5%", (1,)), ("%%%", ()), ("100%%", ()), ("%.%", ()), ("%s", ()), ("%s %s", (1,)),
             ("%s", (1, 2)), ("hello", 5), ("hello", [1]), ("hello", {}), ("%s", [1, 2]), ("%(a)s", [1]),
             ("%(a)s", 5), ("%(a)s %(b)d", {"a": "x", "b": 2}), ("%(a)s %s", {"a": 1}), ("%s", {"a": 1}),
             ("%(a(b))s", {"a(b)": 1}), ("%y", ()), ("%y", (1,)), ("%*d", ("x", 1)), ("%.*f", (2.5, 1.0)),
             ("%*.*f", (10, 3, 3.14159)), ("%-*d|", (-5, 42)), ("%*d|", (-5, 42)), ("%.*s", (-2, "abc")),
             ("%c", ("ab",)), ("%c", (1.5,)), ("%c", (0x110000,)), ("%c", (-1,)), ("%c", (10**30,)),
             ("%d", ("5",)), ("%x", (1.5,)), ("%f", ("x",)), ("%d", (math.inf,)), ("%d", (math.nan,)),
             ("%d", (2.9,)), ("%d", (-2.9,)), ("%i", (True,)), ("%s", (True,)), ("%f", (10**400,)),
             ("%ld %hd %Lf", (1, 2, 3.0)), ("%\u00e9", (1,)), ("%\x01", (1,)), ("% d|%+d|% d", (5, 5, -5)),
             ("%#o %#x %#X", (8, 255, 255)), ("%#010x|%-#10x|%0#10o", (255, 255, 8)), ("%05s|%-05d|%0-5d", ("ab", 3, 3)),
             ("%+05d|%+5d|%-+5d|", (42, 42, 42)), ("%.3d|%.0d|%5.3x", (7, 0, 255)), ("%010.3f|%-10.2e|%+.3g", (3.14159, 1234.5, 0.0001)),
             ("%#.0f|%#g|%#.3e", (2.0, 1.0, 5.0)), ("%05f|%-5f|%+f", (math.inf, math.nan, math.inf)),
             ("%r %a", ("caf\u00e9", "caf\u00e9")), ("%s", ("x" * 3,)), ("%.1s|%5.2s|", ("hello", "hello"))]
    for fmt, args in fixed:
        cases.append([fmt, encode_args(args), outcome(lambda: fmt % args)])
    while len(cases) < 3000:
        pieces, wants = [], []
        use_keys = rng.random() < 0.15
        for _ in range(rng.randrange(1, 4)):
            pieces.append(rng.choice(["", "x", "ab ", " = ", "|"]))
            conv = rng.choice("sdrifxXoeEgGcaFus%" if rng.random() < 0.97 else "y!")
            key = "(k%d)" % len(wants) if use_keys and conv != "%" else ""
            flags = "".join(rng.sample("-+ #0", rng.randrange(0, 3)))
            width = rng.choice(["", "", "1", "5", "12", "*"]) if not key else rng.choice(["", "7"])
            prec = rng.choice(["", "", ".0", ".2", ".5", ".", ".*"]) if not key else rng.choice(["", ".3"])
            pieces.append("%" + key + flags + width + prec + conv)
            if conv != "%":
                for star in (width == "*", prec == ".*"):
                    if star:
                        wants.append("*")
                wants.append(conv)
        fmt = "".join(pieces)
        if use_keys:
            args = {"k%d" % i: random_value(rng, w) for i, w in enumerate(wants) if w != "*"}
        else:
            args = tuple(rng.randrange(-12, 12) if w == "*" else random_value(rng, w) for w in wants)
            r = rng.random()
            if r < 0.05 and args:
                args = args[:-1]
            elif r < 0.1:
                args = args + (1,)
            elif r < 0.3 and len(args) == 1 and not isinstance(args[0], (list, dict)):
                args = args[0]
        cases.append([fmt, encode_args(args), outcome(lambda: fmt % args)])
    write("percent_format.json", cases)


def encode_args(args):
    if isinstance(args, tuple):
        return {"tuple": [encode_value(v) for v in args]}
    return {"single": encode_value(args)}


# ---------------------------------------------------------------- str methods

STR_SAMPLES = ["", " ", "a", "abc", "  a  b  c  ", "a,b,,c,", ",a,", "a\tb\nc\r\nd\x0be\x0cf\x1cg\x85h\u2028i", "line1\nline2\n",
               "\n\n", "\r\n\r", "hello world", "Hello World", "HELLO", "hello", "hELLO wORLD", "ǅungla ǆ", "ß straße",
               "ﬁne ﬀ", "ΣΑΣ ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "σς", "aΣ", "Σa", "a'Σ", "İstanbul", "ǰ", "ŉ", "they're bill's friends",
               "3rd 2nd a1b2", "x\u0301y", "ＡＢＣ", "\u00b2\u00bd\u0663", "1234", "12.5", "-42", "+7", "_id3", "3id",
               "a_b", "αβγ", "\u2003x\u3000", "tab\there\tand\tthere", "a\tb\n\tc", "mississippi", "aaaa", "ababab",
               "\U0001F600smile\U0001F600", "MiXeD CaSe", "Title Case Words", "ABC def", "a-b_c d", "\x00\x1f", "...x..."]

STR_SUBS = ["", "a", "ab", "s", "ss", "iss", ",", " ", "\n", "x", "Σ", "\U0001F600", "abc", "l"]
INDEXES = [None, 0, 1, 2, -1, -3, 5, 100, -100]


def gen_str_methods(rng):
    samples = STR_SAMPLES + tricky_strings(rng, 60)
    cases = []

    def add(method, s, *args):
        def call():
            real = [tuple(a) if isinstance(a, list) else a for a in args]
            r = getattr(s, method)(*real)
            return list(r) if isinstance(r, tuple) else r
        cases.append([method, s, list(args), outcome(call)])

    for s in samples:
        for m in ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isdigit", "isalpha", "isalnum",
                  "isspace", "isupper", "islower", "istitle", "isidentifier", "isdecimal", "isnumeric", "isprintable",
                  "isascii", "splitlines", "split", "rsplit", "strip", "lstrip", "rstrip", "expandtabs"]:
            add(m, s)
        add("splitlines", s, True)
        for _ in range(4):
            add("split", s, rng.choice([None] + STR_SUBS), rng.choice([-1, 0, 1, 2, 5]))
            add("rsplit", s, rng.choice([None] + STR_SUBS), rng.choice([-1, 0, 1, 2, 5]))
            add(rng.choice(["strip", "lstrip", "rstrip"]), s, rng.choice([None, "", " ", "a", "ab", ".x", "\U0001F600s", "Σ"]))
            add(rng.choice(["partition", "rpartition"]), s, rng.choice(STR_SUBS))
            add(rng.choice(["center", "ljust", "rjust"]), s, rng.choice([-5, 0, 3, 8, 13, 20]), rng.choice([" ", "*", "\u00e9"]))
            add(rng.choice(["center", "ljust", "rjust", "zfill"]), s, rng.choice([-1, 0, 1, 2, 4, 7, 10, 11]))
            add("expandtabs", s, rng.choice([-1, 0, 1, 2, 4, 8]))
            m = rng.choice(["find", "rfind", "index", "rindex", "count"])
            add(m, s, rng.choice(STR_SUBS), rng.choice(INDEXES), rng.choice(INDEXES))
            add(rng.choice(["find", "rfind", "count"]), s, rng.choice(STR_SUBS))
            add("replace", s, rng.choice(STR_SUBS), rng.choice(["", "-", "XYZ", "\u00e9"]), rng.choice([-1, 0, 1, 2, 5]))
            m = rng.choice(["startswith", "endswith"])
            subs = rng.choice([rng.choice(STR_SUBS), rng.sample(STR_SUBS, 2), []])
            add(m, s, subs, rng.choice(INDEXES), rng.choice(INDEXES))
            add(m, s, subs)
            add(rng.choice(["removeprefix", "removesuffix"]), s, rng.choice(STR_SUBS + [s[:2], s[-2:]]))
    write("str_methods.json", cases)

    import unicodedata
    case_cases = []
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF or unicodedata.category(chr(c)) == "Cn":
            continue
        ch = chr(c)
        row = [c, ch.upper(), ch.lower(), ch.title(), ch.casefold(), ch.isupper(), ch.islower(), ch.istitle()]
        trivial = row[1:5] == [ch] * 4 and row[5:] == [False] * 3
        if not trivial or c % 101 == 0:
            case_cases.append(row)
    write("case_maps.json", case_cases)


# ---------------------------------------------------------------- json

def jenc(v):
    """Tags a JSON-able Python value (dict keys of any scalar type)."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return encode_value(v)
    if isinstance(v, list):
        return {"l": [jenc(x) for x in v]}
    if isinstance(v, dict):
        return {"d": [[jenc(k), jenc(x)] for k, x in v.items()]}
    return {"o": type(v).__name__}


def random_tree(rng, depth=0):
    k = rng.randrange(10 if depth < 3 else 6)
    if k == 0:
        return None
    if k == 1:
        return rng.choice([True, False])
    if k == 2:
        return rng.choice([0, -1, 7, 10**20, -(10**30), rng.randrange(-10**9, 10**9)])
    if k == 3:
        return rng.choice([0.0, -0.0, 1.5, 0.1 + 0.2, 1e16, 1e-7, -2.5e300, math.inf, -math.inf, math.nan, rng.uniform(-1e3, 1e3)])
    if k in (4, 5):
        return rng.choice(["", "plain", 'q"uote', "back\\slash", "nl\n tab\t cr\r bs\b ff\f", "\x00\x1f\x7f",
                           "caf\u00e9", "\u2028\u2029", "\U0001F600 emoji", "\uffff", "/slash/", "\u00ff\u0100"])
    if k in (6, 7):
        return [random_tree(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if k == 8:
        d = {}
        for _ in range(rng.randrange(0, 4)):
            d[rng.choice(["a", "b", "key", "Z", "\u00e9", "", "10", "2"])] = random_tree(rng, depth + 1)
        return d
    d = {}
    for _ in range(rng.randrange(1, 4)):
        d[rng.choice([1, 2, -5, 1.5, True, False, None, "s", "t", math.inf, (1, 2)])] = random_tree(rng, depth + 1)
    return d


def gen_json(rng):
    dumps_cases = []
    for i in range(2500):
        tree = random_tree(rng)
        if rng.random() < 0.03:
            tree = [1, {2, 3}] if rng.random() < 0.5 else {"k": b"x"}
        opts = {}
        if rng.random() < 0.3:
            opts["indent"] = rng.choice([0, 2, 4, -1, "\t", "--", ""])
        if rng.random() < 0.2:
            opts["separators"] = rng.choice([[",", ":"], [", ", ": "], [";", "="]])
        for name in ["sort_keys", "ensure_ascii", "allow_nan", "skipkeys"]:
            if rng.random() < 0.2:
                opts[name] = rng.random() < 0.5
        real = dict(opts)
        if "separators" in real:
            real["separators"] = tuple(real["separators"])
        dumps_cases.append([jenc(tree), opts, outcome(lambda: json.dumps(tree, **real))])
    write("json_dumps.json", dumps_cases)

    docs = ["", " ", "null", "true", "false", "nul", "tru", "NaN", "Infinity", "-Infinity", "-Inf", "infinity",
            "0", "-0", "01", "-", "1.", "1.5", ".5", "1e5", "1E+5", "1e", "1e-", "-1.5e-3", "1.5x", "12 34",
            "\"abc\"", "\"abc", "\"a\\nb\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\u12\"",
            "\"\\u12", "\"\\x\"", "\"a\tb\"", "\"a\nb\"", "\"\\", "[", "[1", "[1,", "[1,]", "[1 2]", "[]", "[ ]",
            "{", "{}", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1 \"b\":2}",
            "{\"a\":1,\"a\":2,\"b\":3}", "\ufeff[]", "[1]x", "[1] ", " \n[1,\n2,\n x]", "\n\n  \"unterminated",
            "{\"k\": [1, {\"j\": null}], \"z\": -0.0}", "1" * 5000, "[" * 50 + "]" * 50, "\"\\/\\b\\f\"",
            "\"\\uDBFF\\uDFFF\"", "[NaN, -Infinity]", "[-]", "[--1]", "2.5e400", "\u00e9", "\"\u00e9\" x"]
    for case in dumps_cases:
        if "ok" in case[2] and rng.random() < 0.4:
            docs.append(case[2]["ok"])
    while len(docs) < 1500:
        base = rng.choice(docs)
        if base:
            i = rng.randrange(len(base))
            op = rng.randrange(3)
            if op == 0:
                base = base[:i] + base[i + 1:]
            elif op == 1:
                base = base[:i] + rng.choice("[]{},:\" \\\nx0-e.") + base[i:]
            else:
                base = base[:i]
        docs.append(base)

    def no_lone_surrogates(v):
        # Rust strings cannot hold lone surrogates; the Rust side decodes
        # them to U+FFFD (a documented difference), so the fixture does too.
        if isinstance(v, str):
            return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in v)
        if isinstance(v, list):
            return [no_lone_surrogates(x) for x in v]
        if isinstance(v, dict):
            return {no_lone_surrogates(k): no_lone_surrogates(x) for k, x in v.items()}
        return v

    def load(doc):
        try:
            return {"ok": jenc(no_lone_surrogates(json.loads(doc)))}
        except json.JSONDecodeError as exc:
            return {"err": ["JSONDecodeError", str(exc)]}
        except Exception as exc:
            return {"err": [type(exc).__name__, str(exc)]}
    write("json_loads.json", [[doc, load(doc)] for doc in docs])


# ---------------------------------------------------------------- civil time

STRFTIME_PIECES = ["%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G", "%h", "%H", "%I", "%j",
                   "%k", "%l", "%m", "%M", "%n", "%p", "%P", "%r", "%R", "%S", "%s", "%t", "%T", "%u", "%U", "%V",
                   "%w", "%W", "%x", "%X", "%y", "%Y", "%z", "%Z", "%f", "%%", "%-d", "%-m", "%-H", "%-I", "%-j",
                   "%-M", "%-S", "%_d", "%_H", "%0e", "%^a", "%^B", "%#a", "%#p", "%^p", "%10Y", "%_10d", "%-5d",
                   "%3C", "%010a", "%8A", "%Ey", "%Oy", "%Ec", "%Od", "%Q", "%5Q", " ", "-", ":", "T", "x", "%"]


def gen_civil_time(rng):
    import calendar
    import datetime as dt
    import email.utils
    import time
    os.environ["TZ"] = "UTC"
    time.tzset()
    zones = [None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30)),
             dt.timezone(dt.timedelta(hours=-8)), dt.timezone(dt.timedelta(seconds=-3723, microseconds=5)),
             dt.timezone(dt.timedelta(minutes=1, seconds=1))]
    cases = []
    fixed = [dt.datetime(1970, 1, 1), dt.datetime(2000, 2, 29, 23, 59, 59, 999999), dt.datetime(1, 1, 1),
             dt.datetime(9999, 12, 31, 23, 59, 59, 999999), dt.datetime(2026, 11, 25, 18, 47, 13),
             dt.datetime(2024, 12, 30), dt.datetime(2021, 1, 3), dt.datetime(1900, 3, 1, 12), dt.datetime(5, 1, 1, 0, 30)]
    moments = list(fixed)
    while len(moments) < 1200:
        if rng.random() < 0.7:
            secs = rng.randrange(-2208988800, 4102444800)
            base = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=secs)
        else:
            base = dt.datetime(1, 1, 1) + dt.timedelta(days=rng.randrange(0, 3652059), seconds=rng.randrange(86400))
        moments.append(base.replace(microsecond=rng.choice([0, 0, 1, 500000, rng.randrange(10**6)])))
    for moment in moments:
        zone = rng.choice(zones)
        aware = moment.replace(tzinfo=zone)
        fmt = "".join(rng.choice(STRFTIME_PIECES) for _ in range(rng.randrange(1, 6)))
        spec = rng.choice(["auto", "auto", "hours", "minutes", "seconds", "milliseconds", "microseconds", "nanos"])
        sep = rng.choice(["T", " ", "_"])
        utc_seconds = calendar.timegm(moment.utctimetuple()) if zone is None else None
        cases.append({
            "fields": [moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, moment.microsecond],
            "offset_us": None if zone is None else zone.utcoffset(None) // dt.timedelta(microseconds=1),
            "tzname": None if zone is None else zone.tzname(None),
            "ordinal": moment.toordinal(),
            "weekday": moment.weekday(),
            "isocalendar": list(moment.isocalendar()),
            "unix_us": (moment - dt.datetime(1970, 1, 1)) // dt.timedelta(microseconds=1),
            "format": fmt,
            "strftime": aware.strftime(fmt),
            "timespec": spec,
            "sep": sep,
            "isoformat": outcome(lambda: aware.isoformat(sep, spec)),
            "str": str(aware),
            "repr": repr(aware),
            "date_iso": moment.date().isoformat(),
            "http_date": email.utils.formatdate(utc_seconds, usegmt=True) if utc_seconds is not None else None,
        })
    write("civil_time.json", cases)

    deltas = []
    samples = [0, 1, -1, 10**6, -(10**6), 86400 * 10**6, -86400 * 10**6, 86399 * 10**6 + 999999, 3723 * 10**6 + 5,
               (999999999 * 86400 + 86399) * 10**6 + 999999, -999999999 * 86400 * 10**6]
    while len(samples) < 1500:
        samples.append(rng.choice([rng.randrange(-10**12, 10**12), rng.randrange(-10**17, 10**17),
                                   rng.randrange(-10**6, 10**6) * 10**6, rng.randrange(-400, 400) * 86400 * 10**6 + rng.randrange(-10**10, 10**10)]))
    for us in samples:
        td = dt.timedelta(microseconds=us)
        deltas.append([str(us), [td.days, td.seconds, td.microseconds], str(td), repr(td), fbits(td.total_seconds())])
    for us in [(999999999 * 86400 + 86400) * 10**6, -(999999999 * 86400 + 86400 + 1) * 10**6]:
        deltas.append([str(us), outcome(lambda: str(dt.timedelta(microseconds=us))), None, None, None])
    write("timedelta.json", deltas)


# ---------------------------------------------------------------- codecs

def gen_codecs(rng):
    encodings = ["utf-8", "utf8", "UTF-8", "utf_8", "latin-1", "latin1", "iso-8859-1", "ISO8859-1", "l1", "ascii",
                 "us-ascii", "ASCII", "646", "nope"]  # UTF-16/32 and other codecs are not implemented
    handlers = ["strict", "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "bogus"]
    decode_cases = []
    fixed = [b"", b"abc", b"\xff", b"\xc3\xa9", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xe2\x82\xac", b"\xe2(\xa1",
             b"\xed\xa0\x80", b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98", b"\xf0\x9f", b"\xf4\x90\x80\x80", b"\xc0\xaf",
             b"\xe0\x80\xaf", b"\xf8\x88\x80\x80\x80", b"a\x80b\xfe\xffc", b"\xf0\x9f(\x80"]
    samples = list(fixed)
    pool = list(range(0, 0x80)) + [0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90]
    while len(samples) < 2500:
        samples.append(bytes(rng.choice(pool) for _ in range(rng.randrange(1, 7))))
    for data in samples:
        encoding = rng.choice(encodings[:13]) if rng.random() < 0.97 else rng.choice(encodings)
        handler = rng.choice(handlers)
        decode_cases.append([list(data), encoding, handler, outcome(lambda: data.decode(encoding, handler))])
    write("codec_decode.json", decode_cases)
    encode_cases = []
    for text in tricky_strings(rng, 1500) + ["caf\u00e9", "\u00ff\u0100", "a\u20ac\u20acb\u00e9", "\U0001F600"]:
        encoding = rng.choice(encodings[:13]) if rng.random() < 0.97 else rng.choice(encodings)
        handler = rng.choice(handlers)
        encode_cases.append([text, encoding, handler, outcome(lambda: list(text.encode(encoding, handler)))])
    write("codec_encode.json", encode_cases)


# ---------------------------------------------------------------- str.format

# Mostly well-formed fields (each template uses one numbering style), and
# some malformed ones.
AUTO_PIECES = ["", "x", "ab ", " = ", "{{", "}}", "{}", "{}", "{!r}", "{!s}", "{!a}", "{:*^9}", "{:>6}", "{:{}}",
               "{:d}", "{:.2f}", "{:,}", "{:%}", "{!r:}", "{!r:>8}"]
MANUAL_PIECES = ["", "x", "ab ", " = ", "{{", "}}", "{0}", "{1}", "{2}", "{0!r}", "{0:>5}", "{0:{1}}", "{0[0]}",
                 "{0!r:>8}", "{1!s:^7}", "{0.real}", "{\u0661}"]
NAMED_PIECES = ["{name}", "{n}", "{n:{w}}", "{n:{w}.{p}f}", "{d[k]}", "{l[1]}", "{n.real}", "{n!s:^7}", "{name:}",
                "{l[0]!r}", "{d[k]:>4}", "{name!r:>{w}}"]
BAD_PIECES = ["{9}", "{missing}", "{d[z]}", "{l[5]}", "{0[a]}", "{n.nope}", "{", "}", "{0!x}", "{!}", "{a[}", "{0[]}",
              "{0.}", "{0]x}", "{:{:{}}}", "{0!rx}", "{0[0]x}", "{0.real[0]}", "{ name}", "{a{b}c}", "{0:{", "{:}}",
              "{:{}}}", "{:{0}}", "{}", "{0}"]


def gen_str_format(rng):
    cases = []
    args_pool = [1, "two", 3.5, None, [10, "x"], {"k": "v"}, True, -42, "caf\u00e9"]
    kwargs_full = {"name": "Ada", "n": 7, "w": 6, "p": 2, "d": {"k": "val"}, "l": [1, 2.5, "s"]}
    while len(cases) < 2000:
        style = rng.choice([AUTO_PIECES, MANUAL_PIECES])
        pieces = []
        for _ in range(rng.randrange(1, 5)):
            r = rng.random()
            pieces.append(rng.choice(BAD_PIECES if r < 0.12 else NAMED_PIECES if r < 0.4 else style))
        template = "".join(pieces)
        args = rng.sample(args_pool, rng.randrange(1, 5) if rng.random() < 0.9 else 0)
        kwargs = {k: v for k, v in kwargs_full.items() if rng.random() < 0.8}
        mapping = rng.random() < 0.1
        if mapping:
            result = outcome(lambda: template.format_map(kwargs))
        else:
            result = outcome(lambda: template.format(*args, **kwargs))
        cases.append([template, [encode_value(a) for a in args], encode_value(kwargs), mapping, result])
    write("str_format.json", cases)


# ---------------------------------------------------------------- fromisoformat

def gen_fromisoformat(rng):
    import datetime as dt
    fixed = ["2024-01-02", "20240102", "2024-W01", "2024W01", "2024-W01-3", "2024W013", "2020-W53-7", "2021-W53",
             "2024-W00", "2024-W01-8", "2024-02-30", "2023-02-29", "0000-01-01", "9999-12-31T23:59:59.999999",
             "2024-13-01", "2024-01-02T24:00", "2024-01-02T12", "2024-01-02T1230", "2024-01-02T12:30",
             "2024-01-02T12:30:45", "2024-01-02T12:30:45.5", "2024-01-02T12:30:45,123", "2024-01-02T12:30:45.1234567",
             "2024-01-02T12:30:45.", "2024-01-02T12:3", "2024-01-02T12:30:4", "2024-01-02T12:30Z", "2024-01-02T12:30Zx",
             "2024-01-02T12:30+05:30", "2024-01-02T12:30-0800", "2024-01-02T12:30+05", "2024-01-02T12:30+05:30:15.5",
             "2024-01-02T12:30+24:00", "2024-01-02T12:30+23:59:59.999999", "2024-01-02T12:30+00:00:00.5",
             "2024-01-02 12:30", "2024-01-02x12:30", "2024-01-02\u00e912:30", "2024-01-02T", "2024-01-02T12:30:45+",
             "2024-01-02T12:60", "2024-01-02T25:00", "2024-01-02T12:30:61", "2024-01-0", "2024-1-02", "2024/01/02",
             "", "2024", "202401", "2024-01", "2024-01-02T12:30:45.123456+05:30", "2024-01-02T123045", "2024-01-02T12:30:45Z",
             "2024-W01-1T10:00", "2024W011T10:00", "2024-W0110:00", "+2024-01-02", " 2024-01-02", "2024-01-02 ",
             "2024-01-02T12:30:45.000001-00:00", "2024-01-02T12:30:45.123456789Z", "2024-01-02T12:30:45.12a"]
    texts = list(fixed)
    zones = [None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30)), dt.timezone(dt.timedelta(hours=-8)),
             dt.timezone(dt.timedelta(seconds=-3723, microseconds=5))]
    while len(texts) < 1500:
        moment = dt.datetime(1, 1, 1) + dt.timedelta(days=rng.randrange(0, 3652059), seconds=rng.randrange(86400),
                                                     microseconds=rng.choice([0, rng.randrange(10**6)]))
        text = moment.replace(tzinfo=rng.choice(zones)).isoformat(rng.choice("T T_"), rng.choice(
            ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]))
        if rng.random() < 0.3:
            i = rng.randrange(len(text))
            text = text[:i] + rng.choice(["", "0", ":", "-", "+", "Z", ".", "9", "W"]) + text[i + 1:]
        texts.append(text)

    def parse(text):
        value = dt.datetime.fromisoformat(text)
        offset = value.utcoffset()
        return [[value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond],
                None if offset is None else offset // dt.timedelta(microseconds=1)]
    cases = [[t, outcome(lambda: parse(t)), outcome(lambda: dt.date.fromisoformat(t).isoformat())] for t in texts]
    write("fromisoformat.json", cases)


# ---------------------------------------------------------------- strptime

STRPTIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%m/%d/%y", "%Y-%m-%dT%H:%M:%S.%f", "%H:%M",
                    "%I:%M %p", "%b %d %Y", "%B %d, %Y", "%a, %d %b %Y %H:%M:%S %Z", "%A %d %B", "%j", "%Y %j",
                    "%Y-%m-%d %H:%M:%S%z", "%Y %U %w", "%Y %W %a", "%G-W%V-%u", "%c", "%x", "%X", "%y%m%d", "%d",
                    "%%Y %Y", "%Y-%m-%d %Z", "%p %I", "%Y\t%m  %d", "%f", "%z", "%S", "%M", "%H"]


def gen_strptime(rng):
    import datetime as dt
    import time
    os.environ["TZ"] = "UTC"
    time.tzset()
    cases = []
    odd = [("2024-02-29", "%Y-%m-%d"), ("2023-02-29", "%Y-%m-%d"), ("02-29", "%m-%d"), ("0000-01-01", "%Y-%m-%d"),
           ("2024-1-5", "%Y-%m-%d"), ("2024-01-05x", "%Y-%m-%d"), ("x2024", "%Y"), ("24", "%Y"), ("12", "%q"),
           ("12", "%"), ("12", "% d"), ("a.b", "%.b"), ("1", "%E"), ("5 pm", "%I %p"), ("12 AM", "%I %p"),
           ("12 pm", "%I %p"), ("13", "%I"), ("Mon", "%a"), ("monday", "%A"), ("SEPTEMBER 3", "%B %d"),
           ("sep 3", "%b %d"), ("+0530", "%z"), ("+05:30", "%z"), ("-05:30:15", "%z"), ("+05:3015", "%z"),
           ("+0530:15", "%z"), ("Z", "%z"), ("z", "%z"), ("+05:30:15.123", "%z"), ("+2500", "%z"), ("UTC", "%Z"),
           ("gmt", "%Z"), ("EST", "%Z"), ("2024 W01 1", "%G W%V %u"), ("2024 01", "%G %V"), ("01 1", "%V %u"),
           ("2024 1 01", "%G %u %j"), ("2024 00 0", "%Y %U %w"), ("2024 53 6", "%Y %W %w"), ("366", "%j"),
           ("2023 366", "%Y %j"), ("  5", "%d"), (" 5", "%d"), ("5   6", "%d %m"), ("56", "%d%m"), ("123", "%H%M"),
           ("1234567", "%f"), ("12345", "%f"), ("2024\u00a001", "%Y %m"), ("", ""), ("x", ""), ("", "%Y"),
           ("Tue Mar 17 22:44:55 1999", "%c"), ("03/17/99", "%x"), ("22:44:55", "%X"), ("61", "%S"), ("60", "%M"),
           ("24", "%H"), ("2024-02-30 10:00", "%Y-%m-%d %H:%M"), ("31/04/2024", "%d/%m/%Y"), ("1.5", "%d.%m")]
    for data, fmt in odd:
        cases.append([data, fmt])
    while len(cases) < 2500:
        fmt = rng.choice(STRPTIME_FORMATS)
        moment = dt.datetime(1, 1, 1) + dt.timedelta(days=rng.randrange(0, 3652059), seconds=rng.randrange(86400),
                                                     microseconds=rng.randrange(10**6))
        zone = rng.choice([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=5, minutes=30)),
                           dt.timezone(dt.timedelta(hours=-8, seconds=-15))])
        data = moment.replace(tzinfo=zone).strftime(fmt)
        if rng.random() < 0.25 and data:
            i = rng.randrange(len(data))
            data = data[:i] + rng.choice(["", "0", "1", " ", "x", ":", "-"]) + data[i + 1:]
        if rng.random() < 0.1:
            data = data.upper() if rng.random() < 0.5 else data.lower()
        cases.append([data, fmt])

    def parse(data, fmt):
        value = dt.datetime.strptime(data, fmt)
        offset = value.utcoffset()
        return [[value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond],
                None if offset is None else offset // dt.timedelta(microseconds=1),
                None if value.tzinfo is None else value.tzname()]
    write("strptime.json", [[d, f, outcome(lambda: parse(d, f))] for d, f in cases])


# ---------------------------------------------------------------- urllib.parse

def gen_url(rng):
    import urllib.parse as up
    alphabet = ["a", "Z", "0", " ", "+", "%", "%2", "%20", "%2B", "%zz", "%C3%A9", "%c3", "%E2%82", "%FF", "&", "=",
                ";", "/", "?", "#", "~", "-", "_", ".", "\u00e9", "\u20ac", "\U0001F600", "\n", "\x00", "%%", "*"]
    cases = []
    while len(cases) < 2000:
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        safe = rng.choice(["/", "", "/:", "&=", "\u00e9~", " "])
        cases.append({
            "text": text,
            "safe": safe,
            "quote": up.quote(text, safe=safe),
            "quote_plus": up.quote_plus(text, safe=safe),
            "unquote": up.unquote(text),
            "unquote_plus": up.unquote_plus(text),
            "parse_qsl": up.parse_qsl(text),
            "parse_qsl_blank": up.parse_qsl(text, keep_blank_values=True),
            "parse_qsl_strict": outcome(lambda: up.parse_qsl(text, keep_blank_values=True, strict_parsing=True)),
            "urlencode": up.urlencode([(text, safe), (safe, text)]),
        })
    write("urllib_parse.json", cases)


# ---------------------------------------------------------------- email dates

def gen_email_dates(rng):
    import email.utils
    fixed = ["Wed, 25 Nov 2026 18:47:13 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
             "Sun Nov  6 08:49:37 1994", "6 Nov 1994 08:49 +0100", "06 Nov 1994 08:49:37 -0000", "Nov 6 1994 08:49:37 EST",
             "Sun, 6 Nov 94 8.49.37 PDT", "Sun,06 Nov 1994 08:49:37 UT", "", "   ", "garbage", "Sun, 31 Feb 2024 10:00:00 GMT",
             "Mon, 01 Jan 0000 00:00:00 GMT", "Mon, 01 Jan 2024 24:00:00 GMT", "Mon, 01 Jan 2024 10:00:00 +9999",
             "Mon, 01 Jan 2024 10:00:00 +2400", "Mon, 01 Jan 2024 10:00:00 +2359", "01 January 2024 10:00 Z",
             "01 jan 2024 10:00:00,", "Mon, 01 Jan 2024, 10:00:00 GMT", "Mon, 01 Jan 2024 10:00:00+0200",
             "Mon, 01 Jan 2024 10:00:00-0530", "Mon, 01 Jan 68 10:00:00 GMT", "Mon, 01 Jan 69 10:00:00 GMT",
             "Mon, 01 Jan 2024 10 GMT", "Mon, 01 Jan 2024 10:00:00:00 GMT", "Mon, 01 Jan 2024 10:00:xx GMT",
             "1 2 3 4 5", "Jan 2024 01 10:00:00", "10:00:00 01 Jan 2024", "Mon, 01 Foo 2024 10:00:00 GMT",
             "Mon, \u0661 Jan 2024 10:00:00 GMT", "Mon, 01 Jan 2024 10:00:00 +00_00", "Mon, 01 Jan 2024 10:00:00 ABC"]
    texts = list(fixed)
    while len(texts) < 800:
        seconds = rng.randrange(-2208988800, 4102444800)
        text = email.utils.formatdate(seconds, usegmt=rng.random() < 0.7)
        if rng.random() < 0.4:
            parts = text.split()
            i = rng.randrange(len(parts))
            parts[i] = rng.choice(["", "x", "-0800", "EDT", "99", "Jan", "12:00", parts[i].lower(), parts[i] + ","])
            text = " ".join(parts)
        texts.append(text)

    def parse(text):
        value = email.utils.parsedate_to_datetime(text)
        offset = value.utcoffset()
        return [[value.year, value.month, value.day, value.hour, value.minute, value.second],
                None if offset is None else offset // dt.timedelta(seconds=1)]
    import datetime as dt
    write("email_dates.json", [[t, outcome(lambda: parse(t))] for t in texts])


def main():
    assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
    gen_float_repr(random.Random(1))
    gen_float_round(random.Random(2))
    gen_format_spec(random.Random(3))
    gen_unicode_tables()
    gen_str_repr(random.Random(4))
    gen_number_parse(random.Random(5))
    gen_percent(random.Random(6))
    gen_str_methods(random.Random(7))
    gen_json(random.Random(8))
    gen_civil_time(random.Random(9))
    gen_codecs(random.Random(10))
    gen_str_format(random.Random(11))
    gen_fromisoformat(random.Random(12))
    gen_strptime(random.Random(13))
    gen_url(random.Random(14))
    gen_email_dates(random.Random(15))


if __name__ == "__main__":
    main()
