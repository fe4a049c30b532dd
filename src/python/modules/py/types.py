# types, written for the playground from what the module holds: the union `int | None` makes
# (the interpreter calls `_union` for `|` between classes and None), SimpleNamespace, and the
# types of a few built-in objects.


def _type_name(t):
    # How a union or an alias prints a member: builtins bare, others with their module.
    if t is None or t is NoneType:
        return 'None'
    if t is Ellipsis:
        return '...'
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return t.__module__ + '.' + t.__qualname__
    return repr(t)


class _Unites:
    # `a | b` with a union or an alias on either side: one union of both.
    def __or__(self, other):
        return _union(*(self, other))

    def __ror__(self, other):
        return _union(*(other, self))


class UnionType(_Unites):
    def __init__(self, members):
        self.__args__ = members

    def __repr__(self):
        return ' | '.join(_type_name(member) for member in self.__args__)

    # Equal whatever the order of the members.
    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __eq__(self, other):
        same_kind = isinstance(other, UnionType)
        return set(self.__args__) == set(other.__args__) if same_kind else NotImplemented


def _union(left, right):
    # `left | right`: the members in order, each once, None as NoneType; one member is itself.
    members = []
    for side in (left, right):
        for member in side.__args__ if isinstance(side, UnionType) else (side,):
            member = NoneType if member is None else member
            if member not in members:
                members.append(member)
    if len(members) == 1:
        return members[0]
    return UnionType(tuple(members))


class GenericAlias(_Unites):
    # `list[int]`: prints as written, calls its origin, joins unions.
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        inside = ', '.join(_type_name(arg) for arg in self.__args__) or '()'
        return f'{_type_name(self.__origin__)}[{inside}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable), **kwargs)

    def __repr__(self):
        fields = ', '.join(f'{name}={value!r}' for name, value in self.__dict__.items())
        return f'namespace({fields})'

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__


def _function():
    pass


NoneType = type(None)
FunctionType = LambdaType = type(_function)
BuiltinFunctionType = BuiltinMethodType = type(len)
