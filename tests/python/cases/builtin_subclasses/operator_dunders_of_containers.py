# The operator methods of built-in containers are attributes too: a subclass reaches the
# built-in behaviour through super(), and the class's own methods can be called unbound.


class Doubling(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)

    def __getitem__(self, key):
        return super().__getitem__(key) + 1

    def __missing__(self, key):
        return -100

    def __delitem__(self, key):
        print("deleting", key)
        super().__delitem__(key)

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def __len__(self):
        return super().__len__() * 10

    def __repr__(self):
        return "Doubling(" + super().__repr__() + ")"


d = Doubling()
d["a"] = 1
print(d["a"], dict.__getitem__(d, "a"), "A" in d, len(d), d, d["nothing"])
del d["a"]
print(d, len(d), dict.__len__(d))


class Missing(dict):
    def __missing__(self, key):
        return "missing " + key


m = Missing(x=1)
print(m["y"], dict.__getitem__(m, "x"), dict.__getitem__(m, "z"))
try:
    dict.__getitem__({}, "k")
except KeyError as e:
    print("KeyError", e)


class Log(list):
    def __setitem__(self, index, value):
        print("set", index, value)
        super().__setitem__(index, value)

    def __getitem__(self, index):
        return ("got", super().__getitem__(index))

    def __iter__(self):
        print("iter")
        return super().__iter__()


items = Log([1, 2, 3])
items[0] = 10
print(items[0], items[1:], list(items), list.__len__(items), list.__repr__(items))
print([1, 2].__len__(), (1, 2).__contains__(2), "abc".__getitem__(1), {1, 2}.__len__())
print(list.__getitem__([5, 6], -1), tuple.__getitem__((5, 6), 0), str.__contains__("flask", "ask"))
print(list(dict.__iter__({"k": 1, "j": 2})), frozenset.__contains__(frozenset([1]), 1))
print(dict.__eq__({1: 2}, {1: 2}), dict.__eq__({1: 2}, [1]), list.__ne__([1], [2]))
print(hasattr(dict, "__setitem__"), hasattr(list, "__delitem__"), hasattr(tuple, "__setitem__"))
print(callable(getattr(Doubling, "__iter__")), Doubling.__setitem__ is not dict.__setitem__)
for call in (lambda: dict.__setitem__([], 0, 1), lambda: list.__len__(()), lambda: dict.__getitem__({})):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
# How a wrong argument count is worded, slot by slot.
for f, a in [(list.__len__, ([], 1)), (list.__setitem__, ([],)), (dict.__setitem__, ({}, 1)),
             (list.__eq__, ([],)), (tuple.__contains__, ((),)), (dict.__delitem__, ({},)),
             (list.__iter__, ([], 2)), (set.__contains__, (set(),)), (list.__len__, ())]:
    try:
        f(*a)
    except TypeError as e:
        print(repr(str(e)))
