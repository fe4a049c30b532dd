# The playground's `dataclasses`: classes whose __init__, __repr__, __eq__, ordering, hashing
# and freezing follow from their annotated fields, as Python 3.11 documents them.
#
# Written for the playground in our own words. The playground has no `exec`, so the generated
# methods are ordinary closures over the list of fields; the generated __init__ binds its
# arguments itself and words its TypeErrors the way Python's argument binding does
# ("Point.__init__() missing 1 required positional argument: 'y'").


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


class Field:
    # What a field says about itself, in the order its repr lists them.
    _SHOWN = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare",
              "kw_only")

    def __init__(self, default, default_factory, init, repr, hash, compare, kw_only):
        settings = (None, None, default, default_factory, init, repr, hash, compare, kw_only)
        for attribute, setting in zip(Field._SHOWN, settings):
            setattr(self, attribute, setting)

    def __repr__(self):
        shown = ",".join("%s=%r" % (a, getattr(self, a)) for a in Field._SHOWN)
        return "Field(%s)" % shown


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, kw_only)


def _is_mutable_default(value):
    return type(value) in (list, dict, set)


def _collect_fields(cls, kw_only_default):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        inherited = base.__dict__.get("__dataclass_fields__")
        if inherited is not None:
            for f in inherited.values():
                fields[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    kw_only = kw_only_default
    for name, kind in annotations.items():
        if kind is KW_ONLY:
            kw_only = True
            continue
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            f = value
        else:
            f = Field(value, MISSING, True, True, None, True, MISSING)
        f.name = name
        f.type = kind
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and _is_mutable_default(f.default):
            raise ValueError("mutable default %r for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    return fields


def _plural(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return "%s and %s" % (quoted[0], quoted[1])
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _make_init(cls, fields, frozen, has_post_init):
    qualname = cls.__qualname__ + ".__init__"
    positional = [f for f in fields if f.init and not f.kw_only]
    keyword_only = [f for f in fields if f.init and f.kw_only]
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % f.name)
    names = [f.name for f in positional] + [f.name for f in keyword_only]

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            most = len(positional) + 1
            least = most - len([f for f in positional if f.default is not MISSING
                                or f.default_factory is not MISSING])
            if least == most:
                takes = "%d positional argument%s" % (most, "" if most == 1 else "s")
            else:
                takes = "from %d to %d positional arguments" % (least, most)
            given = len(args) + 1
            raise TypeError("%s() takes %s but %d %s given" % (
                qualname, takes, given, "was" if given == 1 else "were"))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
            if key in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
            values[key] = value
        missing = [f.name for f in positional if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError("%s() missing %d required positional argument%s: %s" % (
                qualname, len(missing), "" if len(missing) == 1 else "s", _plural(missing)))
        missing = [f.name for f in keyword_only if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError("%s() missing %d required keyword-only argument%s: %s" % (
                qualname, len(missing), "" if len(missing) == 1 else "s", _plural(missing)))
        for f in fields:
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__()

    return __init__


def _make_repr(fields):
    shown = [f.name for f in fields if f.repr]

    def __repr__(self):
        inner = ", ".join("%s=%r" % (name, getattr(self, name)) for name in shown)
        return "%s(%s)" % (type(self).__qualname__, inner)

    return __repr__


def _compared(fields):
    return [f.name for f in fields if f.compare]


def _make_eq(fields):
    names = _compared(fields)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
        return NotImplemented

    return __eq__


def _make_order(fields, op):
    names = _compared(fields)

    def compare(self, other):
        if other.__class__ is self.__class__:
            mine = tuple(getattr(self, n) for n in names)
            theirs = tuple(getattr(other, n) for n in names)
            if op == "<":
                return mine < theirs
            if op == "<=":
                return mine <= theirs
            if op == ">":
                return mine > theirs
            return mine >= theirs
        return NotImplemented

    return compare


def _make_hash(fields):
    names = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))

    return __hash__


def _frozen_setattr(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot assign to field '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        object.__delattr__(self, name)

    return __setattr__, __delattr__


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    table = _collect_fields(cls, kw_only)
    fields = list(table.values())
    own = cls.__dict__
    for base in cls.__mro__[1:]:
        params = base.__dict__.get("__dataclass_params__")
        if params is not None:
            if params["frozen"] and not frozen:
                raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
            if not params["frozen"] and frozen:
                raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, "__dataclass_fields__", table)
    setattr(cls, "__dataclass_params__", {"frozen": frozen, "eq": eq, "order": order})
    if init:
        setattr(cls, "__init__", _make_init(cls, fields, frozen, hasattr(cls, "__post_init__")))
    if repr and "__repr__" not in own:
        setattr(cls, "__repr__", _make_repr(fields))
    if eq and "__eq__" not in own:
        setattr(cls, "__eq__", _make_eq(fields))
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in own:
                raise TypeError("Cannot overwrite attribute %s in class %s. "
                                "Consider using functools.total_ordering" % (name, cls.__name__))
            setattr(cls, name, _make_order(fields, op))
    if frozen:
        for name in ("__setattr__", "__delattr__"):
            if name in own:
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))
        setter, deleter = _frozen_setattr(cls, [f.name for f in fields])
        setattr(cls, "__setattr__", setter)
        setattr(cls, "__delattr__", deleter)
    explicit_hash = "__hash__" in own and own["__hash__"] is not None
    if unsafe_hash:
        if explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        setattr(cls, "__hash__", _make_hash(fields))
    elif eq and frozen:
        if not explicit_hash:
            setattr(cls, "__hash__", _make_hash(fields))
    elif eq and not explicit_hash:
        setattr(cls, "__hash__", None)
    if match_args and "__match_args__" not in own:
        setattr(cls, "__match_args__", tuple(f.name for f in fields if f.init and not f.kw_only))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _instance_check(obj, what):
    if isinstance(obj, type) or not hasattr(type(obj), "__dataclass_fields__"):
        raise TypeError("%s() should be called on dataclass instances" % what)


def fields(class_or_instance):
    table = getattr(class_or_instance, "__dataclass_fields__", None)
    if table is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(table.values())


def _convert(obj, factory, as_tuple):
    if hasattr(type(obj), "__dataclass_fields__"):
        values = [(f.name, _convert(getattr(obj, f.name), factory, as_tuple))
                  for f in fields(obj)]
        if as_tuple:
            return factory([v for _, v in values])
        return factory(values)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_convert(v, factory, as_tuple) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, factory, as_tuple) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, factory, as_tuple), _convert(v, factory, as_tuple))
                         for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    _instance_check(obj, "asdict")
    return _convert(obj, dict_factory, False)


def astuple(obj, *, tuple_factory=tuple):
    _instance_check(obj, "astuple")
    return _convert(obj, tuple_factory, True)


def replace(obj, /, **changes):
    _instance_check(obj, "replace")
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified "
                                 "with replace()" % f.name)
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)
