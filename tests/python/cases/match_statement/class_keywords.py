class User:
    def __init__(self, name, role, active=True):
        self.name = name
        self.role = role
        self.active = active

def can_edit(user):
    match user:
        case User(role="admin"):
            return True
        case User(role="editor", active=True):
            return True
        case User(nickname=n):
            return f"never: {n}"
        case _:
            return False

print(can_edit(User("ann", "admin")))
print(can_edit(User("bob", "editor")))
print(can_edit(User("cy", "editor", active=False)))
print(can_edit(User("di", "viewer")))
print(can_edit("root"))
