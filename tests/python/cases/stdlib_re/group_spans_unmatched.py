import re

m = re.match(r"(a)|(b)", "b")
print(m.span(1), m.span(2), m.start(1), m.end(2))
print(m.group(1), m.groups())
m = re.search(r"(x)?y", "ay")
print(m.span(), m.span(1), m.regs)
