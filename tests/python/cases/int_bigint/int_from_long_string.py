s = "9" * 40
n = int(s)
print(n + 1)
print(n * n)
print(int("-" + s) // 7)
