# float.hex() is exact, and float.fromhex() reads it back.
for x in [0.1, -2.5, 1e308, 5e-324, 0.0, -0.0, 1.0, 3.75]:
    h = x.hex()
    print(h, float.fromhex(h) == x)
print(float.hex(float("inf")), float.fromhex("-Infinity"), float.fromhex(" 0X1.8P-3 "))
print(float.fromhex("0x.8"), float.fromhex("1"), float.fromhex("0x1p-1074"))
try:
    float.fromhex("0x1p2000")
except OverflowError as e:
    print("OverflowError:", e)
float.fromhex("zz")
