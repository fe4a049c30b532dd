import hashlib
import hmac
def hash_password(password, salt):
    return hashlib.sha256((salt + password).encode()).hexdigest()
stored = hash_password("hunter2", "s4lt")
print(stored)
def check(password):
    return hmac.compare_digest(stored, hash_password(password, "s4lt"))
print(check("hunter2"), check("hunter3"))
