t = (1, 2, 3)
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
