import re

html_doc = "<div>\n  <p>One</p>\n  <p>Two\nlines</p>\n</div>"
print(re.findall(r"<p>(.*?)</p>", html_doc))
print(re.findall(r"<p>(.*?)</p>", html_doc, re.S))
print(re.findall(r"<P>", html_doc, flags=re.IGNORECASE | re.MULTILINE))
pat = re.compile(r"\d+")
print(pat.match("ab12", 2), pat.search("ab12cd34", 5).group(), pat.fullmatch("123"))
