import re

m = re.match("a", "a")
p = re.compile("a")
print(type(m), type(p))
print(isinstance(m, re.Match), isinstance(p, re.Pattern))
print(type(m).__name__, type(p).__name__)
print(re.error, issubclass(re.error, Exception))
