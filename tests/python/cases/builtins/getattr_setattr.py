class Obj:
    pass
o = Obj()
for name, value in [("color", "red"), ("size", 3)]:
    setattr(o, name, value)
print(getattr(o, "color"), o.size)
print(getattr(o, "weight", None))
print(hasattr(o, "size"), hasattr(o, "weight"))
print(sorted(vars(o)))
