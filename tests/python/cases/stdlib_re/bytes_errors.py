import re

for pattern in [rb"\u0041", rb"(?u)a", rb"[\N{x}]", rb"(a"]:
    try:
        re.compile(pattern)
        print(pattern, "compiles")
    except re.error as e:
        print(pattern, "->", e)
try:
    re.compile("a", re.LOCALE)
except ValueError as e:
    print("ValueError:", e)
