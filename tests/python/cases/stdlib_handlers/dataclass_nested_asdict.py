from dataclasses import dataclass, field, asdict

@dataclass
class Address:
    city: str
    zip: str = "00000"

@dataclass
class Customer:
    name: str
    address: Address
    orders: list = field(default_factory=list)

c = Customer("Ada", Address("London"), [{"id": 1}])
print(asdict(c))
print(c)
print(Customer("Bob", Address("Paris", "75001")) == Customer("Bob", Address("Paris", "75001")))
