import re

print(re.sub(r"a", r"\101", "xax"))
print(repr(re.sub(r"a", r"\t|\0", "a")))
print(re.sub(r"(a)", r"\1\-", "a"))
print(re.sub(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", r"\11\10", "abcdefghijk"))
print(re.sub(r"(a)", r"\g<1>0", "a"))
