import re

for pattern in ["(?", "(?z)", "(?<x)", "(?#comment", "(?i", "(?-)", "(?i-i:a)", "a(?i)b", "(?i)(?m)ok", "(?x-q:a)", "(?L)a", "(?au)x"]:
    try:
        p = re.compile(pattern)
        print(pattern, "compiles", p.flags)
    except re.error as e:
        print(f"{pattern!r}: {e}")
