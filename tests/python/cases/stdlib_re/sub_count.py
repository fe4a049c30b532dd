import re

print(re.sub(r"a", "b", "aaaa", count=2))
print(re.sub(r"a", "b", "aaaa", 1))
print(re.subn(r"\s+", " ", "a   b \t c\n d"))
print(re.subn(r"z", "y", "abc"))
print(re.sub(r"a", "b", "aaa", count=-1))
