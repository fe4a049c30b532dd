from dataclasses import dataclass

@dataclass
class Item:
    name: str
    price: float = 0.0
    quantity: int = 1

    def total(self):
        return self.price * self.quantity

pen = Item("pen", 1.5, 4)
print(pen)
print(pen.total())
print(Item("cup"))
print(pen == Item("pen", 1.5, 4), pen == Item("pen", 2.0, 4), pen == ("pen", 1.5, 4))
print(Item.__match_args__)
print(Item.__annotations__)
