import re

p = re.compile(r"\d+")
print(p.search("ab12cd345", 4))
print(p.search("ab12cd345", 0, 3))
print(p.match("ab12", 2), p.match("ab12"))
print(p.findall("1 22 333 4444", 2, 8))
print(re.compile(r"^a").search("ba", 1), re.compile(r"a$").search("ab", 0, 1))
print(p.fullmatch("x123y", 1, 4))
print([m.group() for m in p.finditer("1a22b333", 1)])
