prices = [9.99, 19.5, 0.1 + 0.2]
print(prices)
print({"price": 2.50, "tax": 0.2})
print((1.0, -2.0))
print(sum(prices))
