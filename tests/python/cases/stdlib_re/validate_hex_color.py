import re

COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
for c in ["#fff", "#FFAA00", "#abcd", "fff", "#12345g", "#123456"]:
    print(c, bool(COLOR.fullmatch(c)))
m = re.match(r"#(..)(..)(..)", "#ff8000")
print([int(x, 16) for x in m.groups()])
