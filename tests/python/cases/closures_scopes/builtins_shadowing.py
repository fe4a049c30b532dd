def count_items(list):
    return len(list)
print(count_items([1, 2, 3]))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
