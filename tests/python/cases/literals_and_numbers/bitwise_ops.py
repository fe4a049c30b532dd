a, b = 12, 10
print(a & b, a | b, a ^ b)
print(a << 2, a >> 2)
print(-1 >> 3)
print(bin(a), hex(255), oct(8))
print(bin(-5))
