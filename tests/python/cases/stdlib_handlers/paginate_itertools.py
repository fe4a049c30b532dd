import itertools

items = [f"post-{i}" for i in range(1, 12)]

def page(items, number, size=4):
    start = (number - 1) * size
    return list(itertools.islice(items, start, start + size))

for n in (1, 2, 3, 4):
    print(n, page(items, n))

def chunks(iterable, size):
    it = iter(iterable)
    while chunk := list(itertools.islice(it, size)):
        yield chunk

print(list(chunks(range(7), 3)))
