# Issue 13: deep data is walked with CPython's recursion check, and dropped without one.
import json


def nest(n, wrap):
    x = wrap(None)
    for _ in range(n):
        x = wrap(x)
    return x


for name, wrap in [("list", lambda x: [x]), ("dict", lambda x: {"k": x}), ("tuple", lambda x: (x,))]:
    a = nest(20000, wrap)
    b = nest(20000, wrap)
    for what, op in [("repr", repr), ("str", str), ("==", lambda v: v == b), ("!=", lambda v: v != b), ("json", json.dumps)]:
        try:
            op(a)
            print(name, what, "ok")
        except RecursionError as e:
            print(name, what, "RecursionError:", e)
    if name != "dict":
        try:
            a < b
        except RecursionError as e:
            print(name, "< RecursionError:", e)

t = nest(50000, lambda x: (x,))
print(hash(t) == hash(nest(50000, lambda x: (x,))))
shallow = nest(50, lambda x: [x])
print(len(repr(shallow)), shallow == nest(50, lambda x: [x]))

nested = []
for n in range(100000):
    nested = [nested]
nested = None
print("freed")
nested = []
for n in range(100000):
    nested = [nested]
