from dataclasses import dataclass, field, fields

@dataclass
class CartItem:
    name: str
    price: float
    quantity: int = 1
    total: float = field(init=False)

    def __post_init__(self):
        if self.quantity < 1:
            raise ValueError("quantity must be positive")
        self.total = round(self.price * self.quantity, 2)

cart = [CartItem("pen", 1.5, 4), CartItem("book", 12.99)]
print(cart)
print(sum(i.total for i in cart))
print([f.name for f in fields(CartItem)])
try:
    CartItem("bad", 1.0, 0)
except ValueError as e:
    print("ValueError:", e)
