import re

m = re.match(r"(?:https?://)?(?:www\.)?([\w.-]+)(/.*)?", "https://www.example.com/a/b")
print(m.groups(), m.lastindex)
print(re.findall(r"(?:ab)+", "ababxab"))
print(re.match(r"(?:a|b)*c", "abbac").group())
