import re

print(re.match(r"(a|)*", "aa").groups(), re.match(r"(a|)*", "aa").span())
print(re.match(r"(a*)*", "aaa").groups())
print(re.match(r"(a*)+b", "aab").groups())
print(re.match(r"(?:x?)*y", "xxy").group())
print(re.match(r"(a|b)*?c", "abac").groups())
print(re.match(r"(a){0}", "aaa").groups())
