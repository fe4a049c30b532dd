class Inventory:
    def __init__(self):
        self._stock = {}
    def __getitem__(self, item):
        return self._stock.get(item, 0)
    def __setitem__(self, item, qty):
        self._stock[item] = qty
    def __delitem__(self, item):
        del self._stock[item]
    def __contains__(self, item):
        return item in self._stock
    def __iter__(self):
        return iter(self._stock)
inv = Inventory()
inv["apple"] = 3
inv["pear"] = 0
print(inv["apple"], inv["kiwi"])
print("pear" in inv, "kiwi" in inv)
del inv["pear"]
print(list(inv))
