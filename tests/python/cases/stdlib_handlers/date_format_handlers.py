import datetime
import re

def parse_date(text):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        raise ValueError(f"not a date: {text!r}")
    return datetime.date(*map(int, m.groups()))

d = parse_date("2024-03-09")
print(d.strftime("%A, %d %B %Y"), d.isoformat(), d.weekday())
print((d + datetime.timedelta(days=30)).strftime("%b %d"))
try:
    parse_date("09/03/2024")
except ValueError as e:
    print(e)
