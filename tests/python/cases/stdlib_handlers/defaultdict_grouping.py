import collections
import itertools

events = [("ada", "login"), ("bob", "login"), ("ada", "view"), ("ada", "logout"), ("bob", "view")]
by_user = collections.defaultdict(list)
for user, action in events:
    by_user[user].append(action)
print(dict(by_user))
counts = collections.defaultdict(int)
for _, action in events:
    counts[action] += 1
print(sorted(counts.items()))
firsts = {user: next(g)[1] for user, g in itertools.groupby(sorted(events), key=lambda e: e[0])}
print(firsts)
