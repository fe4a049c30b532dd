from dataclasses import dataclass

@dataclass
class Tag:
    name: str

t = Tag("a")
try:
    {t}
except TypeError as e:
    print("TypeError:", e)
print(Tag.__hash__)

@dataclass(unsafe_hash=True)
class Key:
    name: str

print(len({Key("a"), Key("a"), Key("b")}))

@dataclass(eq=False)
class Node:
    value: int

print(Node(1) == Node(1))
