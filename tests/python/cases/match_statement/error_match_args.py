class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Bad:
    __match_args__ = ["x"]

def too_many(p):
    match p:
        case Point(1, 2, 3): pass

def not_a_tuple(b):
    match b:
        case Bad(1): pass

def builtin_two(n):
    match n:
        case int(1, 2): pass

def repeated(p):
    match p:
        case Point(1, x=1): pass

def not_a_type(p):
    match p:
        case len(): pass

def object_positional(o):
    match o:
        case object(1): pass

for check, arg in [(too_many, Point(1, 2)), (not_a_tuple, Bad()), (builtin_two, 3),
                   (repeated, Point(1, 2)), (not_a_type, 1), (object_positional, 1)]:
    try:
        check(arg)
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
