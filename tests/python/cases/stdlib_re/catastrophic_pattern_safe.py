import re

# A pattern with nested repeats, on inputs that do match: fine in any engine.
p = re.compile(r"^(\w+\s?)+$")
print(bool(p.match("a few words here")))
print(bool(re.match(r"(a+)+b", "aaaab")))
print(bool(re.match(r"(x+x+)+y", "xxxxy")))
