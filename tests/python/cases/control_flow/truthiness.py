for value in [0, 1, "", "a", [], [0], {}, None, 0.0, (), set()]:
    if value:
        print(repr(value), "is truthy")
    else:
        print(repr(value), "is falsy")
