balance = 10
withdraw = 25
assert withdraw <= balance
