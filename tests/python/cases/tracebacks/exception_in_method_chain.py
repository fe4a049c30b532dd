class Cart:
    def __init__(self):
        self.items = {}
    def quantity(self, name):
        return self.items[name]
    def describe(self, name):
        return f"{name}: {self.quantity(name)}"
cart = Cart()
print(cart.describe("apple"))
