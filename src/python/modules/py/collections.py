# The playground's `collections`: defaultdict, Counter, OrderedDict, deque, namedtuple, ChainMap
# and UserDict, written in Python. Deliberate difference: defaultdict and Counter are not dict
# subclasses here (they were written before the interpreter could subclass dict, and have not
# been moved onto it), so isinstance(x, dict) is False and json.dumps needs dict(x).


class defaultdict:
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._d == other._d
        return self._d == other

    def get(self, key, default=None):
        return self._d.get(key, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def pop(self, *args):
        return self._d.pop(*args)

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def clear(self):
        self._d.clear()

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        return "defaultdict(%r, %r)" % (self.default_factory, self._d)


class Counter:
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        if iterable is not None:
            self.update(iterable)
        if kwargs:
            self.update(kwargs)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, Counter)):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v

    def __getitem__(self, key):
        return self._d.get(key, 0)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        if key in self._d:
            del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._d == other._d
        return self._d == other

    def get(self, key, default=None):
        return self._d.get(key, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        out = []
        for k, v in self._d.items():
            out.extend([k] * v)
        return out

    # Counter arithmetic keeps only positive counts, left operand's keys first.
    def _combine(self, other, op):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for key in list(self._d) + [k for k in other._d if k not in self._d]:
            n = op(self._d.get(key, 0), other._d.get(key, 0))
            if n > 0:
                out._d[key] = n
        return out

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, max)

    def __and__(self, other):
        return self._combine(other, min)

    def __repr__(self):
        if not self._d:
            return "Counter()"
        inner = ", ".join("%r: %r" % kv for kv in self.most_common())
        return "Counter({%s})" % inner


class OrderedDict(dict):
    # A dict already keeps insertion order; what OrderedDict adds is moving a key to either end,
    # popping from either end, order-sensitive equality between two of them, and its repr.
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
            return
        after = list(self.items())
        self.clear()
        self[key] = value
        self.update(after)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        return dict(self) == other

    def __ne__(self, other):
        return not self == other

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return "%s(%r)" % (type(self).__name__, list(self.items()))

    def copy(self):
        return type(self)(self)


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self.maxlen = maxlen
        self._items = []
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, items):
        for x in items:
            self.append(x)

    def clear(self):
        self._items.clear()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)


def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    # Defaults belong to the last fields.
    defaults = tuple(defaults or ())
    if len(defaults) > len(fields):
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __init__(self, *args, **kwargs):
        values = list(args)
        missing = fields[len(values):]
        for name in missing:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (typename, name))
        if len(values) > len(fields):
            raise TypeError("%s.__new__() takes %d positional arguments but %d were given" % (typename, len(fields) + 1, len(values) + 1))
        for name, value in zip(fields, values):
            setattr(self, name, value)

    def __repr__(self):
        inner = ", ".join("%s=%r" % (name, getattr(self, name)) for name in fields)
        return "%s(%s)" % (typename, inner)

    def __iter__(self):
        return iter([getattr(self, name) for name in fields])

    def __getitem__(self, i):
        return [getattr(self, name) for name in fields][i]

    def __len__(self):
        return len(fields)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __hash__(self):
        return hash(tuple(self))

    def _asdict(self):
        return {name: getattr(self, name) for name in fields}

    def _replace(self, **kwargs):
        values = self._asdict()
        values.update(kwargs)
        return cls(**values)

    def _make(iterable):
        return cls(*iterable)

    namespace = {
        "__init__": __init__, "__repr__": __repr__, "__iter__": __iter__, "__getitem__": __getitem__,
        "__len__": __len__, "__eq__": __eq__, "__hash__": __hash__, "_asdict": _asdict,
        "_replace": _replace, "_fields": fields, "__match_args__": fields,
        "_field_defaults": field_defaults,
        "_make": staticmethod(_make),
    }
    cls = type(typename, (), namespace)
    return cls


class ChainMap:
    # Several mappings looked up as one, first match wins; writes go to the first.
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        if key not in self.maps[0]:
            raise KeyError("Key not found in the first mapping: {!r}".format(key))
        del self.maps[0][key]

    def _merged(self):
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return seen

    def __iter__(self):
        return iter(self._merged())

    def __len__(self):
        return len(self._merged())

    def keys(self):
        return list(self._merged())

    def items(self):
        return [(k, self[k]) for k in self._merged()]

    def values(self):
        return [self[k] for k in self._merged()]

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return "ChainMap(%s)" % ", ".join(repr(m) for m in self.maps)


class _MappingView:
    # What a UserDict's keys(), items() and values() return: live, printed as CPython prints them.
    def __init__(self, mapping, kind):
        self._mapping, self._kind = mapping, kind

    def __iter__(self):
        data = self._mapping
        for key in data:
            yield key if self._kind == "Keys" else (key, data[key]) if self._kind == "Items" else data[key]

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, item):
        return item in list(self)

    def __repr__(self):
        return "%sView(%r)" % (self._kind, self._mapping)


class UserDict:
    # A mapping kept in `self.data`; every other method goes through __getitem__, __setitem__
    # and __delitem__, so a subclass that changes those changes update(), setdefault() and pop().
    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        self.update(() if dict is None else dict, **kwargs)

    def __getitem__(self, key):
        data = self.data
        if key not in data:
            missing = getattr(type(self), "__missing__", None)
            if missing is None:
                raise KeyError(key)
            return missing(self, key)
        return data[key]

    def __setitem__(self, key, value):
        self.data[key] = value

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        yield from self.data

    def __repr__(self):
        return repr(self.data)

    def __eq__(self, other):
        theirs = other.data if isinstance(other, UserDict) else other
        return isinstance(theirs, dict) and theirs == self.data

    def get(self, key, default=None):
        try:
            found = self[key]
        except KeyError:
            found = default
        return found

    def update(self, other=(), /, **kwargs):
        pairs = other.items() if hasattr(other, "items") else other
        for key, value in [*pairs, *kwargs.items()]:
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            found = self[key]
        except KeyError:
            self[key] = found = default
        return found

    _absent = object()

    def pop(self, key, default=_absent):
        try:
            value = self[key]
        except KeyError:
            if default is UserDict._absent:
                raise
            value = default
        else:
            del self[key]
        return value

    def popitem(self):
        for key in self.data:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError("popitem(): dictionary is empty")

    def clear(self):
        while self.data:
            del self[next(iter(self.data))]

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        # A subclass's copy has its attributes, and its items put back through __setitem__.
        made = type(self).__new__(type(self))
        made.__dict__.update(self.__dict__)
        made.data = {}
        made.update(self)
        return made

    def keys(self):
        return _MappingView(self, "Keys")

    def items(self):
        return _MappingView(self, "Items")

    def values(self):
        return _MappingView(self, "Values")
