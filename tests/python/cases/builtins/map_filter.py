nums = ["1", "2", "3"]
print(list(map(int, nums)))
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a", None])))
print(list(filter(str.isupper, "aBcD")))
