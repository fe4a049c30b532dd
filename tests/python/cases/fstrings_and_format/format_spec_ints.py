n = 255
print(f"{n:b} {n:o} {n:x} {n:X}")
print(f"{n:#b} {n:#o} {n:#x}")
print(f"{n:08b}")
print(f"{1000000:,}")
print(f"{1000000:_}")
print(f"{65:c}")
print(f"{0.25:%} {0.256:.1%}")
