values = [None, True, False, 0, "", [], {}]
for v in values:
    print(repr(v), bool(v))
print(None is None)
print(type(None).__name__)
