# int and float subclasses: arithmetic falls back to the number and returns plain int/float.
class Cents(int):
    def __str__(self):
        return f"${self // 100}.{self % 100:02d}"

class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32

price = Cents(1999)
print(price, repr(price), price + 1, type(price + 1).__name__, price == 1999, price > 1000)
print(isinstance(price, int), int(price), float(price), abs(Cents(-5)), hash(price) == hash(1999))
print(range(10)[Cents(3)], [0, 1, 2][Cents(1)], f"{price:,}", divmod(price, 100))
t = Celsius(21.5)
print(t, t.to_f(), round(t), int(t), t * 2, isinstance(t, float), type(t).__name__)
print(sorted([Celsius(3.5), 1, Cents(2)]), {Cents(7): "seven"}[7])
