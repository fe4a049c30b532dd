import re

html = "<p>one\ntwo</p>"
print(re.search(r"<p>(.*)</p>", html))
print(re.search(r"<p>(.*)</p>", html, re.DOTALL).group(1))
print(re.search(r"(?s)<p>(.*)</p>", html).group(1).split())
print(re.findall(r".", "a\nb"), re.findall(r"(?s).", "a\nb"))
