# typing, written for the playground from what the module offers: the names annotations use,
# subscriptable and printing as CPython 3.11's do. Nothing checks types at run time (CPython
# does not either). A NewType prints with the module `typing` where CPython names the module
# that made it; a NamedTuple's instances are collections.namedtuple's (not tuples here).
from types import UnionType, GenericAlias

TYPE_CHECKING = False


def _shown(arg):
    # An argument as typing prints it: builtins bare (NoneType too), lists of arguments in
    # brackets (Callable's parameters), everything else by its repr.
    if arg is Ellipsis:
        return '...'
    if isinstance(arg, list):
        return '[' + ', '.join(_shown(each) for each in arg) + ']'
    if isinstance(arg, type):
        if arg.__module__ == 'builtins':
            return arg.__qualname__
        return arg.__module__ + '.' + arg.__qualname__
    if isinstance(arg, type(_shown)):
        return arg.__name__
    return repr(arg)


def _nonetype(arg):
    # None in a form's arguments stands for its type; so in Callable's parameter list.
    if isinstance(arg, list):
        return [_nonetype(each) for each in arg]
    return type(None) if arg is None else arg


def _params(params):
    return tuple(_nonetype(param) for param in (params if isinstance(params, tuple) else (params,)))


class _Joins:
    # `a | b` between typing's objects (or with a class) is their Union.
    def __or__(self, other):
        return Union.__getitem__((self, other))

    def __ror__(self, other):
        return Union.__getitem__((other, self))


class _Alias(_Joins):
    # A subscripted form: `typing.List[int]`, `typing.Optional[str]`.
    def __init__(self, form, args):
        self._form = form
        self.__origin__ = form._origin if form._origin is not None else form
        self.__args__ = args

    def __repr__(self):
        args = self.__args__
        if self._form is Union and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f'typing.Optional[{_shown(other)}]'
        return f'{self._form._qualified}[{", ".join(_shown(arg) for arg in args)}]'

    def __call__(self, *args, **kwargs):
        return self._form(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        if self._form is Union and other._form is Union:
            return set(self.__args__) == set(other.__args__)
        return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        return hash((self._form._name, self.__args__))


class _Form(_Joins):
    # A bare form: `typing.Any`, `typing.List`; `_origin` is the class a generic one stands for.
    def __init__(self, name, origin=None, subscriptable=True, qualified=None):
        self._name = name
        self._origin = origin
        self._subscriptable = subscriptable
        self._qualified = qualified or 'typing.' + name

    def __repr__(self):
        return self._qualified

    def __getitem__(self, params):
        if not self._subscriptable:
            raise TypeError(f'typing.{self._name} is not subscriptable')
        return _Alias(self, _params(params))

    def __call__(self, *args, **kwargs):
        if self._origin is None:
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        raise TypeError(
            f'Type {self._name} cannot be instantiated; use {self._origin.__name__}() instead'
        )

    def __mro_entries__(self, bases):
        return (self._origin if self._origin is not None else object,)


class _UnionForm(_Form):
    def __getitem__(self, params):
        members = []
        for param in params if isinstance(params, tuple) else (params,):
            nested = param.__args__ if isinstance(param, (UnionType,)) or (
                isinstance(param, _Alias) and param._form is Union
            ) else (param,)
            for member in nested:
                member = _nonetype(member)
                if member not in members:
                    members.append(member)
        if len(members) == 1:
            return members[0]
        return _Alias(self, tuple(members))


class _OptionalForm(_Form):
    def __getitem__(self, param):
        return Union[param, None]


Any = _Form('Any', subscriptable=False)
NoReturn = _Form('NoReturn', subscriptable=False)
Never = _Form('Never', subscriptable=False)
Self = _Form('Self', subscriptable=False)
LiteralString = _Form('LiteralString', subscriptable=False)
Union = _UnionForm('Union')
Optional = _OptionalForm('Optional')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
Literal = _Form('Literal')
Annotated = _Form('Annotated')
List = _Form('List', list)
Dict = _Form('Dict', dict)
Set = _Form('Set', set)
FrozenSet = _Form('FrozenSet', frozenset)
Tuple = _Form('Tuple', tuple)
Type = _Form('Type', type)
Callable = _Form('Callable', type(_shown))
Iterable = _Form('Iterable')
Iterator = _Form('Iterator')
Generator = _Form('Generator')
Sequence = _Form('Sequence')
MutableSequence = _Form('MutableSequence')
Mapping = _Form('Mapping')
MutableMapping = _Form('MutableMapping')
Collection = _Form('Collection')
Container = _Form('Container')
Hashable = _Form('Hashable', subscriptable=False)
Sized = _Form('Sized', subscriptable=False)
Awaitable = _Form('Awaitable')
DefaultDict = _Form('DefaultDict')
OrderedDict = _Form('OrderedDict')
Counter = _Form('Counter')
Deque = _Form('Deque')
Text = str


class TypeVar(_Joins):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        mark = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return mark + self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class _GenericMeta(type):
    def __getitem__(cls, params):
        qualified = cls.__module__ + '.' + cls.__qualname__
        return _Alias(_Form(cls.__name__, cls, qualified=qualified), _params(params))


class Generic(metaclass=_GenericMeta):
    pass


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    if isinstance(tp, (_Alias, GenericAlias)):
        return tp.__origin__
    if isinstance(tp, UnionType):
        return UnionType
    return None


def get_args(tp):
    if isinstance(tp, (_Alias, GenericAlias, UnionType)):
        return tp.__args__
    return ()


class NewType:
    def __init__(self, name, tp):
        self.__name__ = self.__qualname__ = name
        self.__supertype__ = tp

    def __repr__(self):
        return f'{self.__module__}.{self.__name__}'

    def __call__(self, value):
        return value


class _NamedTupleMeta(type):
    # `class Point(NamedTuple)`: the annotated names become a namedtuple's fields (their values
    # its defaults); the body's other names are set on it.
    def __new__(mcs, name, bases, ns):
        if ns.get('_is_the_base'):
            return super().__new__(mcs, name, bases, ns)
        from collections import namedtuple
        annotations = ns.get('__annotations__', {})
        defaults = []
        for field in annotations:
            if field in ns:
                defaults.append(ns[field])
            elif defaults:
                earlier = [each for each in annotations if each in ns][0]
                raise TypeError(
                    f'Non-default namedtuple field {field} cannot follow default field {earlier}'
                )
        made = namedtuple(name, list(annotations), defaults=defaults)
        for key, value in ns.items():
            if key not in annotations and key not in ('__module__', '__qualname__'):
                setattr(made, key, value)
        made.__module__ = ns.get('__module__', made.__module__)
        return made


class NamedTuple(metaclass=_NamedTupleMeta):
    _is_the_base = True


class _TypedDictMeta(type):
    # `class Movie(TypedDict)`: calling it makes a plain dict; the annotations (its bases'
    # first) say which keys it has.
    def __new__(mcs, name, bases, ns, total=True):
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, '__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        cls = super().__new__(mcs, name, bases, ns)
        cls.__annotations__ = annotations
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    pass

