import enum

class Weekday(enum.Enum):
    MON = 1
    TUE = 2
    WED = 3
    MONDAY = 1

print(Weekday.MONDAY is Weekday.MON, list(Weekday))
print(Weekday.MONDAY.name, list(Weekday.__members__))
print(Weekday(1), Weekday["MONDAY"])

@enum.unique
class Plan(enum.Enum):
    FREE = 0
    PRO = 1
print([p.name for p in list(Plan)[::-1]], Plan.PRO in Plan)
