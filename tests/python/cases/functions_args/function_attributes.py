def greet(name):
    """Return a greeting."""
    return "hi " + name
print(greet.__name__)
print(greet.__doc__)
f = greet
print(f("x"), f is greet)
print(callable(greet), callable(42))
