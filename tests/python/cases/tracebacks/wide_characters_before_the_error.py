def f(s):
    return s["用户"] + 1
print(f({"用户": "x"}))
