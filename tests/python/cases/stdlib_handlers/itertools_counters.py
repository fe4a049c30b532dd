import itertools

ids = itertools.count(100, 5)
print([next(ids) for _ in range(4)])
colours = itertools.cycle(["odd", "even"])
rows = ["a", "b", "c", "d", "e"]
print([(row, next(colours)) for row in rows])
print(list(itertools.repeat("x", 3)))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations_with_replacement("ab", 2)))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
print(list(itertools.filterfalse(str.isdigit, "a1b2c3")))
