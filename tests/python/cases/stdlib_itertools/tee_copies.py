# tee splits one iterator into independent ones.
from itertools import tee

source = iter([3, 1, 4, 1, 5])
a, b = tee(source)
print(next(a), next(a), list(b), list(a))
x, y, z = tee("ab", 3)
print(list(x), list(y), list(z))
print(tee([1], 0))
try:
    tee([1], -1)
except ValueError as e:
    print("ValueError:", e)
