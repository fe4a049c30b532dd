it = iter([1, 2])
print(next(it), next(it))
print(next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
