# random.seed(n) puts the Mersenne Twister in CPython's state for n: the same numbers follow.
import random

random.seed(1)
print(random.random())
print(random.random())
print(random.getrandbits(8), random.getrandbits(32), random.getrandbits(70))
random.seed(1)
print(random.random())
random.seed(-1)
print(random.random())
random.seed(2**80 + 7)
print(random.random())
random.seed(0)
print(random.getrandbits(1), random.getrandbits(0))
random.seed(True)
print(random.random())
