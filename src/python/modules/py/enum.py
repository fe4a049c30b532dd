# The playground's `enum`: Enum, IntEnum, StrEnum, auto and unique, as Python 3.11 documents
# them (members, lookup by value and by name, iteration, aliases, reprs).
#
# Written for the playground in our own words. The class-level behaviour (`Color(1)`,
# `Color["RED"]`, `for c in Color`, `len(Color)`, `repr(Color)`) lives on the metaclass
# `EnumType`; the interpreter calls a metaclass's `__init__` once the class body has run, and
# that is where the class attributes become members.


class _AutoValue:
    def __repr__(self):
        return "_auto_null"


_AUTO = _AutoValue()


class auto:
    def __init__(self, value=_AUTO):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_"


def _not_a_member(name, value):
    if _is_dunder(name) or _is_sunder(name) or name.startswith("_"):
        return True
    if callable(value) and not isinstance(value, auto):
        return True
    return isinstance(value, (property, classmethod, staticmethod))


def _data_type(cls):
    for base in cls.__mro__:
        if base in (int, str, float):
            return base
    return None


def _custom_init(cls):
    for base in cls.__mro__:
        if base.__module__ in ("enum", "builtins"):
            return None
        if "__init__" in base.__dict__:
            return base.__dict__["__init__"]
    return None


class EnumType(type):
    def __init__(cls, name, bases, namespace):
        cls._member_map_ = {}
        cls._member_names_ = []
        cls._value2member_map_ = {}
        enum_bases = [b for b in bases if hasattr(b, "_member_map_")]
        if not enum_bases:
            return
        for base in enum_bases:
            if base._member_names_:
                raise TypeError("%s: cannot extend %r" % (name, base))
        data_type = _data_type(cls)
        init = _custom_init(cls)
        last_values = []
        for key in list(namespace):
            value = namespace[key]
            if _not_a_member(key, value):
                continue
            if isinstance(value, auto):
                if value.value is _AUTO:
                    value.value = cls._generate_next_value_(
                        key, 1, len(cls._member_names_), last_values[:])
                value = value.value
            args = value if isinstance(value, tuple) else (value,)
            if data_type is None:
                member = object.__new__(cls)
                member._value_ = value
            else:
                member = data_type.__new__(cls, *args)
                member._value_ = data_type(*args)
            member._name_ = key
            if init is not None:
                init(member, *args)
            last_values.append(value)
            alias = None
            for existing in cls._member_map_.values():
                if existing._value_ == member._value_:
                    alias = existing
                    break
            if alias is not None:
                cls._member_map_[key] = alias
                type.__setattr__(cls, key, alias)
                continue
            cls._member_map_[key] = member
            cls._member_names_.append(key)
            try:
                cls._value2member_map_[member._value_] = member
            except TypeError:
                pass
            type.__setattr__(cls, key, member)
        cls.__members__ = dict(cls._member_map_)

    def __call__(cls, value, *extra):
        if extra or not cls._member_names_:
            raise TypeError("%s() cannot create new members in the playground" % cls.__name__)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        hook = getattr(cls, "_missing_", None)
        if hook is not None and isinstance(hook(value), cls):
            return hook(value)
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, type(cls).__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __repr__(cls):
        return "<enum %r>" % (cls.__name__,)

    # Members are fixed once the class exists: `Color.RED = 3` and `del Color.RED` are refused
    # (other class attributes can still be set). The map is read from the class's own namespace
    # because `__init__` sets `_member_map_` itself through this method.
    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % (name,))
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        type.__delattr__(cls, name)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        # One more than the latest value that can count; `start` when none can.
        candidates = [v for v in last_values if isinstance(v, (int, float))]
        return candidates[-1] + 1 if candidates else start

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__qualname__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__qualname__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    @property
    def name(self):
        return self._name_

    @name.setter
    def name(self, value):
        raise AttributeError("%r cannot set attribute 'name'" % (Enum,))

    @property
    def value(self):
        return self._value_

    @value.setter
    def value(self, value):
        raise AttributeError("%r cannot set attribute 'value'" % (Enum,))


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__qualname__, self._name_, self._value_)

    def __str__(self):
        return repr(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__qualname__, self._name_, self._value_)

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)


def unique(enumeration):
    duplicates = ["%s -> %s" % (alias, member._name_)
                  for alias, member in enumeration.__members__.items() if alias != member._name_]
    if duplicates:
        raise ValueError("duplicate values found in %r: %s" % (enumeration, ", ".join(duplicates)))
    return enumeration
