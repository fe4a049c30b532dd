import re

html = "<b>bold</b> and <i>italic</i>"
print(re.findall(r"<.+>", html))
print(re.findall(r"<.+?>", html))
print(re.match(r"a{2,4}?", "aaaa").group(), re.match(r"a{2,4}", "aaaa").group())
print(re.match(r"(a+?)(a*)", "aaa").groups())
print(re.search(r"\d??x", "1x").group())
