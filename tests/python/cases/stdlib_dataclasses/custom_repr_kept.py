from dataclasses import dataclass

@dataclass
class Money:
    cents: int
    currency: str = "EUR"

    def __repr__(self):
        return f"{self.cents / 100:.2f} {self.currency}"

m = Money(1250)
print(m, [m], m == Money(1250))
