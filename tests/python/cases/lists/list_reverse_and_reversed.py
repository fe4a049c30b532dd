items = [1, 2, 3, 4]
items.reverse()
print(items)
print(list(reversed(items)))
print(items[::-1])
print(reversed(items).__class__.__name__)
