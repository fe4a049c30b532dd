x = "outer"
result = [x for x in range(3)]
print(result)
print(x)
factor = 10
print([n * factor for n in range(3)])
