# The playground's functools, written for it from what the module does. partial, reduce,
# lru_cache, cache and wraps are native (`_functools`); the rest is here.
from _functools import partial, reduce, lru_cache, cache, wraps

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    # Copies what `wrapped` has of `assigned`, merges its `updated` mappings into the
    # wrapper's, and points `__wrapped__` back at it.
    missing = object()
    for name in assigned:
        value = getattr(wrapped, name, missing)
        if value is not missing:
            setattr(wrapper, name, value)
    for name in updated:
        for key, value in getattr(wrapped, name, {}).items():
            setattr(wrapper, key, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


class cached_property:
    # A non-data descriptor: the first read computes the value and stores it in the
    # instance's __dict__ under the same name, where later reads find it first.
    def __init__(self, func):
        # What it computes with; its name comes when its class is made (__set_name__).
        self.func, self.attrname = func, None
        self.__module__, self.__doc__ = func.__module__, func.__doc__

    def __set_name__(self, owner, name):
        first = self.attrname
        if first is not None and first != name:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                f'({first!r} and {name!r}).'
            )
        self.attrname = name

    def __get__(self, instance, owner=None):
        # Read from the class: the descriptor itself.
        if instance is not None and self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')
        if instance is None:
            return self
        stored = instance.__dict__
        if self.attrname not in stored:
            stored[self.attrname] = self.func(instance)
        return stored[self.attrname]


# How total_ordering fills in the comparisons a class leaves out from the one it defines (the
# root): each asks the root and passes on its NotImplemented. A filled-in method keeps CPython's
# rule name as its __qualname__ (`_le_from_lt`), which shows which rule made it.
def _rule(made, root, answer):
    def method(self, other):
        result = getattr(type(self), root)(self, other)
        return result if result is NotImplemented else answer(result, self, other)
    method.__qualname__ = f'_{made[2:4]}_from_{root[2:4]}'
    return method


def _strict(result, a, b):
    return not result and a != b


def _or_equal(result, a, b):
    return result or a == b


def _not(result, a, b):
    return not result


def _not_or_equal(result, a, b):
    return not result or a == b


def _and_unequal(result, a, b):
    return result and a != b


_DERIVED = {
    root: {made: _rule(made, root, answer) for made, answer in rules.items()}
    for root, rules in {
        '__lt__': {'__gt__': _strict, '__le__': _or_equal, '__ge__': _not},
        '__le__': {'__ge__': _not_or_equal, '__lt__': _and_unequal, '__gt__': _not},
        '__gt__': {'__lt__': _strict, '__ge__': _or_equal, '__le__': _not},
        '__ge__': {'__le__': _not_or_equal, '__gt__': _and_unequal, '__lt__': _not},
    }.items()
}


def total_ordering(cls):
    defined = [
        name for name in _DERIVED
        if any(name in vars(klass) for klass in cls.__mro__ if klass is not object)
    ]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # The root is the greatest name defined (`__lt__` before `__le__`, `__gt__`, `__ge__`).
    root = max(defined)
    for name, method in _DERIVED[root].items():
        if name not in defined:
            method.__name__ = name
            setattr(cls, name, method)
    return cls


def cmp_to_key(mycmp):
    # A key class whose comparisons ask mycmp and read its sign. (CPython's is a C type,
    # 'functools.KeyWrapper'; this one's messages say 'KeyWrapper'.)
    class KeyWrapper:
        __slots__ = ('obj',)
        __hash__ = None

        def __init__(self, obj):
            self.obj = obj

    for name, holds in _SIGN_TESTS:
        setattr(KeyWrapper, name, _comparing(mycmp, holds))
    return KeyWrapper


_SIGN_TESTS = (
    ('__lt__', lambda sign: sign < 0),
    ('__gt__', lambda sign: sign > 0),
    ('__eq__', lambda sign: sign == 0),
    ('__le__', lambda sign: sign <= 0),
    ('__ge__', lambda sign: sign >= 0),
)


def _comparing(mycmp, holds):
    def compare(self, other):
        return holds(mycmp(self.obj, other.obj))
    return compare
