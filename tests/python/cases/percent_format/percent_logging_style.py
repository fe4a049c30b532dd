template = "%-10s %6.2f"
rows = [("apples", 1.5), ("bananas", 0.25), ("cherries", 12.0)]
for row in rows:
    print(template % row)
print("%s" % "%d")
print("%.3s" % "abcdef")
print("%*d|" % (6, 42))
