import re

for args in [("a", 5), (b"a", "abc"), ("a", b"abc"), ("a", None)]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    re.compile(42)
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError:", e)
