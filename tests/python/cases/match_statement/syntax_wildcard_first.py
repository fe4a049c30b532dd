match 5:
    case _:
        print("default")
    case 5:
        print("five")
