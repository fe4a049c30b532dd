import json

def api(payload):
    match json.loads(payload):
        case {"action": "login", "user": str(user), "password": str()}:
            return f"login {user}"
        case {"action": "logout"}:
            return "logout"
        case {"action": str(other)}:
            return f"unknown action {other}"
        case [*items] if all(isinstance(i, int) for i in items):
            return f"sum {sum(items)}"
        case _:
            return "bad request"

print(api('{"action": "login", "user": "ann", "password": "pw"}'))
print(api('{"action": "login", "user": 1, "password": "pw"}'))
print(api('{"action": "logout", "extra": 1}'))
print(api('[1, 2, 3]'))
print(api('[1, "2"]'))
print(api('"text"'))
