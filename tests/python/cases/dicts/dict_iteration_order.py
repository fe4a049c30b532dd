d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(list(d))
print(list(d.keys()), list(d.values()))
print(list(d.items()))
d["zebra"] = 10
print(d)
del d["apple"]
d["apple"] = 4
print(d)
