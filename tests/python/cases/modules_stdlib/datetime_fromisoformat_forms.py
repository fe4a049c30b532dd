# fromisoformat as CPython 3.11 reads it: basic and extended forms, week dates, offsets, errors.
from datetime import date, datetime

for text in ["2026-11-25", "20261125", "2026-W48-3", "2026-11-25T18:47", "2026-11-25 18:47:05.5",
             "2026-11-25T18:47:05,123456789", "2026-11-25T18", "2026-11-25T18:47:05+05:30",
             "2026-11-25T18:47:05Z", "2026-11-25T18:47:05-00:00:30.5", "2026-11-25x18:47"]:
    try:
        print(repr(datetime.fromisoformat(text)))
    except ValueError as e:
        print("ValueError:", e)
print(date.fromisoformat("2026-11-25"), date.fromisoformat("2026W483"))
for bad in ["2026-11-25T18:47", "2026/11/25", "2026-02-30"]:
    try:
        date.fromisoformat(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    datetime.fromisoformat(5)
except TypeError as e:
    print("TypeError:", e)
