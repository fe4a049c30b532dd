# typing.NamedTuple and typing.TypedDict in class syntax; collections.namedtuple's defaults.
from collections import namedtuple
from typing import NamedTuple, Optional, TypedDict


class Point(NamedTuple):
    x: int
    y: int = 0
    label: Optional[str] = None

    def moved(self, dx):
        return self._replace(x=self.x + dx)


p = Point(1)
print(p, Point(1, 2, 'a'), p.moved(5), p._asdict(), Point._fields)
print(p == Point(1, 0, None), p.x, p[1], list(p), len(p), Point._field_defaults)
x, y, label = Point(3, 4)
print(x, y, label)
try:
    Point()
except TypeError as error:
    print('TypeError:', error)

try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as error:
    print('TypeError:', error)

Pair = namedtuple('Pair', 'left right', defaults=[9])
print(Pair(1), Pair(1, 2), Pair._field_defaults)
try:
    namedtuple('Too', 'a', defaults=[1, 2])
except TypeError as error:
    print('TypeError:', error)


class Movie(TypedDict):
    title: str
    year: int


class Film(Movie, total=False):
    rating: float


m = Movie(title='Up', year=2009)
print(m, type(m).__name__, m['title'])
f = Film(title='Heat', year=1995, rating=8.3)
print(f, sorted(Film.__annotations__), Film.__total__, Movie.__total__)
