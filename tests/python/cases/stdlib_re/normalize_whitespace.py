import re

raw = "  Hello,\n\n  World!\t\tHow   are\r\nyou?  "
print(repr(re.sub(r"\s+", " ", raw).strip()))
print(re.split(r"\n\s*\n", "para one\nline\n\n  \npara two"))
print(repr(re.sub(r"(?m)^\s+|\s+$", "", " a \n  b  \n c")))
