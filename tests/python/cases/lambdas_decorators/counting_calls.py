def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper
@count_calls
def square(x):
    return x * x
square(2)
square(3)
print(square(4), square.calls)
