groups = {frozenset({1, 2}): "pair", frozenset({3}): "single"}
print(groups[frozenset({2, 1})])
print(frozenset({1, 2}) == {1, 2})
fs = frozenset([1, 2, 3])
print(sorted(fs | {4}))
print(type(fs | {4}).__name__)
