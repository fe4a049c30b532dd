import re

ROUTE = re.compile(r"^/users/(?P<user_id>\d+)/posts/(?P<slug>[\w-]+)/?$")

for path in ["/users/42/posts/hello-world", "/users/7/posts/intro/", "/users/x/posts/a", "/users/1/posts/"]:
    m = ROUTE.match(path)
    if m:
        print(path, "->", m.groupdict(), m.group("user_id"), int(m["user_id"]) + 1)
    else:
        print(path, "-> 404")
