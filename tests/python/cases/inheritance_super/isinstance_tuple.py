class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
shapes = [Circle(), Square(), Shape()]
for s in shapes:
    print(type(s).__name__, isinstance(s, (Circle, Square)), isinstance(s, Shape))
print(issubclass(bool, int), issubclass(int, object))
