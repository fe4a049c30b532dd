from enum import Enum, auto

class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    ALPHA = auto()
    BETA = auto()

class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

print(list(Lower), Lower.BETA.value)
print(Planet.EARTH.mass, Planet.MERCURY.radius, Planet.EARTH.value)
