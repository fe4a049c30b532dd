# Resolving links with urljoin and rebuilding URLs.
from urllib.parse import urljoin, urlunparse, urlunsplit, urlparse, urldefrag

base = "https://example.com/docs/guide/index.html?x=1"
for link in ["intro.html", "../api/", "/login", "//cdn.example.com/a.js", "?page=2", "#top",
             "", "https://other.org/", "./a/./b/../c", "../../../../up"]:
    print(repr(link), "->", urljoin(base, link))
print(urljoin("http://a/b/c/d;p?q", "g;x"), urljoin("http://a/b/", "mailto:x@y"))
print(urlunparse(("https", "example.com", "/a b", "", "q=1", "frag")))
print(urlunsplit(("http", "", "/p", "", "")), urlunsplit(("", "", "rel", "a=1", "")))
parts = urlparse("http://example.com/path?old=1")._replace(query="new=2")
print(parts.geturl(), urldefrag("http://x.org/a#sec"))
