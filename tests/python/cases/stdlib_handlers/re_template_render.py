import html
import re

def render(template, context):
    def lookup(m):
        key, _, flt = m.group(1).partition("|")
        value = context.get(key.strip(), "")
        if flt.strip() == "upper":
            value = str(value).upper()
        return html.escape(str(value))
    return re.sub(r"\{\{\s*([^}]+?)\s*\}\}", lookup, template)

print(render("Hi {{ name }}! You have {{count}} new {{ kind | upper }}.", {"name": "<Ada>", "count": 3, "kind": "messages"}))
print(render("{{ missing }}|{{name}}", {"name": "x & y"}))
