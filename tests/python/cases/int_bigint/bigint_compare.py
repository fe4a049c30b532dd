big = 10 ** 30
print(big > 10 ** 29)
print(big == 10 ** 30)
print(big - 1 < big)
print(max(big, 3), min(-big, 3))
print(big == float(big))
