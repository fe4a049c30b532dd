point = (1, 2)
match point:
    case (x, 0) | (0, y):
        print(x, y)
