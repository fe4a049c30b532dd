# Complex numbers compare equal to ints and floats of the same value and hash alike.
print(1 + 0j == 1, 2.5 + 0j == 2.5, 1j == 1j, 1j == 2j, 1j != 1)
print(hash(3 + 0j) == hash(3), hash(2.5 + 0j) == hash(2.5), hash(0j) == hash(0))
values = {1: "int", 1.0 + 0j: "complex", 2j: "imag"}
print(values)
print({1j, 1j, 2j, 0j} == {0, 1j, 2j}, 2j in [1, 2j], bool(0j), bool(1e-300j))
print(sorted([3 + 0j, 1j, 2j], key=abs))
