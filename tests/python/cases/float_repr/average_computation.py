scores = [88, 92, 79, 93, 85]
avg = sum(scores) / len(scores)
print(avg)
print(round(avg, 1))
print(f"{avg:.2f}")
print(sum([0.1] * 10))
