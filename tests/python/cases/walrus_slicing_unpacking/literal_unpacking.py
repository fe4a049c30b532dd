a = [1, 2]
b = (3, 4)
print([*a, *b])
print((*a, 0))
print({*a, *b} == {1, 2, 3, 4})
print({**{"x": 1}, "y": 2})
print([*"hi", *range(2)])
