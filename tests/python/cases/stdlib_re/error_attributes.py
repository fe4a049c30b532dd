import re

try:
    re.compile(r"(?P<x>a)(?P<x>b)")
except re.error as e:
    print(str(e))
    print(e.msg, "|", e.pattern, "|", e.pos, e.lineno, e.colno)
    print(e.args)
err = re.error("custom")
print(err, err.pos, err.pattern, err.lineno)
