price = "19.99"
print(float(price))
print(int(price))
