# Grouping sorted orders by customer with groupby.
from itertools import groupby
from operator import itemgetter

orders = [("ada", 12), ("bob", 5), ("ada", 3), ("cy", 9), ("bob", 1)]
orders.sort(key=itemgetter(0))
for name, rows in groupby(orders, key=itemgetter(0)):
    amounts = [amount for _, amount in rows]
    print(name, amounts, sum(amounts))
print([(k, len(list(g))) for k, g in groupby("aaabccdaa")])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
