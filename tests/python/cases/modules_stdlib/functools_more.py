# functools beyond wraps and lru_cache: cached_property, total_ordering, cmp_to_key,
# update_wrapper.
import functools
from functools import cached_property, cmp_to_key, total_ordering, update_wrapper, wraps


class Order:
    computed = 0

    def __init__(self, items):
        self.items = items

    @cached_property
    def total(self):
        """The sum, computed once."""
        Order.computed += 1
        return sum(self.items)


order = Order([3, 4])
print(order.total, order.total, Order.computed, 'total' in vars(order))
order.items.append(10)
print(order.total)
del order.total
print(order.total, Order.computed)
print(type(Order.total).__name__, Order.total.__doc__, Order.total.attrname)

try:
    class Twice:
        a = b = cached_property(lambda self: 1)
except (TypeError, RuntimeError) as error:
    print(type(error).__name__, error)
    print(type(error.__cause__).__name__, error.__cause__)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), b >= a)
print(sorted([b, a, Version(0, 9)]), max(a, b))
print(Version.__ge__.__name__, Version.__le__.__qualname__)
try:
    a >= 3
except TypeError as error:
    print('TypeError:', error)


@total_ordering
class Score:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __ge__(self, other):
        return self.n >= other.n


print(Score(1) < Score(2), Score(2) > Score(1), Score(3) <= Score(3), Score(4) <= Score(3))

try:
    @total_ordering
    class Nothing:
        pass
except ValueError as error:
    print('ValueError:', error)


def by_length_then_text(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)


words = ['pear', 'fig', 'apple', 'kiwi', 'date']
print(sorted(words, key=cmp_to_key(by_length_then_text)))
print(sorted(words, key=cmp_to_key(by_length_then_text), reverse=True))
key = cmp_to_key(by_length_then_text)
print(key('ab') == key('cd'), key('ab') < key('abc'), type(key('x')).__name__)


def original(x):
    """Doubles."""
    return 2 * x


original.extra = 'kept'


def wrapper(*args):
    return original(*args)


update_wrapper(wrapper, original)
print(wrapper.__name__, wrapper.__doc__, wrapper.extra, wrapper.__wrapped__ is original, wrapper(4))


def logged(func):
    @wraps(func)
    def inner(*args, **kwargs):
        return func(*args, **kwargs)
    return inner


@logged
def greet(name):
    """Says hello."""
    return 'hello ' + name


print(greet('ann'), greet.__name__, greet.__doc__, greet.__wrapped__.__name__)
print(functools.reduce(lambda x, y: x * y, [1, 2, 3, 4]), functools.partial(pow, 2)(10))
