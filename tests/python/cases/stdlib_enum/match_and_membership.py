from enum import Enum

class Light(Enum):
    RED = "stop"
    YELLOW = "slow"
    GREEN = "go"

def action(light):
    match light:
        case Light.RED:
            return "wait"
        case Light.YELLOW | Light.GREEN:
            return "drive carefully" if light is Light.YELLOW else "drive"

for l in Light:
    print(l.name, action(l), l in Light)
try:
    Light.RED.value = "go"
except AttributeError as e:
    print("AttributeError:", e)
