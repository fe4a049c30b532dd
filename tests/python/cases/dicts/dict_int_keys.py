squares = {}
for i in range(5):
    squares[i] = i * i
print(squares)
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
print(squares[3], squares.get(10))
