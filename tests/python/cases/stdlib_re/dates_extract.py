import re

text = "Due 2026-12-06, shipped 2026/01/15, invalid 2026-13-40, again 1999-02-28."
for y, mth, d in re.findall(r"(\d{4})[-/](\d{2})[-/](\d{2})", text):
    ok = 1 <= int(mth) <= 12 and 1 <= int(d) <= 31
    print(y, mth, d, ok)
print(re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3.\2.\1", text))
