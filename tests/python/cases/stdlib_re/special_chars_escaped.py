import re

print(re.findall(r"\$\d+\.\d\d", "costs $4.99 or $10.00"))
print(re.split(r"\|", "a|b|c"))
print(re.match(r"\(\w+\)", "(hi)").group())
print(re.findall(r"[.*+?]", "a.b*c+d?"))
print(re.match(r"\\d", "\\d").group())
print(re.findall(r"\t|\n", "a\tb\nc"))
