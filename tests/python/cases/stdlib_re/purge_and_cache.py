import re

a = re.compile(r"\w+")
b = re.compile(r"\w+")
print(a is b, a == b)
re.purge()
c = re.compile(r"\w+")
print(a == c, hash(a) == hash(c))
print(re.compile(a) is a)
print(re.compile("x", re.I) == re.compile("x"))
