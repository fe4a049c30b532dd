n = 2 ** 70 - 1
print(hex(n))
print(bin(n).count("1"))
print(oct(n))
print(int("ffffffffffffffffff", 16))
print(str(-(3 ** 45)))
