for value in (True, 5, 2.5, None, ["a", 1], "abc", ("x", "y"), {"k": 1}):
    try:
        print(repr(", ".join(value)))
    except TypeError as e:
        print("TypeError:", e)

class NoIter:
    pass

try:
    "-".join(NoIter())
except TypeError as e:
    print("TypeError:", e)
print("-".join(x for x in "abc"))
