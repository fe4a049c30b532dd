# The operator functions with reduce and map.
import operator
from functools import reduce

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6)))
print(list(map(operator.sub, [10, 20], [1, 2])), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.not_(0), operator.truth([]))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.contains([1, 2], 2), operator.getitem({"k": 1}, "k"))
print(operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
d = {}
operator.setitem(d, "a", 1); print(d); operator.delitem(d, "a"); print(d)
print(operator.is_(None, None), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(0))
acc = [1]
print(operator.iadd(acc, [2]), acc, operator.iadd(1, 2))
try:
    operator.indexOf([1], 5)
except ValueError as e:
    print("ValueError:", e)
