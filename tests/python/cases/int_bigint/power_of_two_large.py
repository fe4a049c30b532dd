n = 2 ** 100
print(n)
print(n + 1)
print(n // 3)
print(n % 1000007)
print(-n)
