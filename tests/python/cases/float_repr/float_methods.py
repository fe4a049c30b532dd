x = 3.75
print(x.is_integer(), 4.0.is_integer())
print(x.as_integer_ratio())
print(float.fromhex("0x1.8p1"))
print((0.5).hex())
print(int(x), int(-x))
