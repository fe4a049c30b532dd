import re

m = re.match(r"(?P<word>\w+)", "hello")
for g in [0, 1, 2, "word", "missing", -1]:
    try:
        print(g, m.group(g))
    except IndexError as e:
        print(g, "IndexError:", e)
try:
    m.start(5)
except IndexError as e:
    print("start:", e)
