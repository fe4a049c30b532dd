n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print("multiple of 3:", n)
else:
    print("loop ended normally, n =", n)
