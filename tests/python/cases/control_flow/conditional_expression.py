for n in range(4):
    label = "even" if n % 2 == 0 else "odd"
    print(n, label)
x = None
print(x if x is not None else "missing")
