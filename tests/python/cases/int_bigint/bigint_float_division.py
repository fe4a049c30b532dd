big = 10 ** 25
print(big / 4)
print(float(big))
print(big / 10 ** 24)
print(2 ** 64 / 2 ** 32)
