import re

text = "Order #123 shipped, order #45 pending, ORDER #6789 lost"
for m in re.finditer(r"order #(\d+) (\w+)", text, re.I):
    print(m.start(), m.end(), m.group(1), m.group(2), m.span(1))
print(re.subn(r"#(\d+)", lambda m: "#" + m.group(1).zfill(5), text))
print(re.escape("1+1=2?"), re.search(r"(?<=#)\d+(?= lost)", text).group())
