import re

print(re.match(r"\x41\u0042\U00000043", "ABC").group())
print(re.match(r"\101\0", "A\0").group() == "A\0")
print(re.findall(r"[\x30-\x39]+", "ab123c45"))
print(re.match(r"\a\f\v", "\a\f\v") is not None)
