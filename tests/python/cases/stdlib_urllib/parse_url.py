# Taking a URL apart with urlparse / urlsplit.
from urllib.parse import urlparse, urlsplit

u = urlparse("https://ada:secret@Shop.Example.com:8443/cart/items;v=2?sort=price&page=2#top")
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.hostname, u.port, u.username, u.password)
print(u.geturl())
s = urlsplit("/search?q=flask+session#results")
print(s, s.hostname, s.port)
print(urlparse("mailto:ada@example.com"), urlparse("//cdn.example.com/x.js").netloc)
print(urlparse("example.com/path"), urlsplit("HTTP://X.org").scheme)
try:
    urlparse("http://host:99999/").port
except ValueError as e:
    print("ValueError:", e)
try:
    urlsplit("http://[::1/")
except ValueError as e:
    print("ValueError:", e)
