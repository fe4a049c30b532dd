from collections import defaultdict, OrderedDict

d = defaultdict(int)
d["a"] = 1
match d:
    case {"a": 1, "b": _}:
        print("has b")
    case {"a": a}:
        print("only a", a)
print(dict(d))

o = OrderedDict(x=1, y=2)
match o:
    case {"x": x, **others}:
        print(x, others, type(others).__name__)

match {1: "one", 1.0: "float one"}:
    case {1: v}:
        print(v)
