import collections
import itertools

recent = collections.deque(maxlen=3)
for page in ["/", "/cart", "/about", "/cart/1", "/checkout"]:
    recent.append(page)
    print(list(recent))
recent.appendleft("/start")
print(recent, recent.maxlen)
print(list(itertools.islice(reversed(recent), 2)))
