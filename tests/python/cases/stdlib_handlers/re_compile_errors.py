import re

for pattern in [r"(unclosed", r"[a-", r"*start", r"a{2,1}", r"(?P<1x>a)", r"\k"]:
    try:
        re.compile(pattern)
        print("ok", pattern)
    except re.error as e:
        print(type(e).__name__, "|", e, "|", e.pos)
