import re

tag = '<input type="text" name="user" value="ada" disabled>'
attrs = re.findall(r'(\w+)(?:="([^"]*)")?', tag[1:-1])
print(attrs)
print(dict(attrs))
print(re.search(r'name="(.*?)"', tag).group(1))
