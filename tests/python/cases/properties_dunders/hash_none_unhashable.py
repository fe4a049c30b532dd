# __hash__ = None, or __eq__ without __hash__, makes instances unhashable.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

class Frozen:
    __hash__ = None

class HashedPoint(Point):
    def __hash__(self):
        return hash((self.x, self.y))

for obj in (Point(1, 2), Frozen()):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)
print(hash(HashedPoint(1, 2)) == hash((1, 2)), len({HashedPoint(1, 2), HashedPoint(1, 2)}))
print(Point(1, 2) == Point(1, 2), Point.__hash__, Frozen.__hash__)
{Point(0, 0): "origin"}
