import re

text = "first line\nsecond line\nthird"
print(re.findall(r"^\w+", text))
print(re.findall(r"^\w+", text, re.MULTILINE))
print(re.findall(r"\w+$", text))
print(re.findall(r"\w+$", text, re.M))
print(re.search(r"line$", "a line\n") is not None, re.search(r"line\Z", "a line\n"))
print(re.findall(r"(?m)^s\w*", text))
