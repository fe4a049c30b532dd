from datetime import datetime, timezone, timedelta
d = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
print(d)
print(d.isoformat())
print(d.tzinfo)
expires = d + timedelta(days=31)
print(expires.strftime("%a, %d %b %Y %H:%M:%S GMT"))
print(d.timestamp())
