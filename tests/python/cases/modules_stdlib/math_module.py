import math
print(math.pi, math.e)
print(math.sqrt(16), math.sqrt(2))
print(math.floor(-2.5), math.ceil(2.1))
print(math.gcd(12, 18), math.factorial(20))
print(math.isclose(0.1 + 0.2, 0.3))
print(math.inf, math.isnan(math.nan))
print(math.log(math.e), math.log10(1000), math.log2(8))
