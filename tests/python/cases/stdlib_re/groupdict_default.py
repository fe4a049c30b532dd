import re

m = re.match(r"(?P<key>\w+)(?:=(?P<value>\w*))?", "debug")
print(m.groupdict(), m.groupdict(""))
print(m.groups(), m.groups(0))
m = re.match(r"(?P<key>\w+)(?:=(?P<value>\w*))?", "level=3")
print(m.groupdict())
