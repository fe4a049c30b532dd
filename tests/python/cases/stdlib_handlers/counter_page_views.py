import collections
import re

log = """GET /home
GET /cart
POST /cart
GET /home
GET /about
GET /home"""
paths = collections.Counter(re.findall(r"^GET (\S+)", log, re.MULTILINE))
print(paths.most_common(2))
print(paths["/home"], paths["/missing"])
methods = collections.Counter(line.split()[0] for line in log.splitlines())
print(sorted(methods.items()))
print(paths + collections.Counter({"/home": 1}))
