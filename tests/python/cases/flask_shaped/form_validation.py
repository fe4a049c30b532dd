def validate_signup(form):
    errors = {}
    username = form.get("username", "").strip()
    if not username:
        errors["username"] = "Username is required."
    elif len(username) < 3:
        errors["username"] = "Username must be at least 3 characters."
    if "@" not in form.get("email", ""):
        errors["email"] = "Invalid email address."
    return errors
print(validate_signup({}))
print(validate_signup({"username": "al", "email": "al@x.io"}))
print(validate_signup({"username": " alice ", "email": "a@b.c"}))
