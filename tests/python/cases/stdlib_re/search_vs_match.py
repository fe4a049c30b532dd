import re

print(re.match(r"world", "hello world"))
print(re.search(r"world", "hello world"))
print(re.search(r"^world", "hello world"))
print(re.search(r"^world", "hello\nworld", re.M))
print(re.search(r"\Aworld", "hello\nworld", re.M))
