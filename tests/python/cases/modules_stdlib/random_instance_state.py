# random.Random instances carry their own state; getstate/setstate replay it.
import random

a = random.Random(42)
b = random.Random(42)
print(a.random() == b.random(), a.randint(1, 100), b.randint(1, 100))
print(isinstance(a, random.Random), type(a).__name__)
state = a.getstate()
first = [a.random() for _ in range(3)]
a.setstate(state)
print(first == [a.random() for _ in range(3)])
print(state[0], len(state[1]), state[2])
random.seed(42)
c = random.Random("42")
print(random.random(), c.random())
c.seed(42)
print(c.random())
