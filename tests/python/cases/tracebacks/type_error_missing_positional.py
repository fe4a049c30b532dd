def make_user(name, email):
    return {"name": name, "email": email}
make_user("ann")
