# Names bound in unusual places are still locals of the function.
def walrus_in_display(values):
    summary = {"first": (head := values[0]), "count": len(values)}
    assert (tail := values[-1]) is not None
    return summary, head, tail


def f_string_and_unpacking(pairs):
    [(a, b), *others] = pairs
    return f"{a}-{b} {(n := len(others))} {n * 2}"


def bad_augment():
    total = total + 1 if False else 0
    count += 1


print(walrus_in_display([3, 4, 5]))
print(f_string_and_unpacking([(1, 2), (3, 4), (5, 6)]))
bad_augment()
