import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

for action in (lambda: setattr(Color, "RED", 3), lambda: delattr(Color, "GREEN")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
Color.description = "traffic light colours"
print(Color.description, list(Color), Color.RED.value)
class Status(enum.IntEnum):
    OK = 200
try:
    Status.OK = 201
except AttributeError as e:
    print("AttributeError:", e)
print(Status.OK == 200)
