cases = [lambda: len(3), lambda: sum(["a"]), lambda: sorted([1, "a"]), lambda: int([1]), lambda: abs("x"), lambda: iter(5), lambda: max()]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
