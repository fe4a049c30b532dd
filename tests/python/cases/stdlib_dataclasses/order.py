from dataclasses import dataclass

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

versions = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(versions))
print(max(versions), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print("TypeError:", e)
