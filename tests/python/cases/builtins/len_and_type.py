for obj in ["abc", [1, 2], (1,), {"a": 1}, {1, 2, 3}, range(7), b"xy"]:
    print(type(obj).__name__, len(obj))
print(type(type(1)))
print(type(None))
