from urllib.parse import parse_qs, parse_qsl, urlsplit, urlunsplit

body = "name=Ada+Lovelace&lang=en&lang=fr&empty=&note=1%2B1%3D2"
print(parse_qs(body))
print(parse_qs(body, keep_blank_values=True))
print(parse_qsl(body))
parts = urlsplit("http://localhost:5000/search?q=cookies&page=2")
print(parts)
print(urlunsplit(parts._replace(query="q=sessions")))
