def classify(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case float(x):
            return f"float {x}"
        case str() | bytes():
            return "text"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case set() | frozenset():
            return "a set"
    return "other"

for v in [True, 3, 2.5, "s", b"b", [9, 8], (1,), {"k": 7}, {"j": 1}, {1}, frozenset(), None]:
    print(repr(v), "->", classify(v))
