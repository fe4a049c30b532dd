import re

m = re.search(r"b+", "aabbbcc")
print(m)
print(repr(re.match(r".*", "x" * 80)))
print(re.match(r"a", "b"))
print(re.fullmatch(r"\d+", "123"))
print(re.search(r"é+", "caféé!"))
