from functools import partial
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
print(square(5), cube(2))
int_from_binary = partial(int, base=2)
print(int_from_binary("1010"))
print(square.keywords)
