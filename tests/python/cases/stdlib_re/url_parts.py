import re

URL = re.compile(r"^(?P<scheme>https?)://(?P<host>[^/:]+)(?::(?P<port>\d+))?(?P<path>/[^?#]*)?(?:\?(?P<query>[^#]*))?(?:#(?P<frag>.*))?$")
for u in ["http://localhost:5000/login?next=/home#top", "https://example.com", "ftp://nope"]:
    m = URL.match(u)
    print(u, m.groupdict() if m else None)
