match [1, 1]:
    case [x, x]:
        print("pair of equal values")
