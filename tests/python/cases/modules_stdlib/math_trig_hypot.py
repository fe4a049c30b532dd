from math import sin, cos, hypot, radians, degrees, pi
print(sin(0), cos(0))
print(hypot(3, 4))
print(radians(180) == pi, degrees(pi))
print(round(sin(pi / 6), 10))
