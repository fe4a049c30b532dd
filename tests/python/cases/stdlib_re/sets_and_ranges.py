import re

print(re.findall(r"[aeiou]", "education"))
print(re.findall(r"[^aeiou\s]+", "hello world"))
print(re.findall(r"[a-zA-Z0-9_]+", "x=1; y_2 = 30"))
print(re.findall(r"[\w.-]+", "a.b-c d_e"))
print(re.findall(r"[-a]", "a-b"), re.findall(r"[a\-z]", "a-z"), re.findall(r"[]x]", "]x"))
print(re.findall(r"[\s\d]", "a 1\tb"))
print(re.findall(r"[^^]", "a^b"))
