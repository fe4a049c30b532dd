print(round(7 / 3, 3))
print(abs(-3), abs(-3.5))
print(divmod(20, 6), divmod(-20, 6), divmod(7.5, 2))
print(pow(2, 8), pow(2.0, 3))
