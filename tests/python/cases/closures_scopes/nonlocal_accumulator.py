def make_averager():
    total = 0
    count = 0
    def add(value):
        nonlocal total, count
        total += value
        count += 1
        return total / count
    return add
avg = make_averager()
print(avg(10))
print(avg(20))
print(avg(60))
