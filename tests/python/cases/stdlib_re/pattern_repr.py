import re

print(re.compile(r"\d+"))
print(re.compile("a", re.IGNORECASE))
print(re.compile("a", re.I | re.M | re.S))
print(re.compile(b"abc", re.I))
print(re.compile("a", re.ASCII))
print(re.compile("x" * 250))
p = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)")
print(p.pattern, p.groups, p.groupindex, p.flags)
print(re.compile("(?i)abc").flags, re.compile(b"x").flags)
