import re

print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"", "-", "abc"))
print(re.sub(r"\b", "|", "hi there"))
print(re.subn(r"(?=b)", "^", "abab"))
print(re.sub(r"a|", "_", "bab"))
