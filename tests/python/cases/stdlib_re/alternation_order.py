import re

print(re.match(r"a|ab", "ab").group())
print(re.match(r"ab|a", "ab").group())
print(re.findall(r"cat|category|dog", "category dog cat"))
print(re.match(r"(get|getattr|set)\(", "getattr(").group(1))
print(re.fullmatch(r"a|ab", "ab"))
