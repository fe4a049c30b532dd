import re

s = "a1b2c3"
print(re.sub(r"\d", "", s) == "".join(c for c in s if not c.isdigit()))
print(re.split(r"\d", s))
print(re.findall(r"[a-z]\d", s))
print(bool(re.search("b2", s)), "b2" in s)
