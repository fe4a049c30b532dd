d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"))
print(d.pop("zzz", "default"))
print(d.popitem())
print(d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
