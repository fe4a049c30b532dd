cache = {"a": 1, "b": 2}
print(len(cache), bool(cache))
cache.clear()
print(len(cache), bool(cache), cache)
