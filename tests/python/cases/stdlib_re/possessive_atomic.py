import re

print(re.match(r"a*+a", "aaaa"))
print(re.match(r"a*a", "aaaa"))
print(re.match(r"(?>a+)b", "aaab").group())
print(re.match(r"(?>a|ab)c", "abc"))
print(re.match(r"(?:a|ab)c", "abc").group())
print(re.findall(r"\d++", "12 345 6"))
print(re.match(r"x{1,3}+x", "xxx"), re.match(r"x{1,3}+x", "xxxx"))
