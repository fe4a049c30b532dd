import operator

products = [("pen", 1.5, 10), ("book", 12.0, 2), ("mug", 6.25, 10), ("cap", 6.25, 3)]
print(sorted(products, key=operator.itemgetter(1)))
print(sorted(products, key=operator.itemgetter(2, 0), reverse=True))
names = list(map(operator.itemgetter(0), products))
print(names)

class Item:
    def __init__(self, name, price):
        self.name, self.price = name, price
    def __repr__(self):
        return f"Item({self.name!r}, {self.price})"

items = [Item(n, p) for n, p, _ in products]
print(sorted(items, key=operator.attrgetter("price", "name")))
print(operator.methodcaller("upper")("flask"), operator.add(2, 3), operator.mul("ab", 2))
