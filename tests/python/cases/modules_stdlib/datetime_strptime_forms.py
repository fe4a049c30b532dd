# How a form's date text becomes a datetime: strptime's directives, zones and errors.
from datetime import datetime

print(datetime.strptime("25 Nov 2026 6:47 pm", "%d %b %Y %I:%M %p"))
print(datetime.strptime("Wednesday, 25 November 2026", "%A, %d %B %Y"))
print(repr(datetime.strptime("2026-11-25 18:47:05+0130", "%Y-%m-%d %H:%M:%S%z")))
print(repr(datetime.strptime("2026-11-25T18:47:05Z", "%Y-%m-%dT%H:%M:%S%z")))
aware = datetime.strptime("2026-11-25 18:47 +00:00 UTC", "%Y-%m-%d %H:%M %z %Z")
print(repr(aware))
print(aware.tzname(), aware.utcoffset())
print(datetime.strptime("26/1/5", "%y/%m/%d"), datetime.strptime("69", "%y").year)
print(datetime.strptime("2026 330", "%Y %j").date())
print(datetime.strptime("  7  ", " %d "))
for text, fmt in [("2026-13-01", "%Y-%m-%d"), ("2026-11-25 extra", "%Y-%m-%d"),
                  ("31/02/2026", "%d/%m/%Y"), ("x", "%Q")]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
try:
    datetime.strptime(20261125, "%Y%m%d")
except TypeError as e:
    print("TypeError:", e)
