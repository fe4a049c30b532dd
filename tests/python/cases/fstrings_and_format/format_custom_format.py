class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        return f"${self.cents / 100:{spec or '.2f'}}"
    def __str__(self):
        return f"{self}"
m = Money(12345)
print(f"{m}")
print(f"{m:,.1f}")
print(str(m))
