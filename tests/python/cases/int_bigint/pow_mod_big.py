print(pow(2, 200, 10 ** 9 + 7))
print(pow(7, 128))
print(sum(range(10 ** 6)))
print(sum(i * i for i in range(1, 1001)))
