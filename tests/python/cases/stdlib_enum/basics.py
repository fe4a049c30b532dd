from enum import Enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(type(Color.RED), isinstance(Color.GREEN, Color))
print(Color(2), Color["BLUE"])
print(list(Color), len(Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1))
print(f"{Color.GREEN}", str(Color.BLUE), [Color.RED])
print(Color)
