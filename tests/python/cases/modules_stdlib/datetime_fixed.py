from datetime import datetime, timedelta
d = datetime(2024, 3, 15, 14, 30, 5)
print(d)
print(d.isoformat())
print(d.strftime("%Y-%m-%d %H:%M"))
print(d + timedelta(days=20))
print(d.year, d.month, d.weekday())
print(repr(d))
