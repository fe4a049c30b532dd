import re

text = "cat concat cat's category bobcat"
print(re.findall(r"\bcat\b", text))
print(re.findall(r"\Bcat\b", text))
print(re.findall(r"\bcat\B", text))
print(re.sub(r"\b", "|", "a b"))
print(re.findall(r"\b\w", "élan vital"))
