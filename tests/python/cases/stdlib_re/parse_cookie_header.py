import re

header = 'session=eyJ1c2VyIjoiYWRhIn0.Zx.abc; theme=dark; lang="en-GB"'
COOKIE = re.compile(r'\s*([^=;\s]+)=("[^"]*"|[^;]*)\s*(?:;|$)')
for m in COOKIE.finditer(header):
    name, value = m.groups()
    print(name, value.strip('"'))
