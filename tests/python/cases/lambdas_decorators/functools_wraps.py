from functools import wraps
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__} with {args} {kwargs}")
        return func(*args, **kwargs)
    return wrapper
@logged
def add(a, b=0):
    """Add two numbers."""
    return a + b
print(add(1, b=2))
print(add.__name__, add.__doc__)
