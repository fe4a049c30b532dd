import dataclasses

@dataclasses.dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

versions = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(versions))
print(max(versions), Version(1) < Version(1, 0, 1))
v = Version(2)
try:
    v.major = 3
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(v) == hash(Version(2, 0, 0)))
print(dataclasses.replace(v, minor=4))
