count = 0
count += 5
count -= 2
count *= 4
count //= 5
count **= 3
count %= 7
print(count)
total = 1.0
total /= 4
print(total)
