import re

PRICES = {"apple": 3, "pear": 5}

def price_tag(m):
    item = m.group("item")
    qty = int(m.group("qty") or 1)
    return f"{qty}x{item}=${qty * PRICES.get(item, 0)}"

print(re.sub(r"(?P<qty>\d+)?\s*(?P<item>apple|pear)s?", price_tag, "2 apples, pear, 10 pears"))
print(re.sub(r"\w+", lambda m: m.group()[::-1], "abc def"))
print(re.sub(r"(\d)", lambda m: None, "a1b2"))
try:
    re.sub(r"\d", lambda m: 5, "a1")
except TypeError as e:
    print("TypeError:", e)
