data = [1, "two", 3.0, None, True, [4, [5]], (6,), {"k": "v"}]
print(data)
print(str(data) == repr(data))
empty = []
empty.append(empty)
print(empty)
