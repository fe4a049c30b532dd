import re

print(re.findall(r"[A-F]+", "abcdefgABCDEFG", re.I))
print(re.findall(r"[^a-z]", "aBcD1", re.I))
print(re.findall(r"\w+", "MiXeD CaSe", re.I))
print(re.match(r"(a)\1", "aA", re.I))
print(re.match(r"(a)\1", "aA"))
