# The playground's `copy`, written for the playground: shallow and deep copies of the built-in
# containers and of class instances (their `__dict__`, or their own `__copy__`/`__deepcopy__`).
# A deep copy remembers what it copied by id(), so shared and cyclic references are kept.


class Error(Exception):
    pass


error = Error

# Values that are never copied: they cannot change, so the object itself is the copy.
_ATOMIC = (type(None), int, float, bool, str, bytes, range, type, frozenset, type(len),
           type(lambda: 0))


def _new_like(x):
    cls = type(x)
    new = cls.__new__(cls)
    return new


def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) and cls in _ATOMIC:
        return x
    if cls is tuple:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is bytearray:
        return bytearray(x)
    method = getattr(cls, "__copy__", None)
    if method is not None:
        return method(x)
    if hasattr(x, "__dict__"):
        new = _new_like(x)
        for key, value in x.__dict__.items():
            setattr(new, key, value)
        return new
    if hasattr(x, "copy"):
        return x.copy()
    raise Error("un(shallow)copyable object of type %s" % cls)


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        result = []
        memo[key] = result
        for item in x:
            result.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple copied while copying its own items is already in the memo.
        if key in memo:
            return memo[key]
        if all(a is b for a, b in zip(items, x)):
            result = x
        else:
            result = tuple(items)
    elif cls is dict:
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        result = {deepcopy(item, memo) for item in x}
    elif cls is bytearray:
        result = bytearray(x)
    else:
        method = getattr(x, "__deepcopy__", None)
        if method is not None:
            result = method(memo)
        elif hasattr(x, "__dict__"):
            result = _new_like(x)
            memo[key] = result
            for k, v in x.__dict__.items():
                setattr(result, k, deepcopy(v, memo))
        elif hasattr(x, "copy"):
            result = x.copy()
        else:
            raise Error("un(deep)copyable object of type %s" % cls)
    memo[key] = result
    return result
