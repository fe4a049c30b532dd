# The URL-safe alphabet replaces + and / with - and _.
import base64

data = bytes([251, 255, 191, 62, 63])
print(base64.b64encode(data))
print(base64.urlsafe_b64encode(data))
print(base64.urlsafe_b64decode(b"-_-_Pj8="))
print(base64.urlsafe_b64decode("+/+/Pj8="))
print(base64.b64decode("-_-_Pj8="))
print(base64.b64encode(data, altchars=b"*!"))
print(base64.b64decode(b"*!*!Pj8=", altchars=b"*!"))
print(base64.b64decode("__8=", altchars="-_"))
