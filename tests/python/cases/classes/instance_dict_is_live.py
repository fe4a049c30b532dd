# An instance's __dict__ (and vars()) is the instance's own attribute table, not a copy.
class User:
    def __init__(self, **fields):
        self.__dict__.update(fields)

u = User(name='ann', age=3)
print(u.name, u.age, vars(u))
d = vars(u)
d['extra'] = 1
print(u.extra, u.__dict__ is vars(u))
del u.__dict__['age']
print(hasattr(u, 'age'), sorted(u.__dict__))
class Slotless: pass
s = Slotless()
s.x = 1
keep = s.__dict__
del s
print(keep)
