import re

for pattern in [r"\q", r"a\yb", r"[\k]", r"\8", r"(a)\2", r"\x4", r"\u12", r"\400", r"[\9]", "abc\\"]:
    try:
        re.compile(pattern)
        print(pattern, "compiles")
    except re.error as e:
        print(f"{pattern!r}: {e}")
