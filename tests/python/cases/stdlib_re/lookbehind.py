import re

print(re.findall(r"(?<=\$)\d+", "cost $30, tax $4, 5 items"))
print(re.findall(r"(?<!\$)\b\d+", "cost $30, tax $4, 5 items"))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.search(r"(?<=ab|cd)x", "cdx"))
