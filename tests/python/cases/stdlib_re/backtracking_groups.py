import re

print(re.match(r"(a+)(a+)(a+)", "aaaaa").groups())
print(re.match(r"(.*)(\d+)", "abc123").groups())
print(re.match(r"(.*?)(\d+)", "abc123").groups())
print(re.match(r"(\w+)\s(\w+)\s\2\s\1", "ab cd cd ab").groups())
print(re.match(r"((a)|b)+", "ab").groups())
print(re.match(r"(a(b)?)+", "aba").groups())
