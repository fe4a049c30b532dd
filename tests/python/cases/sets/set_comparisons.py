a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, b > a, a == {2, 1})
print(a < a, a <= a)
print({1, 2} == frozenset([1, 2]))
