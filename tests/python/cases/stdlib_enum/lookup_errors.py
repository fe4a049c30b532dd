from enum import Enum

class Status(Enum):
    ACTIVE = "active"
    BANNED = "banned"

print(Status("active"))
for bad in [lambda: Status("deleted"), lambda: Status(1), lambda: Status["active"]]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
