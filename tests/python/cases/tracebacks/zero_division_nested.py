def average(values):
    return sum(values) / len(values)
def report(data):
    return f"avg = {average(data)}"
print(report([1, 2, 3]))
print(report([]))
