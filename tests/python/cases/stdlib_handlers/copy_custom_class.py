import copy

class Cart:
    def __init__(self, owner, items):
        self.owner = owner
        self.items = items
    def __repr__(self):
        return f"Cart({self.owner!r}, {self.items!r})"

class Tracked:
    def __init__(self, value):
        self.value = value
    def __copy__(self):
        print("copy called")
        return Tracked(self.value)
    def __deepcopy__(self, memo):
        print("deepcopy called")
        return Tracked(copy.deepcopy(self.value, memo))

a = Cart("ada", [1, 2])
b = copy.copy(a)
c = copy.deepcopy(a)
a.items.append(3)
print(a, b, c)
t = copy.deepcopy(Tracked([1]))
u = copy.copy(t)
print(t.value, u.value is t.value)
