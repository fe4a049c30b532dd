class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
p.x = 10
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

class Point3(Point):
    __slots__ = ("z",)

q = Point3(1, 2)
q.z = 3
print(q.x, q.z)

class Loose(Point):
    pass

r = Loose(1, 2)
r.anything = "ok"
print(r.anything)
