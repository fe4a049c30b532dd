import re

print(re.findall(r"(?i:hello) world", "HELLO world, hello WORLD"))
print(re.match(r"a(?-i:b)c", "AbC", re.I))
print(re.match(r"a(?-i:b)c", "ABC", re.I))
print(re.findall(r"(?s:.)(?-s:.)", "a\n\nb"))
print(re.match(r"(?x: a b )c", "abc"))
print(re.compile(r"(?m)^x").flags, re.compile(r"(?m:^x)").flags)
