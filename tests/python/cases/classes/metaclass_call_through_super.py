# A metaclass's __call__ reaches the next one along the metaclass's MRO through super(), and
# type's own __call__ makes the instance; a classmethod's super() still looks along the class.
class Counting(type):
    made = 0

    def __call__(cls, *args, **kwargs):
        Counting.made += 1
        print("Counting", cls.__name__, args)
        return super().__call__(*args, **kwargs)


class Logged(Counting):
    def __call__(cls, *args, **kwargs):
        print("Logged", cls.__name__)
        return super().__call__(*args, **kwargs)


class Point(metaclass=Logged):
    def __init__(self, x, y=0):
        self.x, self.y = x, y

    @classmethod
    def origin(cls):
        return super().__new__(cls)


class Point3(Point):
    pass


p = Point(1, y=2)
q = Point3(4)
print(p.x, p.y, q.x, type(q).__name__, Counting.made, type(Point3).__name__)
print(type(Point.origin()).__name__, Counting.made)
