import datetime
import itertools

now = datetime.datetime(2024, 5, 1, 12, 0, 0)
posts = [now - datetime.timedelta(minutes=m) for m in (0, 5, 90, 60 * 26, 60 * 24 * 40)]

def ago(then):
    seconds = int((now - then).total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"

for when in posts:
    print(when.strftime("%Y-%m-%d %H:%M"), "|", ago(when))
for day, group in itertools.groupby(posts, key=lambda p: p.date()):
    print(day, len(list(group)))
