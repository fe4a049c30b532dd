# A tuple subclass built in __new__, with properties reading its items.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"

p = Point(3, 4)
print(p, p.x, p.y, len(p), p == (3, 4), isinstance(p, tuple))
print(p + (5,), list(p), hash(p) == hash((3, 4)), {p: "here"}[(3, 4)], sorted([Point(2, 1), (1, 9)]))
x, y = p
print(x, y, type(p).__name__, max(p), p.count(3), p.index(4))
