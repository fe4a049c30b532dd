import re

m = re.match(r"(?P<user>\w+)@(?P<host>[\w.]+)", "ada@example.org")
print(m.expand(r"User \1 on \2"))
print(m.expand(r"\g<host>/~\g<user>"))
print(m.expand("no refs"))
try:
    m.expand(r"\3")
except re.error as e:
    print("re.error:", e)
