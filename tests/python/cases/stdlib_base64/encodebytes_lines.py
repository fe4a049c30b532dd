# encodebytes wraps at 76 characters, as e-mail bodies do; decodebytes reads it back.
import base64

data = bytes(range(100))
text = base64.encodebytes(data)
print(text)
print(base64.decodebytes(text) == data)
print(base64.encodebytes(b""))
print(base64.encodebytes(b"hi"))
