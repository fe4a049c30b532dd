from collections import namedtuple

Point = namedtuple("Point", "x y")

def quadrant(p):
    match p:
        case (0, 0):
            return "origin"
        case (x, y) if x > 0 and y > 0:
            return "I"
        case (x, y) if x < 0 < y:
            return "II"
        case (x, y):
            return "III or IV or axis"

for p in [Point(0, 0), Point(1, 2), Point(-1, 2), Point(-1, -1)]:
    print(p, quadrant(p))
