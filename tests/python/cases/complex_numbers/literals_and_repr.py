# Complex literals and how repr/str write them.
print(1j, 2.5j, 0j, -0j, 1 + 2j, 1 - 2j, -1 - 1j)
print(repr(3 + 0j), str(0.5 - 1e-20j), (1e16 + 1e-5j))
print(complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0))
print(complex(float("nan"), float("inf")), complex(float("-inf"), float("nan")))
print([1j, (2 + 3j)], {"z": 4j}, (5j,))
print(type(1j), type(1j).__name__, isinstance(2j, complex))
print(f"{1 + 2j}", "%s and %r" % (1j, -2j))
