from datetime import datetime, date
a = datetime.fromisoformat("2024-02-28T23:00:00")
b = datetime(2024, 3, 1)
print(b - a)
print(a < b)
print(date(2024, 2, 29).isoformat(), date(2023, 12, 31).toordinal())
print(datetime.strptime("05/06/2023", "%d/%m/%Y"))
