# Numbering with count, round-robin with cycle, constants with repeat.
from itertools import count, cycle, repeat, starmap, pairwise

ids = count(1)
print([(next(ids), name) for name in ["ada", "bob", "cy"]])
servers = cycle(["web1", "web2"])
print([next(servers) for _ in range(5)])
print(list(repeat("x", 3)), list(map(pow, range(4), repeat(2))))
print([x for x, _ in zip(count(10, -3), range(4))])
print(list(starmap(lambda a, b: f"{a}={b}", [("a", 1), ("b", 2)])))
print(list(pairwise([1, 4, 9, 16])), list(pairwise("a")))
