# Classes copy their attributes, or decide for themselves with __copy__ / __deepcopy__.
import copy

class Cart:
    def __init__(self, owner):
        self.owner = owner
        self.items = []

c = Cart("ada")
c.items.append("apple")
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
c.items.append("pear")
print(type(c2).__name__, c2.owner, c2.items, c3.items)

class Token:
    def __init__(self, value):
        self.value = value
    def __copy__(self):
        print("__copy__ called")
        return Token(self.value + "-copy")
    def __deepcopy__(self, memo):
        print("__deepcopy__ called with", type(memo).__name__)
        return Token(self.value + "-deep")

t = Token("abc")
print(copy.copy(t).value, copy.deepcopy(t).value, copy.deepcopy([t])[0].value)
