# Running totals with accumulate.
from itertools import accumulate
import operator

sales = [120, 80, 200, 50]
print(list(accumulate(sales)))
print(list(accumulate(sales, max)), list(accumulate(sales, operator.mul)))
print(list(accumulate(sales, initial=1000)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])))
