import re

md = "See [the docs](https://flask.palletsprojects.com) and [home](/)."
LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
print(LINK.findall(md))
print(LINK.sub(r'<a href="\2">\1</a>', md))
print(re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", "**bold** and **more**"))
