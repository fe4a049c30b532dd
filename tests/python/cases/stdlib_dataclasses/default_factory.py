from dataclasses import dataclass, field

@dataclass
class Cart:
    owner: str
    items: list = field(default_factory=list)
    meta: dict = field(default_factory=dict, repr=False)

a = Cart("ann")
b = Cart("bob")
a.items.append("apple")
print(a, b)
print(a.meta, b.meta is a.meta)

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
