from datetime import timedelta
t = timedelta(hours=25, minutes=90)
print(t)
print(t.total_seconds())
print(t.days, t.seconds)
print(timedelta(days=31) > timedelta(weeks=4))
print(repr(timedelta(minutes=5)))
print(timedelta(seconds=-1))
