# The distributions of random built on random() alone, from one seeded stream, module-level and
# on an instance; they share the module's state with random.random().
import random

random.seed(2024)
print(random.betavariate(2, 5))
print(random.gammavariate(0.5, 2), random.gammavariate(1.0, 3), random.gammavariate(4.5, 1))
print(random.lognormvariate(0, 0.5))
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0.0, 0.0))
print(random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.random(), random.randint(1, 6))
r = random.Random('teaching')
print([round(r.betavariate(1, 1), 12) for _ in range(3)])
print(r.expovariate(2), r.normalvariate(10, 2), r.lognormvariate(1, 1))
print(r.choices(['a', 'b', 'c'], weights=[5, 1, 1], k=6), r.choices('ab', cum_weights=[1, 3], k=4))
print(r.sample(['x', 'y', 'z', 'w'], k=6, counts=[1, 2, 1, 2]))
print(r.randrange(-10, 10, 3), r.randrange(1000000000000000000000000), r.getrandbits(1))
try:
    random.gammavariate(-1, 1)
except ValueError as e:
    print(e)
try:
    r.randrange(0)
except ValueError as e:
    print(e)
try:
    r.randint(1)
except TypeError as e:
    print(e)
try:
    r.choices([1, 2], [1], k=1)
except ValueError as e:
    print(e)
