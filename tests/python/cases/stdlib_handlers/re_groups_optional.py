import re

m = re.match(r"(?P<user>\w+)(?:@(?P<host>[\w.]+))?(?::(?P<port>\d+))?", "ada@example.com")
print(m.groups(), m.groupdict(), m.groupdict("none"))
m = re.match(r"(\w+)(?:@([\w.]+))?", "bob")
print(m.groups(), m.groups(""), m.group(0, 1), m.lastindex, m.lastgroup)
print(m.expand(r"user=\1"), re.sub(r"(a)|b", lambda m: m.group(1) or "B", "abab"))
