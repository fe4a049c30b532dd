import re

TEMPLATE = "Hello {{ name }}, you have {{count}} new {{ thing }}s"
values = {"name": "Ada", "count": 3}

def fill(m):
    key = m.group(1)
    return str(values.get(key, m.group(0)))

print(re.sub(r"\{\{\s*(\w+)\s*\}\}", fill, TEMPLATE))
print(re.findall(r"\{\{\s*(\w+)\s*\}\}", TEMPLATE))
