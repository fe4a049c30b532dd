pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
print((1, 2) < (1, 2, 0))
print((1, "a") == (1, "a"))
print(max(pairs))
