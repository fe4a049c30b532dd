# Paginating results with islice.
from itertools import islice, count

items = [f"post-{n}" for n in range(1, 12)]
def page(seq, number, size=4):
    start = (number - 1) * size
    return list(islice(seq, start, start + size))
for n in range(1, 5):
    print(n, page(items, n))
print(list(islice(count(100, 5), 3)), list(islice("abcdefg", 1, None, 2)))
for bad in [(-1,), (0, -2), (0, 5, 0)]:
    try:
        islice(items, *bad)
    except ValueError as e:
        print("ValueError:", e)
