# Annotations as modern code writes them: `X | None`, `list[int]`, typing's forms, TypeVar and
# Generic; a dataclass whose fields use them; isinstance with a union; types.SimpleNamespace.
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Generic, List, Optional, Tuple, TypeVar, Union


@dataclass
class User:
    name: str
    email: str | None = None
    tags: list[str] = field(default_factory=list)
    scores: Dict[str, int] = field(default_factory=dict)
    manager: Optional['User'] = None


ann = User('ann', tags=['admin'])
print(ann, ann.email is None)
print(User.__annotations__['email'], User.__annotations__['tags'])

print(int | None, type(int | None).__name__, int | str | None, int | int)
print(list[int], dict[str, list[int]], tuple[int, ...], list[int] | None)
print(type(list[int]).__name__, list[int]('ab'), list[int] == list[int])
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str))
print(issubclass(bool, int | str), (int | str) == (str | int))

print(Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]])
print(List[int], Dict[str, Any], Tuple[int, ...], Callable[[int, str], bool], Callable[..., None])
print(Optional[List[int]], Any, typing.Union[int, str, None])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(int))
print(Optional[int] == Union[None, int])

T = TypeVar('T')
K = TypeVar('K', covariant=True)
print(T, K, T.__name__)


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


box = Box(5)
print(box.get(), Box.__mro__[1].__name__, Box[int])


def first(items: List[T]) -> T:
    return items[0]


print(first([7, 8]), typing.cast(int, '9'), typing.TYPE_CHECKING)
UserId = typing.NewType('UserId', int)
print(UserId(5), UserId.__name__, UserId.__supertype__)
try:
    List()
except TypeError as error:
    print('TypeError:', error)

ns = types.SimpleNamespace(a=1, b='x')
ns.c = [2]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[2]))
print(types.NoneType, types.FunctionType is type(first))
