import re

def route(path):
    if m := re.fullmatch(r"/post/(\d+)", path):
        return f"post {m.group(1)}"
    if m := re.fullmatch(r"/user/(\w+)", path):
        return f"user {m[1]}"
    return "not found"

for p in ["/post/12", "/user/ada", "/post/x", "/"]:
    print(p, route(p))
print(bool(re.match("a", "a")), bool(re.match("a", "b")))
