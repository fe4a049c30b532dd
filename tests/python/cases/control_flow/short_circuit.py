def check(name, result):
    print("checking", name)
    return result
print(check("a", False) and check("b", True))
print(check("c", True) or check("d", True))
print(0 or "" or "default")
print(1 and "last")
print(None or [])
print(not 0, not "x")
