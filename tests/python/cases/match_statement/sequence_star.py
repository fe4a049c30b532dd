def split(seq):
    match seq:
        case []:
            return "empty"
        case [only]:
            return f"one: {only}"
        case [head, *tail]:
            return f"head={head} tail={tail}"

print(split([]))
print(split([1]))
print(split([1, 2, 3]))
print(split((4, 5)))
print(split(range(3)))

match [1, 2, 3, 4, 5]:
    case [first, *middle, last]:
        print(first, middle, last)

match (1, 2):
    case [*_, 2]:
        print("ends with 2")

match [1, 2]:
    case [a, b, *rest]:
        print(a, b, rest, type(rest).__name__)
