data = ["10", "x", "25", "", "7"]
print([n for s in data if s.isdigit() and (n := int(s)) > 8])
values = [y for x in range(5) if (y := x * x) % 2 == 0]
print(values)
