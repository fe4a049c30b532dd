class Thing:
    pass
t = Thing()
print(type(t).__name__)
print(type(t))
print(Thing)
print(t.__class__ is Thing)
print(isinstance(t, Thing), isinstance(t, object))
