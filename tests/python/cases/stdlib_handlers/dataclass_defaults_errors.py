import dataclasses

try:
    @dataclasses.dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclasses.dataclass
    class Order:
        id: int = 0
        name: str
except TypeError as e:
    print("TypeError:", e)

@dataclasses.dataclass(repr=False, eq=False)
class Plain:
    x: int
print(Plain(1) == Plain(1), repr(Plain(1)).startswith("<"))
