for i in range(3):
    print("line", i)
values = [1, 2]
values.remove(3)
