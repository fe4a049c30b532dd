# type() of objects the interpreter implements natively.
import functools
print(type(zip([1], [2])))
print(type(map(str, [1])).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__)
print(type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
print(type(x for x in []).__name__)
p = functools.partial(print, 1)
print(type(p))
print(isinstance(zip(), object), type(zip()) is type(zip([1])))
