a = list(range(10))
print(a[2:5], a[::3], a[::-2])
a[2:5] = ["x"]
print(a)
a[:0] = [-1, -2]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
