names = ["ann", "bob"]
ages = [30, 25, 99]
for i, name in enumerate(names, start=1):
    print(i, name)
print(list(zip(names, ages)))
print(dict(zip(names, ages)))
print(list(zip(*[(1, "a"), (2, "b")])))
print(list(enumerate("xy")))
