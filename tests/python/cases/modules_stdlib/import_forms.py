import math as m
from json import dumps as to_json
from string import ascii_lowercase
import functools, hashlib
print(m.floor(3.7))
print(to_json([1]))
print(ascii_lowercase[:5])
print(type(functools).__name__, hashlib.__name__)
