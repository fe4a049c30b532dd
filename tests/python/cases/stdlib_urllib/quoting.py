# Percent-encoding path segments and form values.
from urllib.parse import quote, quote_plus, unquote, unquote_plus

name = "Zoë & Co/2024"
print(quote(name), quote(name, safe=""), quote_plus(name))
print(unquote(quote(name)), unquote_plus(quote_plus(name)))
print(unquote("%41%2"), unquote("100%"), unquote_plus("a+b%2Bc"))
print(quote("a b", safe=" "), quote(b"\xff/x"), quote_plus("x y", safe="/"))
try:
    quote(42)
except TypeError as e:
    print("TypeError:", e)
