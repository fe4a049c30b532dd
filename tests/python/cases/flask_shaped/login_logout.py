session = {}
USERS = {"ann": "pw1", "bob": "pw2"}
def login(form):
    username = form.get("username", "")
    if USERS.get(username) != form.get("password"):
        return "Invalid credentials", 401
    session["user"] = username
    return f"Logged in as {username}", 200
def logout():
    session.pop("user", None)
    return "Logged out", 200
print(login({"username": "ann", "password": "nope"}))
print(login({"username": "ann", "password": "pw1"}))
print(session)
print(logout(), session)
