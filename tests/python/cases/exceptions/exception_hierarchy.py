for exc in [ZeroDivisionError, KeyError, IndexError, ModuleNotFoundError, UnboundLocalError, RecursionError]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__[1:]])
