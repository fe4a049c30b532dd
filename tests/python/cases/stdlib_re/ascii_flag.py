import re

text = "naïve café 123 ٣"
print(re.findall(r"\w+", text))
print(re.findall(r"\w+", text, re.ASCII))
print(re.findall(r"\d", text), re.findall(r"(?a)\d", text))
print(re.findall(r"\s", "a\u00a0b c"), re.findall(r"\s", "a\u00a0b c", re.A))
print(re.match(r"\bcafé\b", "café!"), re.search(r"(?a)\bcaf\b", "café!"))
