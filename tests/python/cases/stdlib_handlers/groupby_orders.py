import itertools
import operator

orders = [
    {"user": "ada", "total": 30, "status": "paid"},
    {"user": "bob", "total": 12, "status": "open"},
    {"user": "ada", "total": 8, "status": "open"},
    {"user": "cy", "total": 50, "status": "paid"},
    {"user": "bob", "total": 5, "status": "paid"},
]
by_user = sorted(orders, key=operator.itemgetter("user"))
for user, group in itertools.groupby(by_user, key=operator.itemgetter("user")):
    group = list(group)
    print(user, len(group), sum(o["total"] for o in group))
by_status = itertools.groupby(sorted(orders, key=lambda o: o["status"]), key=lambda o: o["status"])
print({k: [o["user"] for o in g] for k, g in by_status})
