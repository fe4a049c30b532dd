# The iterator reversed() returns is named after what it reverses.
for seq in ([1, 2], (1, 2), "ab", range(3), {"a": 1}):
    r = reversed(seq)
    print(type(r).__name__, list(r))
