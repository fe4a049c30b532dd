def area(width, height):
    return width * height
try:
    area(3)
except TypeError as e:
    print(e)
try:
    area(1, 2, 3)
except TypeError as e:
    print(e)
try:
    area(1, height=2, depth=3)
except TypeError as e:
    print(e)
try:
    area(1, 2, width=3)
except TypeError as e:
    print(e)
