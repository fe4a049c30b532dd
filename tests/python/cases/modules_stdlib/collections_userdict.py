# collections.UserDict: a mapping kept in .data whose update(), setdefault() and pop() go
# through the subclass's own __setitem__ and __delitem__.
from collections import UserDict


class Tripling(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 3)

    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)


t = Tripling({"a": 1}, b=2)
t.update(c=3)
t.setdefault("d", 4)
print(t, len(t), t.data, "a" in t, t.get("zz", "none"), t["b"])
print(t.keys(), list(t.items()), t.values(), sorted(t))
print(t.pop("a"), t.pop("missing", 0), t.popitem(), t)
try:
    t.pop("missing")
except KeyError as error:
    print("KeyError", error)
c = t.copy()
c["x"] = 1
print(type(c).__name__, c, t, c == {"c": 9, "d": 12, "x": 3}, t == Tripling(c=3, d=4))
print(isinstance(t, dict), isinstance(t, UserDict))


class Defaults(UserDict):
    def __missing__(self, key):
        return "default for " + key


d = Defaults(name="ann")
print(d["name"], d["age"], d.get("age"), "age" in d)
d.clear()
print(d, UserDict(), repr(UserDict([("k", 1)])))


class Folded(UserDict):
    # Keys found case-insensitively by __getitem__ alone: get(), pop() and setdefault() use it.
    def __getitem__(self, key):
        return super().__getitem__(key.lower())


f = Folded(name="ann")
print(f.get("NAME"), f.setdefault("NAME", "x"), f.pop("name", None), f, Tripling().setdefault("k", 2))
