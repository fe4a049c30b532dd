from urllib.parse import urlencode, quote, quote_plus, unquote

def login_url(next_path, **extra):
    params = {"next": next_path, **extra}
    return "/login?" + urlencode(params)

print(login_url("/cart?item=3&qty=2"))
print(login_url("/search", q="flask sessions", page=2))
print(quote("/a b/ü"), quote("a/b", safe=""), quote_plus("a b&c"))
print(unquote("%2Fcart%3Fitem%3D3"), unquote("caf%C3%A9"))
print(urlencode([("tag", "a"), ("tag", "b")]), urlencode({"ids": [1, 2]}, doseq=True))
