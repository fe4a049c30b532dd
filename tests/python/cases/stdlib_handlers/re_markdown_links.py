import html
import re

LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")

def to_html(text):
    text = html.escape(text, quote=False)
    text = LINK.sub(r'<a href="\2">\1</a>', text)
    return BOLD.sub(r"<b>\1</b>", text)

print(to_html("See **the docs** at [Flask](https://flask.palletsprojects.com) & more."))
print(to_html("[bad](javascript:alert) **a** and **b**"))
print(LINK.findall("[a](http://x.y) [b](https://z.w/q?x=1)"))
