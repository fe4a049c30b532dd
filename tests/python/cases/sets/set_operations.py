a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b))
print(sorted(a & b))
print(sorted(a - b))
print(sorted(a ^ b))
print(a.issuperset({1, 2}), {1, 2} <= a, a.isdisjoint({9}))
