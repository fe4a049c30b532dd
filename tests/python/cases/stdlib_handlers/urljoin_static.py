from urllib.parse import urljoin, urldefrag, quote

base = "https://example.com/app/static/"
for ref in ["css/site.css", "/favicon.ico", "../index.html", "https://cdn.example.net/x.js", "?v=2", "#top"]:
    print(ref, "->", urljoin(base, ref))
print(urldefrag("https://example.com/page#section"))
print(base + quote("my file (1).png"))
