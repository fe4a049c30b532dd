# A login view's "next" parameter: only local paths are followed.
from urllib.parse import urlparse, urljoin, urlencode

HOST = "http://localhost:5000/"
def is_safe(target):
    ref = urlparse(HOST)
    test = urlparse(urljoin(HOST, target))
    return test.scheme in ("http", "https") and ref.netloc == test.netloc

for target in ["/dashboard", "profile?tab=1", "https://evil.example/", "//evil.example/x", "javascript:alert(1)"]:
    print(target, is_safe(target))
print("/login?" + urlencode({"next": "/cart?item=3"}))
