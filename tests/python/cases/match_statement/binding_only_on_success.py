match (1, 2, 3):
    case (a, b, 4):
        print("no")
    case _:
        pass
print("a" in dir(), "b" in dir())

match {"x": 1, "y": 2}:
    case {"x": x, "y": 3}:
        print("no")
    case {"x": x2}:
        print("x2 =", x2)
print("x" in dir())
