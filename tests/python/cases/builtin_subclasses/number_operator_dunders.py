# The numbers' operator methods as attributes: an int takes ints, a float takes ints and floats,
# anything else is NotImplemented; an int subclass reaches int's own through super().
print(int.__add__(1, 2), int.__add__(1, 2.0), (5).__sub__(2), float.__mul__(2.0, 3), (3).__rsub__(10))
print((1).__eq__(1.0), (1.0).__eq__(1), int.__lt__(1, 2), float.__ge__(2.0, 2), (2).__lt__("a"))
print(sorted([3, 1, 2], key=int.__neg__), (-4).__abs__(), (2.5).__neg__(), True.__add__(True), int.__truediv__(7, 2))
print((7).__floordiv__(2), (7.5).__mod__(2), (2).__radd__(3.0), (10**20).__add__(1), int.__pos__(-3))
class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other) + 0)
    def __repr__(self):
        return f"Money({int(self)})"
print(Money(3) + 4, super(Money, Money(2)).__add__(5))
for call in (lambda: int.__add__(1.0, 2), lambda: int.__neg__(), lambda: float.__lt__(1.0)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
