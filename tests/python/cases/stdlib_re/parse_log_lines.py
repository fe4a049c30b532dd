import re

lines = [
    "2026-12-06 10:00:01 INFO user=ada action=login",
    "2026-12-06 10:00:05 WARNING user=bob action=failed_login attempts=3",
    "garbage line",
]
LINE = re.compile(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (INFO|WARNING|ERROR) (.*)")
for line in lines:
    m = LINE.match(line)
    if not m:
        print("skip:", line)
        continue
    date, time, level, rest = m.groups()
    fields = dict(re.findall(r"(\w+)=(\S+)", rest))
    print(date, time, level, fields)
