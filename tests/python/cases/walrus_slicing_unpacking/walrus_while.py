data = [3, 1, 4, 1, 5]
while (n := len(data)) > 2:
    print("length", n, "popping", data.pop())
print(data)
if (count := data.count(1)) > 0:
    print("ones:", count)
