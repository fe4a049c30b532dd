def point(x, y, z=0):
    return (x, y, z)
args = (1, 2)
kwargs = {"z": 3}
print(point(*args))
print(point(*args, **kwargs))
print(point(**{"x": 9, "y": 8}))
print(point(*"ab"))
