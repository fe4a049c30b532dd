class Cart:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
cart = Cart()
print(len(cart), bool(cart))
cart.items.append("book")
print(len(cart), bool(cart))
if not Cart():
    print("empty cart is falsy")
