import base64

data = "session=ü&id=7".encode()
for enc in (base64.b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b16encode):
    text = enc(data)
    print(enc.__name__, text)
print(base64.b64decode(b"c2Vzc2lvbj3DvCZpZD03"))
print(base64.b32decode(base64.b32encode(b"xyz")), base64.b16decode(b"4142"))
print(base64.standard_b64encode(b"\x00\x01"), base64.standard_b64decode("AAE="))
try:
    base64.b64decode("abc")
except Exception as e:
    print(type(e).__name__, e)
