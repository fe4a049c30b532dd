a = [1, 2, [3, 4]]
b = a
c = a.copy()
d = a[:]
a.append(5)
a[2].append(99)
print(a)
print(b)
print(c)
print(d)
print(a is b, a is c, a == b)
