# math.fsum is exact; fmod keeps the sign of x; lcm of several numbers.
import math

print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2.5, 3]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([1e308, 1e308, -1e308]))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.fmod(7.5, -2))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6))
try:
    math.fmod(1, 0)
except ValueError as e:
    print("ValueError:", e)
