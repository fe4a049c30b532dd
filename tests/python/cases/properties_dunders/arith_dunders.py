class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
v = Vector(1, 2)
print(v + Vector(3, 4))
print(v * 3, 3 * v, -v)
