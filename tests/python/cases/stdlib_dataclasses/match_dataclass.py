from dataclasses import dataclass

@dataclass
class Login:
    user: str
    password: str

@dataclass
class Logout:
    user: str

def handle(event):
    match event:
        case Login(user, password) if len(password) < 4:
            return f"{user}: password too short"
        case Login(user=user):
            return f"{user} logged in"
        case Logout(user):
            return f"{user} logged out"

for e in [Login("ann", "pw"), Login("bob", "secret"), Logout("ann")]:
    print(handle(e))
