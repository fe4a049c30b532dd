from dataclasses import dataclass, field, asdict, astuple

@dataclass
class Address:
    city: str
    zip: str

@dataclass
class User:
    name: str
    address: Address
    tags: list = field(default_factory=list)

u = User("ann", Address("Oslo", "0150"), ["admin"])
print(asdict(u))
print(astuple(u))
d = asdict(u)
d["tags"].append("x")
print(u.tags)
try:
    asdict(User)
except TypeError as e:
    print("TypeError:", e)
