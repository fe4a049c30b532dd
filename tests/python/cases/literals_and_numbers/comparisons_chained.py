x = 5
print(1 < x < 10)
print(1 < x > 10)
print(x == 5 == 5.0)
print(3 < 4 <= 4 != 5)
print(1 < 2 < 3 < 2)
