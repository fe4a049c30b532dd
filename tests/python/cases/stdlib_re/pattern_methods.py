import re

p = re.compile(r"(\w+)@(\w+)")
s = "ada@home bob@work"
print(p.match(s).groups(), p.search(s, 5).groups())
print(p.findall(s), [m.span() for m in p.finditer(s)])
print(p.sub(r"\2:\1", s), p.subn(r"\2:\1", s, 1))
print(p.split(s))
print(p.fullmatch("x@y").group(0))
