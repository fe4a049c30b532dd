x = 1 << 80
print(x)
print(x >> 79)
print(x | 1)
print((x - 1) & 0xFFFF)
print(-x >> 3)
