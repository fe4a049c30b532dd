import re

EMAIL = re.compile(r"^[\w.+-]+@([\w-]+\.)+[a-z]{2,}$", re.IGNORECASE)

def validate(form):
    errors = {}
    if not EMAIL.match(form.get("email", "")):
        errors["email"] = "Enter a valid e-mail address."
    if not re.fullmatch(r"\d{5}", form.get("zip", "")):
        errors["zip"] = "A ZIP code is five digits."
    return errors

print(validate({"email": "ada@example.com", "zip": "12345"}))
print(validate({"email": "ada@", "zip": "1234"}))
print(validate({"email": "A.B+tag@Mail.Example.ORG", "zip": "98765"}))
print(validate({}))
