import re

print(re.split(r"\s+", "a b  c   d", maxsplit=2))
print(re.split(r"(\s+)", "a b  c", 1))
print(re.split(r",", "a,b,c", maxsplit=0))
print(re.split(r"x", ""), re.split(r"", ""))
print(re.split(r"(?:a)(b)?", "1a2ab3"))
print(re.compile(r"\d").split("a1b2c", 1))
