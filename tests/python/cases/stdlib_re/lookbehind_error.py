import re

for pattern in [r"(?<=a+)b", r"(?<=a|bc)d", r"(?<!x*)y"]:
    try:
        re.compile(pattern)
        print(pattern, "ok")
    except re.error as e:
        print(pattern, "->", e, "|", e.msg, e.pos)
