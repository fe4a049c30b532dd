def total_price(items):
    subtotal = sum(items)
    return subtotl * 1.2
print(total_price([1, 2]))
