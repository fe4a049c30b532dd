# Issue 13: a dict or set look-up whose key comparison meets frozensets nested past the
# recursion limit raises RecursionError, as CPython does (not "absent"), and the table is left
# as it was.


def nest(n):
    x = frozenset()
    for i in range(n):
        x = frozenset([x, i])
    return x


a = nest(2000)
b = nest(2000)
d = {a: 1}
s = {a}
f = frozenset([a])
t = {(a, 1): 2}
for what, op in [
    ("d[b]", lambda: d[b]),
    ("b in d", lambda: b in d),
    ("d.get(b)", lambda: d.get(b)),
    ("b in s", lambda: b in s),
    ("b in f", lambda: b in f),
    ("t[(b, 1)]", lambda: t[(b, 1)]),
]:
    try:
        print(what, op())
    except RecursionError as e:
        print(what, "RecursionError:", e)



def delete():
    del d[b]


def store():
    d[b] = 2


for what, op in [("del d[b]", delete), ("d[b] = 2", store), ("s.add(b)", lambda: s.add(b)), ("{a: 1, b: 2}", lambda: {a: 1, b: 2})]:
    try:
        print(what, op())
    except RecursionError as e:
        print(what, "RecursionError:", e)
print(len(d), len(s), d[a])
# A shallow nest compares as usual, and a give-up left behind is not raised later.
c = nest(10)
print({c: 1}[nest(10)], nest(10) in {c}, {1: 2}.get(1))
