def f():
    try:
        return "from try"
    finally:
        print("cleanup")
def g():
    try:
        return "from try"
    finally:
        return "from finally"
print(f())
print(g())
