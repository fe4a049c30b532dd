a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b)
c = a.copy()
c["x"] = 100
print(a, c)
print({} == dict())
print(a != c)
