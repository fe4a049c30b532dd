routes = {}
def route(rule):
    def deco(f):
        routes[rule] = f
        return f
    return deco
@route("/")
def home():
    return "home"
@route("/hello/<name>")
def hello(name):
    return f"Hello, {name}!"
def dispatch(path):
    if path in routes:
        return routes[path](), 200
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "hello":
        return routes["/hello/<name>"](parts[1]), 200
    return "Not Found", 404
for p in ["/", "/hello/ann", "/nope"]:
    print(p, dispatch(p))
