import html
import re

def strip_tags(text):
    return html.unescape(re.sub(r"<[^>]+>", "", text))

def excerpt(text, n=30):
    plain = " ".join(strip_tags(text).split())
    return plain if len(plain) <= n else plain[: n - 1].rstrip() + "…"

doc = "<p>Hello <b>world</b> &amp; friends!</p>\n<p>Second&nbsp;para with <a href='#'>a link</a>.</p>"
print(repr(strip_tags(doc)))
print(excerpt(doc))
print(excerpt("<i>short</i>"))
