# Query strings: parse_qs, parse_qsl and urlencode.
from urllib.parse import parse_qs, parse_qsl, urlencode

qs = "tag=python&tag=flask&page=2&empty=&q=caf%C3%A9+au+lait"
print(parse_qs(qs))
print(parse_qs(qs, keep_blank_values=True))
print(parse_qsl(qs))
print(parse_qsl("a=1;b=2", separator=";"))
print(urlencode({"q": "flask sessions", "page": 2, "lang": "fr/ch"}))
print(urlencode([("tag", "a&b"), ("tag", "c")]))
print(urlencode({"tag": ["x", "y"], "n": 1}, doseq=True), urlencode({"tag": ["x", "y"]}))
try:
    urlencode("a=1")
except TypeError as e:
    print("TypeError:", e)
try:
    parse_qsl("a=1&b", strict_parsing=True)
except ValueError as e:
    print("ValueError:", e)
