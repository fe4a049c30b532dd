# Arithmetic between int, float and complex.
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b)
print(a + 1, 2 - a, a * 0.5, 1 / a, a / 2)
print(a ** 2, a ** 0, a ** -1, 2 ** a)
print(a ** 0.5, (-1) ** 0.5, (-8) ** (1 / 3))
print(-a, +a, abs(a), abs(-5j), abs(complex(3e200, 4e200)))
print(a.real, a.imag, a.conjugate(), (2.5j).conjugate(), (-1j).real)
print(True + 1j, 1j * True, sum([1j, 2, 3.5]))
z = 1j
z *= z
print(z, z == -1, z == -1.0, z != -1)
