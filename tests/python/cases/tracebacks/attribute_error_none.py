def find_user(name):
    return None
user = find_user("bob")
print(user.name)
