import re

m = re.match(r"(?:(\w)(\d))+", "a1b2c3")
print(m.groups(), m.span(1), m.span(2))
m = re.match(r"(\d+,?)+", "10,20,30")
print(m.group(1), m.group())
m = re.match(r"(a|b|c){2,3}", "abcabc")
print(m.group(), m.group(1))
