# `x in frozenset(...)` asks the key's own __hash__ and __eq__ (as `x in set(...)` does), and a
# key that cannot be hashed is a TypeError, not "absent".


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


f = frozenset([Point(1, 2), Point(3, 4)])
s = set(f)
print(Point(1, 2) in f, Point(1, 2) in s, Point(5, 6) in f, Point(5, 6) in s)
print(Point(3, 4) not in f, (1, 2) in f)
for container in (f, s, frozenset(), set()):
    try:
        print([1] in container)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print({} not in container)
    except TypeError as e:
        print("TypeError:", e)
# A set inside a frozenset is looked up as a frozenset with the same members.
g = frozenset([frozenset([1, 2])])
print(frozenset([2, 1]) in g, (1, 2) in frozenset([(1, 2)]), {1, 2} in g, {2, 1} in set(g))
# ... and so do a set's remove and discard; a dict does not.
s = {frozenset([1, 2]), 3}
s.discard({2, 1})
print(s)
try:
    s.remove({5})
except KeyError as e:
    print("KeyError:", e)
try:
    print({1} in {})
except TypeError as e:
    print("TypeError:", e)
