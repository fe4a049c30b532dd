convert = lambda s: int(s) * 2
print(convert("4"))
print(convert("x"))
