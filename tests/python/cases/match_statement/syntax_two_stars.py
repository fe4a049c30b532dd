match [1, 2, 3]:
    case [*head, *tail]:
        print(head, tail)
