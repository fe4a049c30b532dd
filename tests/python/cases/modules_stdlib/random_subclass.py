# Subclassing random.Random: inherited methods, an overridden random() (CPython then draws
# integers through random() alone), an overridden getrandbits(), an overridden seed().
import random


class Plain(random.Random):
    pass


p = Plain(5)
print(p.random(), p.randint(1, 10), p.choice('abcdef'), p.randrange(0, 100, 7))
items = list(range(10))
p.shuffle(items)
print(items, p.sample(range(50), 4), p.choices('xyz', k=5))
print(p.uniform(1, 2), p.triangular(0, 10, 3), p.gauss(0, 1), p.gauss(0, 1))
print(p.randbytes(5), p.getrandbits(70))
print(isinstance(p, random.Random), type(p).__name__, Plain.__mro__[1])

same = random.Random(5)
print(same.random() == Plain(5).random())


class Half(random.Random):
    def random(self):
        return 0.5


h = Half(1)
print(h.random(), h.choice('abcde'), h.uniform(0, 10), h.randrange(10), h.randint(3, 9))
print(h.getrandbits(8), h.choices([1, 2, 3], k=3))
deck = list('abcdefg')
h.shuffle(deck)
print(deck, h.sample(range(20), 3))


class Counting(random.Random):
    def __init__(self, x=None):
        self.calls = 0
        super().__init__(x)

    def random(self):
        self.calls += 1
        return super().random()


c = Counting(42)
print(c.choice(range(1000)), c.calls, c.random(), c.calls)


class FixedBits(random.Random):
    def getrandbits(self, k):
        return min(2, (1 << k) - 1)


fb = FixedBits(0)
print(fb.randrange(5), fb.choice('abc'), fb.randbelow if hasattr(fb, 'randbelow') else 'no')


class Logged(random.Random):
    def seed(self, a=None, version=2):
        print('seed called with', a)
        super().seed(a, version)


lg = Logged(3)
print(lg.random())
lg.seed(3)
print(lg.random())
state = lg.getstate()
first = lg.random()
lg.setstate(state)
print(first == lg.random())

try:
    random.Random(1, 2)
except TypeError as e:
    print(e)
try:
    random.Random([1])
except TypeError as e:
    print(e)
try:
    Half().choice([])
except IndexError as e:
    print(e)
try:
    p.sample({1, 2}, 1)
except TypeError as e:
    print(e)
