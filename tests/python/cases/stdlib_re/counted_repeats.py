import re

print(re.findall(r"\b\d{3}\b", "12 123 1234 456"))
print(re.match(r"a{3}", "aaaa").group(), re.match(r"a{2,}", "aaaaa").group())
print(re.match(r"a{,2}", "aaaa").group(), re.match(r"(ab){2}", "ababab").group(1))
print(re.match(r"a{}", "a{}").group(), re.match(r"a{x}", "a{x}").group())
print(re.match(r"a{1,x}", "a{1,x}").group())
print(re.fullmatch(r"(?:\d{1,3}\.){3}\d{1,3}", "192.168.0.1") is not None)
