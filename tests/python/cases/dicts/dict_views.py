d = {"a": 1, "b": 2}
keys = d.keys()
print(keys)
d["c"] = 3
print(keys)
print(d.values())
print(d.items())
print(len(keys), "a" in keys)
print(sorted(d.items(), key=lambda kv: -kv[1]))
