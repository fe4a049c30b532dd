import re

for s in ["123", "123abc", "", "12 3"]:
    print(repr(s), bool(re.match(r"\d*", s)), bool(re.fullmatch(r"\d*", s)), bool(re.search(r"\d+$", s)))
print(re.fullmatch(r"a|ab|abc", "abc").group())
print(re.fullmatch(r"(a+?)(b*)", "aaab").groups())
