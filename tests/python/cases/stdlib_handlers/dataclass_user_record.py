from dataclasses import dataclass, field, asdict, astuple

@dataclass
class User:
    name: str
    email: str
    roles: list = field(default_factory=list)
    active: bool = True

u = User("ada", "ada@example.com")
u.roles.append("admin")
print(u)
print(asdict(u))
print(astuple(u))
print(User("bob", "b@x.org", ["viewer"], False) == User("bob", "b@x.org", ["viewer"], False))
print(User("a", "b").roles is User("a", "b").roles)
