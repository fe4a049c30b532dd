import re

for pattern in ["[abc", "[z-a]", "[]", "[^]", r"[\d-z]", "[a-]", "[]a]", "[^]a]"]:
    try:
        p = re.compile(pattern)
        print(pattern, "compiles", p.findall("ab]-z^9"))
    except re.error as e:
        print(f"{pattern!r}: {e}")
