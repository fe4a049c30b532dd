import re

for pattern in ["a{3,2}", "a{2,1}b", "x{0}", "a{5}"]:
    try:
        p = re.compile(pattern)
        print(pattern, "compiles", p.match("aaaaa"))
    except re.error as e:
        print(f"{pattern!r}: {e}")
try:
    re.compile("a{99999999999}")
except OverflowError as e:
    print("OverflowError:", e)
