def what(v):
    match v:
        case [a, b]:
            return f"pair {a!r} {b!r}"
        case str(s):
            return f"string {s!r}"
        case _:
            return "other"

print(what("ab"))
print(what(b"ab"))
print(what(bytearray(b"ab")))
print(what(["a", "b"]))
print(what(("a", "b")))
print(what({"a": 1, "b": 2}))
print(what({1, 2}))
print(what(iter([1, 2])))
