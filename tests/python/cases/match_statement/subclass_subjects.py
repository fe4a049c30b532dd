class Stack(list):
    pass

class Config(dict):
    pass

class Name(str):
    pass

match Stack([1, 2, 3]):
    case [top, *_]:
        print("stack top", top)

match Config(debug=True, port=5000):
    case {"debug": True, "port": port}:
        print("debug on port", port)

match Name("ann"):
    case str(n):
        print("a str subclass:", n, type(n).__name__)

match Name("x"):
    case [c]:
        print("never: a str is not a sequence here")
    case _:
        print("str subclasses are not sequences either")
