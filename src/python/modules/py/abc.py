# abc: abstract base classes, written for the playground from what the module does: a class
# whose metaclass is ABCMeta collects the names still abstract along its MRO into
# `__abstractmethods__`, and calling it while any is left raises CPython's TypeError.
# (The collection happens in the metaclass's `__init__`, which sees the finished class.)


def abstractmethod(function):
    function.__isabstractmethod__ = True
    return function


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False) is True


class ABCMeta(type):
    def __init__(cls, name, bases, namespace, **options):
        cls.__abstractmethods__ = frozenset(
            attr for attr in dir(cls) if _is_abstract(getattr(cls, attr, None))
        )

    def __call__(cls, *args, **kwargs):
        left = sorted(cls.__abstractmethods__)
        if left:
            plural = "s" if len(left) > 1 else ""
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (cls.__name__, plural, ", ".join(left))
            )
        return super().__call__(*args, **kwargs)


class ABC(metaclass=ABCMeta):
    __slots__ = ()
