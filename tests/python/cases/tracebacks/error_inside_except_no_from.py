try:
    value = int("abc")
except ValueError:
    print("bad input, using default")
    value = undefined_default
