import re

# Deep but reasonable nesting compiles; absurd nesting is refused cleanly.
p = re.compile("(" * 50 + "a" + ")" * 50)
print(p.groups, p.match("a").span(50))
try:
    re.compile("(" * 1000 + ")" * 1000)
except RecursionError as e:
    print("RecursionError:", e)
print(re.match("(?:" * 40 + "b" + ")" * 40, "b"))
