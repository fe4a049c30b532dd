x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
items = [1, 2, 3]
del items[-1]
print(items)
