class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("Deposit must be positive")
        self.balance += amount
        return self.balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"Insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
        return self.balance
acct = BankAccount("Ann", 100)
print(acct.deposit(50))
print(acct.withdraw(30))
try:
    acct.withdraw(500)
except ValueError as e:
    print("Error:", e)
