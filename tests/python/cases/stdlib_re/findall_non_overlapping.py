import re

print(re.findall(r"aa", "aaaaa"))
print(re.findall(r"(?=(aa))", "aaaaa"))
print(len(re.findall(r"\w", "abc def")))
print(re.findall(r"\d{2}", "12345"))
