# pow() with too few or too many arguments is CPython's TypeError (an empty call once crashed
# the interpreter; found by the python_source fuzz target).
for args in [(), (2,), (2, 3), (2, 3, 5), (2, 3, 5, 7)]:
    try:
        print(pow(*args))
    except TypeError as error:
        print("TypeError:", error)
