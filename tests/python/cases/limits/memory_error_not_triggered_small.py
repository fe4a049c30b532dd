s = "x" * 1000
print(len(s))
big = [0] * 100000
print(len(big), sum(big))
