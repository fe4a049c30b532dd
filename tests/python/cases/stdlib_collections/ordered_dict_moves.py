# OrderedDict: moving keys to either end and popping from either end.
from collections import OrderedDict
d = OrderedDict(a=1, b=2, c=3)
d.move_to_end("a")
print(d, list(d))
d.move_to_end("c", last=False)
print(list(d.items()))
print(d.popitem(), d.popitem(last=False), d)
try:
    d.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
e = OrderedDict()
try:
    e.popitem()
except KeyError as err:
    print("KeyError", err)
print(OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]), repr(OrderedDict()))
