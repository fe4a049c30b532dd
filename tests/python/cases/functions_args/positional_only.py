def power(base, exp=2, /):
    return base ** exp
print(power(3))
print(power(2, 5))
try:
    power(base=2)
except TypeError as e:
    print("TypeError:", e)
