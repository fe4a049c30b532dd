add = lambda a, b: a + b
print(add(2, 3))
print((lambda x: x * 2)(21))
print(add.__name__)
print(sorted([3, -1, 2], key=lambda n: abs(n)))
print(list(map(lambda s: s.upper(), ["a", "b"])))
print(list(filter(lambda n: n % 2, range(6))))
