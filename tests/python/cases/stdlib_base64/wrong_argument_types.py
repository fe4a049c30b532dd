# What the base64 functions say about arguments of the wrong type.
import base64

attempts = [
    ("b64encode str", lambda: base64.b64encode("text")),
    ("b64decode int", lambda: base64.b64decode(42)),
    ("b64decode non-ascii", lambda: base64.b64decode("héllo")),
    ("b16encode str", lambda: base64.b16encode("ab")),
    ("urlsafe_b64decode None", lambda: base64.urlsafe_b64decode(None)),
    ("b64decode list", lambda: base64.b64decode([1, 2])),
]
for name, f in attempts:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(name, "->", type(e).__name__, e)
print(base64.b64encode(bytearray(b"ba")), base64.b64decode(bytearray(b"YmE=")))
