def summarize(values):
    count = len(values)
    return sum(values) / cnt
print("start")
summarize([1, 2, 3])
