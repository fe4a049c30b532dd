import re

print(re.search(r"end$", "the end\n"))
print(re.findall(r"$", "a\nb\n"))
print(re.findall(r"(?m)$", "a\nb\n"))
print(re.sub(r"$", "!", "line\n"))
print(re.fullmatch(r"abc$", "abc\n"))
