z = -0.0
print(z)
print(z == 0.0)
print(0.0 * -1)
print(abs(z))
print(str(-0.0), repr(-0.0))
