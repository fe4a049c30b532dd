prices = {"apple": 3}
total = (
    prices["apple"]
    + prices["pear"]
)
print(total)
