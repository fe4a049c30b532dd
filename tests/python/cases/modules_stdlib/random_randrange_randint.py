# randrange and randint draw with getrandbits and reject values past the bound.
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(100, 200, 7) for _ in range(5)])
print([random.randrange(50, 0, -5) for _ in range(5)])
print(random.randrange(10**25))
print(random.randint(-10**20, 10**20))
print(random.randint(5, 5))
