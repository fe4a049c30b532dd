import re

for pattern in ["*abc", "a**", "+", "?x", "a|*b", "^*", "x{2}{3}", r"\b+", "(*)", "a??+"]:
    try:
        re.compile(pattern)
        print(pattern, "compiles")
    except re.error as e:
        print(f"{pattern!r}: {e} (msg={e.msg!r}, pos={e.pos})")
