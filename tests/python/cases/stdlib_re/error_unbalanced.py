import re

for pattern in ["(abc", "abc)", "(a(b)", "a)b(", "((a)", "(?:x"]:
    try:
        re.compile(pattern)
    except re.error as e:
        print(f"{pattern!r}: {e}")
