from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int
    label: str = ""

for make in [lambda: Point(), lambda: Point(1), lambda: Point(1, 2, "a", 4),
             lambda: Point(1, 2, colour="red"), lambda: Point(1, x=2)]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
