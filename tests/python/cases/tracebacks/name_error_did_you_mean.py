total = 0
for price in [3, 4]:
    total += price
print(totl)
