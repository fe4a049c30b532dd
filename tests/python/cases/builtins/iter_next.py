it = iter(["a", "b", "c"])
print(next(it))
for x in it:
    print("rest", x)
print(next(it, None))
d = iter({"k1": 1, "k2": 2})
print(next(d))
