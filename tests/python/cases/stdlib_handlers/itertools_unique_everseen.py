import itertools

def unique(iterable, key=None):
    seen = []
    for item in iterable:
        k = item if key is None else key(item)
        if k not in seen:
            seen.append(k)
            yield item

emails = ["Ada@x.org", "bob@y.org", "ada@x.org", "BOB@y.org", "cy@z.org"]
print(list(unique(emails, key=str.lower)))
print([k for k, _ in itertools.groupby("AAABBCCCA")])
print(list(itertools.islice(itertools.count(1), 0, 10, 3)))
print(dict(itertools.zip_longest(["a", "b", "c"], [1, 2])))
