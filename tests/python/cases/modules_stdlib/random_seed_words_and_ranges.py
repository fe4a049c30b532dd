# Seeds of several 32-bit words, long runs past one twist of the state, and randrange's
# counting of range(start, stop, step) in both directions.
import random

for seed in (0, 1, 2**32 - 1, 2**32, 2**64 + 12345, -7, 10**40):
    random.seed(seed)
    print(seed, random.getrandbits(32), random.random())

random.seed(99)
for _ in range(700):
    random.getrandbits(32)
print(random.getrandbits(32), random.getrandbits(70))

random.seed(5)
print([random.randrange(-10, 10, 3) for _ in range(6)])
print([random.randrange(10, -10, -4) for _ in range(6)])
print([random.randrange(0, 1, 7) for _ in range(3)])
print([random.randrange(-3, 4) for _ in range(6)])
for args in ((3, 3, 1), (5, 1), (1, 5, -1), (5, 1, 2)):
    try:
        random.randrange(*args)
    except ValueError as e:
        print("ValueError:", e)
