print(sum([1, 2, 3]), sum([], 10), sum([0.1, 0.2]))
print(any([]), all([]))
print(any([0, "", None]), all([1, "a", [0]]))
print(sum([[1], [2]], []))
