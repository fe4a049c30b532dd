from dataclasses import dataclass, field

@dataclass
class Rectangle:
    width: float
    height: float
    area: float = field(init=False)

    def __post_init__(self):
        if self.width < 0 or self.height < 0:
            raise ValueError("negative size")
        self.area = self.width * self.height

r = Rectangle(3, 4.5)
print(r, r.area)
try:
    Rectangle(-1, 2)
except ValueError as e:
    print("ValueError:", e)
