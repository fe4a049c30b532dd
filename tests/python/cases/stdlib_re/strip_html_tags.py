import re

TAG = re.compile(r"<[^>]+>")
html = '<p class="x">Hello <b>there</b>, <a href="/u">you</a>!</p>'
print(TAG.sub("", html))
print(TAG.findall(html))
print(re.sub(r"\s+", " ", "  lots   of\n\nspace ").strip())
