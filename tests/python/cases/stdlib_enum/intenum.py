from enum import IntEnum

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

print(Priority.HIGH, repr(Priority.HIGH), f"{Priority.LOW}")
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 2, Priority.LOW + 1)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]))
print(Priority(3), isinstance(Priority.LOW, int), max(Priority))
print({1: "one"}[Priority.LOW], [p.name for p in Priority if p >= 2])
