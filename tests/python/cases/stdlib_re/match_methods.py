import re

m = re.match(r"(\w+) (\w+)(?: (\w+))?", "Isaac Newton, physicist")
print(m.group(0), m.group(1), m.group(2), m.group(3))
print(m.group(1, 2), m.groups(), m.groups("-"))
print(m[0], m[1], m.span(2), m.start(3), m.end(3))
print(m.string, m.re.pattern, m.pos, m.endpos)
print(m.lastindex, m.lastgroup, m.regs)
print(m.expand(r"\2, \1"), m.expand(r"<\g<1>>"))
