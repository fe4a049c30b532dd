from urllib.parse import urlsplit, urlunparse, urlparse

for url in ["http://localhost:5000/", "https://ada:pw@example.com/a?b#c", "/relative/path?x=1", "mailto:ada@example.com"]:
    p = urlsplit(url)
    print(p.scheme or "-", p.netloc or "-", p.path, p.query or "-", p.username, p.port)
print(urlunparse(("https", "example.com", "/p", "", "a=1", "f")))
print(urlparse("https://example.com/a;params?q").params)
