class PaymentError(Exception):
    pass
def charge(amount):
    if amount > 100:
        raise PaymentError(f"amount {amount} exceeds limit")
    return "charged"
print(charge(50))
charge(150)
