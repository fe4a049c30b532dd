# Reading a log until a marker, skipping a header.
from itertools import takewhile, dropwhile, filterfalse, compress

lines = ["# header", "# more", "GET /", "POST /login", "", "trailer"]
print(list(dropwhile(lambda l: l.startswith("#"), lines)))
print(list(takewhile(lambda l: l != "", dropwhile(lambda l: l.startswith("#"), lines))))
print(list(filterfalse(lambda n: n % 3, range(10))), list(filterfalse(None, [0, "", "x", 1])))
print(list(compress(["a", "b", "c", "d"], [1, 0, True, 0])))
