import functools
import operator

line_totals = [3, 4.5, 10]
print(functools.reduce(operator.add, line_totals), functools.reduce(operator.mul, [2, 3, 4], 1))
print(list(map(operator.neg, [1, -2])), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.contains([1, 2], 2), operator.not_(0), operator.eq("a", "a"), operator.lt(1, 2))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(d, operator.getitem(d, "b"), operator.index(5))
