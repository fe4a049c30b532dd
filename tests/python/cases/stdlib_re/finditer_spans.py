import re

for m in re.finditer(r"\d+", "order 12, item 345, qty 6"):
    print(m.group(), m.start(), m.end(), m.span())
print([m.span() for m in re.finditer(r"x*", "axxb")])
print(list(re.finditer(r"z", "abc")))
