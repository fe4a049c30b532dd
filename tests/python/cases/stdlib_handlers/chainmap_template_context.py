import collections
import json

globals_ctx = {"site": "Playground", "user": "guest"}
request_ctx = {"user": "ada", "path": "/cart"}
ctx = collections.ChainMap(request_ctx, globals_ctx)
tmpl = "{site}: {user} at {path}"
print(tmpl.format_map(ctx), json.dumps(dict(ctx), sort_keys=True))
print(ctx.maps[1]["user"], ctx.parents["user"], "path" in ctx.parents)
del ctx["user"]
print(ctx["user"], request_ctx)
print(repr(collections.ChainMap({"a": 1}, {"b": 2})))
