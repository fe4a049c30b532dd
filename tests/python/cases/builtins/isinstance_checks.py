values = [1, 1.0, "1", True, None, [1], (1,), {1: 1}]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, (str, list)), type(v) is int)
