routes = {}
def route(path):
    def register(func):
        routes[path] = func
        return func
    return register
@route("/")
def index():
    return "Home"
@route("/about")
def about():
    return "About us"
print(list(routes))
for path, view in routes.items():
    print(path, "->", view())
