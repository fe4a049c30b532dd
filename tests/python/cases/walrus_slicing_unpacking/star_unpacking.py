first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *middle, z = range(5)
print(a, middle, z)
head, *tail = [1]
print(head, tail)
