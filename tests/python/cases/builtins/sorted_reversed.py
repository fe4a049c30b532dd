data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(list(reversed(range(4))))
print(sorted("hello"))
print(sorted({3: "c", 1: "a"}))
