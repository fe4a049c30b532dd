# gauss keeps its second value for the next call; the other distributions draw from random().
import random

random.seed(5)
print(random.gauss(), random.gauss(), random.gauss(100, 15))
print(random.normalvariate(), random.normalvariate(10, 2))
print(random.expovariate(0.5), random.triangular(), random.triangular(0, 10, 8))
state = random.getstate()
a = random.gauss()
random.setstate(state)
print(a == random.gauss(), random.triangular(3, 3, 3))
random.seed(5)
print(random.gauss(0, 1))
