import re

pattern = "abc\n(def\nghi"
try:
    re.compile(pattern)
except re.error as e:
    print(e)
    print(e.msg, e.pos, e.lineno, e.colno)
    print(repr(e.pattern))
try:
    re.compile("(x")
except re.error as e:
    print(e.lineno, e.colno, type(e).__name__, isinstance(e, Exception))
