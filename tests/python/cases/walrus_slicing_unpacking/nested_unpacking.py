pairs = [("a", (1, 2)), ("b", (3, 4))]
for name, (x, y) in pairs:
    print(name, x + y)
(a, b), c = [1, 2], 3
print(a, b, c)
