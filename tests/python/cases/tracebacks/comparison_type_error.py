ages = [30, "25", 41]
print(sorted(ages))
