# The playground's `operator`, written for the playground: the operators as functions, and the
# three callables that sort keys and `map` use (itemgetter, attrgetter, methodcaller).
# The plain operators are made from one table: name, then the expression as a lambda.


def _named(name, function):
    function.__name__ = name
    function.__qualname__ = name
    return function


_builtin_abs = abs

_TABLE = {
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "ge": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
    "not_": lambda a: not a,
    "truth": lambda a: bool(a),
    "is_": lambda a, b: a is b,
    "is_not": lambda a, b: a is not b,
    "abs": lambda a: _builtin_abs(a),
    "add": lambda a, b: a + b,
    "and_": lambda a, b: a & b,
    "floordiv": lambda a, b: a // b,
    "index": lambda a: a.__index__(),
    "inv": lambda a: ~a,
    "invert": lambda a: ~a,
    "lshift": lambda a, b: a << b,
    "mod": lambda a, b: a % b,
    "mul": lambda a, b: a * b,
    "matmul": lambda a, b: a @ b,
    "neg": lambda a: -a,
    "or_": lambda a, b: a | b,
    "pos": lambda a: +a,
    "pow": lambda a, b: a**b,
    "rshift": lambda a, b: a >> b,
    "sub": lambda a, b: a - b,
    "truediv": lambda a, b: a / b,
    "xor": lambda a, b: a ^ b,
    "contains": lambda a, b: b in a,
    "getitem": lambda a, b: a[b],
}
for _name, _function in _TABLE.items():
    globals()[_name] = _named(_name, _function)


def concat(a, b):
    if hasattr(a, "__getitem__"):
        return a + b
    raise TypeError("'%s' object can't be concatenated" % type(a).__name__)


def countOf(a, b):
    # Identity first, then equality, as the container tests do.
    return len([item for item in a if item is b or item == b])


def indexOf(a, b):
    for position, item in enumerate(a):
        if item is b or item == b:
            return position
    raise ValueError("sequence.index(x): x not in sequence")


def setitem(a, b, c):
    a[b] = c


def delitem(a, b):
    del a[b]


def _in_place(name, method, fallback):
    def apply(a, b):
        if isinstance(a, list) and method == "__imul__":
            a *= b
            return a
        if hasattr(a, method):
            result = getattr(a, method)(b)
            if result is not NotImplemented:
                return result
        return fallback(a, b)

    return _named(name, apply)


def iadd(a, b):
    a += b
    return a


isub = _in_place("isub", "__isub__", lambda a, b: a - b)
imul = _in_place("imul", "__imul__", lambda a, b: a * b)
iconcat = _named("iconcat", lambda a, b: iadd(a, b))


class itemgetter:
    def __init__(self, item, *items):
        self._items = (item,) + items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join(repr(i) for i in self._items)


class attrgetter:
    def __init__(self, attr, *attrs):
        names = (attr,) + attrs
        for name in names:
            if not isinstance(name, str):
                raise TypeError("attribute name must be a string")
        self._names = names

    def _lookup(self, obj, dotted):
        for part in dotted.split("."):
            obj = getattr(obj, part)
        return obj

    def __call__(self, obj):
        if len(self._names) == 1:
            return self._lookup(obj, self._names[0])
        return tuple(self._lookup(obj, n) for n in self._names)

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join(repr(n) for n in self._names)


class methodcaller:
    def __init__(self, name, *args, **kwargs):
        if isinstance(name, str):
            self._name, self._args, self._kwargs = name, args, kwargs
        else:
            raise TypeError("method name must be a string")

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts += [repr(a) for a in self._args]
        parts += ["%s=%r" % (k, v) for k, v in self._kwargs.items()]
        return "operator.methodcaller(%s)" % ", ".join(parts)
