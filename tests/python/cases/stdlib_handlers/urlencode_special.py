from urllib.parse import urlencode, quote, unquote_plus

params = {"q": "a+b=c&d", "emoji": "✓", "space": "x y", "none": None, "num": 3.5}
print(urlencode(params))
print(urlencode(params, quote_via=quote))
print(unquote_plus("a%2Bb%3Dc%26d+x"))
print(quote(b"\x00\xff /"), quote("~user/._-"))
