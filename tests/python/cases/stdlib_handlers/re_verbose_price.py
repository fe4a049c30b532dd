import re

PRICE = re.compile(r"""
    (?P<currency>[$€£])?     # optional symbol
    \s*
    (?P<amount>\d{1,3}(?:,\d{3})*(?:\.\d{2})?)
""", re.VERBOSE)

for text in ["$1,234.50", "€ 99", "costs 12.00 now", "£3,000,000", "free"]:
    m = PRICE.search(text)
    if m:
        amount = float(m["amount"].replace(",", ""))
        print(text, "->", m["currency"], amount)
    else:
        print(text, "-> no price")
