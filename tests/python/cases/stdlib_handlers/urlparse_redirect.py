from urllib.parse import urlparse, urljoin

def is_safe_redirect(target, host="example.com"):
    ref = urlparse("http://" + host + "/")
    test = urlparse(urljoin("http://" + host + "/", target))
    return test.scheme in ("http", "https") and ref.netloc == test.netloc

for target in ["/dashboard", "https://example.com/ok", "//evil.com/x", "https://evil.com", "javascript:alert(1)"]:
    print(target, is_safe_redirect(target))
u = urlparse("https://user@example.com:8443/path/page?x=1&y=2#frag")
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.query, u.fragment)
