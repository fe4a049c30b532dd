from enum import Enum, auto

class Step(Enum):
    START = auto()
    MIDDLE = auto()
    END = auto()

print(list(Step))

class Mixed(Enum):
    A = 10
    B = auto()
    C = auto()

print([(m.name, m.value) for m in Mixed])
