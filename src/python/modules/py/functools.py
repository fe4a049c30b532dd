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


# How total_ordering fills in the comparisons a class leaves out, from the one it defines
# (each passes on a NotImplemented from it). The names are CPython's: a filled-in method's
# __qualname__ shows which rule made it.
def _gt_from_lt(self, other):
    less = type(self).__lt__(self, other)
    return less if less is NotImplemented else not less and self != other


def _le_from_lt(self, other):
    less = type(self).__lt__(self, other)
    return less if less is NotImplemented else less or self == other


def _ge_from_lt(self, other):
    less = type(self).__lt__(self, other)
    return less if less is NotImplemented else not less


def _ge_from_le(self, other):
    at_most = type(self).__le__(self, other)
    return at_most if at_most is NotImplemented else not at_most or self == other


def _lt_from_le(self, other):
    at_most = type(self).__le__(self, other)
    return at_most if at_most is NotImplemented else at_most and self != other


def _gt_from_le(self, other):
    at_most = type(self).__le__(self, other)
    return at_most if at_most is NotImplemented else not at_most


def _lt_from_gt(self, other):
    more = type(self).__gt__(self, other)
    return more if more is NotImplemented else not more and self != other


def _ge_from_gt(self, other):
    more = type(self).__gt__(self, other)
    return more if more is NotImplemented else more or self == other


def _le_from_gt(self, other):
    more = type(self).__gt__(self, other)
    return more if more is NotImplemented else not more


def _le_from_ge(self, other):
    at_least = type(self).__ge__(self, other)
    return at_least if at_least is NotImplemented else not at_least or self == other


def _gt_from_ge(self, other):
    at_least = type(self).__ge__(self, other)
    return at_least if at_least is NotImplemented else at_least and self != other


def _lt_from_ge(self, other):
    at_least = type(self).__ge__(self, other)
    return at_least if at_least is NotImplemented else not at_least


_DERIVED = {
    '__lt__': {'__gt__': _gt_from_lt, '__le__': _le_from_lt, '__ge__': _ge_from_lt},
    '__le__': {'__ge__': _ge_from_le, '__lt__': _lt_from_le, '__gt__': _gt_from_le},
    '__gt__': {'__lt__': _lt_from_gt, '__ge__': _ge_from_gt, '__le__': _le_from_gt},
    '__ge__': {'__le__': _le_from_ge, '__gt__': _gt_from_ge, '__lt__': _lt_from_ge},
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
