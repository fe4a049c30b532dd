def min_max(values):
    return min(values), max(values)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi)
result = min_max([3])
print(result)
print(type(result).__name__)
