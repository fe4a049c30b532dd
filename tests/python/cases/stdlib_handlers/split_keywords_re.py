import re

raw = "flask, python;  web-dev ,sessions;;cookies"
print(re.split(r"\s*[,;]\s*", raw))
print([k for k in re.split(r"[,;\s]+", raw) if k])
print(re.split(r"(,|;)", "a,b;c"))
print(re.split(r"\s+", "  lead and trail  ", maxsplit=2))
