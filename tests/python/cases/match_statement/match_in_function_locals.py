def route(path):
    match path.strip("/").split("/"):
        case [""]:
            page = "home"
        case ["users"]:
            page = "user list"
        case ["users", user_id] if user_id.isdigit():
            page = f"user #{int(user_id)}"
        case ["users", *rest]:
            page = f"bad user path {rest}"
        case _:
            page = "404"
    return page

for p in ["/", "/users", "/users/12", "/users/x/y", "/about"]:
    print(p, "->", route(p))

def unbound(v):
    match v:
        case [x]:
            pass
    return x

print(unbound([5]))
try:
    unbound(5)
except UnboundLocalError as e:
    print(type(e).__name__, e)
