class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def check(p):
    match p:
        case Point(a, b, c):
            return a + b + c

print("start")
check(Point(1, 2))
