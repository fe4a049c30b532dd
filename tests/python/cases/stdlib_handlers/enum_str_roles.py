import enum

class Role(str, enum.Enum):
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"

def can_edit(role):
    return role in (Role.ADMIN, Role.EDITOR)

for raw in ["admin", "viewer", "root"]:
    try:
        role = Role(raw)
        print(raw, role.name, can_edit(role), role == raw)
    except ValueError as e:
        print("ValueError:", e)
print(list(Role.__members__), Role.ADMIN.value.upper())
