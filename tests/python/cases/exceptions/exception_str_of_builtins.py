for exc in [ValueError(), ValueError(""), ValueError("a", "b"), KeyError()]:
    print(repr(str(exc)), repr(exc))
