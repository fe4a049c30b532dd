# sample draws without replacement (a pool or a set of picks); choices with replacement.
import random

random.seed(7)
print(random.sample(range(10), 4))
print(random.sample(range(10000), 8))
print(random.sample(["a", "b", "c", "d"], k=4))
print(random.sample(["x", "y"], k=3, counts=[2, 3]))
print(random.choices("abc", k=6))
print(random.choices(["win", "lose"], weights=[1, 9], k=6))
print(random.choices(range(3), cum_weights=[0.5, 0.75, 1.0], k=6))
print(random.uniform(10, 20))
print(random.randbytes(6))
